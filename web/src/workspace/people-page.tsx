import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserFilters } from '../api/use-users.js';
import { PageHeader } from '../components/page-header.js';
import { UserFiltersBar, UserTable } from '../components/user-table.js';

/** Who is who: staff and requesters, filtered by name or email, role and organization. */
export function PeoplePage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<UserFilters>({ status: 'active' });
  const setQ = (q: string) => setFilters((f) => ({ ...f, q: q || undefined }));

  return (
    <>
      <PageHeader title={t('people.title')} description={t('people.description')} />
      <UserFiltersBar filters={filters} onChange={setFilters} onSearch={setQ} />
      <UserTable filters={filters} />
    </>
  );
}
