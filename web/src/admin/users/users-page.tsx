import { Alert, Button, Group } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../domain/contracts/users.js';
import { type UserFilters, useUnlockUser } from '../../api/use-users.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageHeader } from '../../components/page-header.js';
import { UserFiltersBar, UserTable } from '../../components/user-table.js';
import { UserCreateModal } from './user-create-modal.js';
import { UserEditModal } from './user-edit-modal.js';
import { UserPasswordModal } from './user-password-modal.js';

/** Accounts: staff and requesters, their roles, organization and status. */
export function UsersPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<UserFilters>({});
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const unlock = useUnlockUser();
  const [unlocked, setUnlocked] = useState<string | null>(null);
  const setQ = useCallback((q: string) => setFilters((f) => ({ ...f, q: q || undefined })), []);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={<Button onClick={() => setCreating(true)}>{t('users.new')}</Button>}
      />
      <ErrorAlert error={unlock.error} />
      {unlocked ? (
        <Alert color="teal" mb="md" role="status" withCloseButton onClose={() => setUnlocked(null)}>
          {t('users.unlocked', { name: unlocked })}
        </Alert>
      ) : null}
      <UserFiltersBar filters={filters} onChange={setFilters} onSearch={setQ} />
      <UserTable
        filters={filters}
        renderActions={(user) => (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button size="compact-sm" variant="subtle" onClick={() => setEditingId(user.id)}>
              {t('common.edit')}
            </Button>
            <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setResetting(user)}>
              {t('users.resetPassword')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              loading={unlock.isPending && unlock.variables === user.id}
              onClick={() => unlock.mutate(user.id, { onSuccess: () => setUnlocked(user.name) })}
            >
              {t('users.unlock')}
            </Button>
          </Group>
        )}
      />
      <UserCreateModal opened={creating} onClose={() => setCreating(false)} />
      <UserEditModal userId={editingId} onClose={() => setEditingId(null)} />
      <UserPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
