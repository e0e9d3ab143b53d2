import { Grid, NavLink, Paper, SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../domain/contracts/organizations.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { useOrganizationList } from '../api/use-organizations.js';
import { useCurrentUser } from '../api/use-session.js';
import { StatusBadge } from '../components/badges.js';
import { LoadMore } from '../components/load-more.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { RouterButton } from '../components/router-link.js';
import { SearchInput } from '../components/search-input.js';
import { OrganizationServices } from './organization-services.js';

type StatusFilter = 'active' | 'inactive' | 'all';

/** The staff home: every client organization, and what each one has contracted. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<StatusFilter>('active');
  const [selected, setSelected] = useState<Organization | null>(null);
  const list = useOrganizationList({ q: q || undefined, status: status === 'all' ? undefined : status });
  const organizations = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canManage = rolesGrant(me.roles, 'organizations.manage');
  // The freshest copy of the picked organization, if the list reloaded since it was picked.
  const shown = selected ? (organizations.find((o) => o.id === selected.id) ?? selected) : null;

  return (
    <>
      <PageHeader
        title={t('directory.title')}
        description={t('directory.description')}
        actions={
          canManage ? (
            <RouterButton to="/admin/organizations" variant="light">
              {t('directory.manage')}
            </RouterButton>
          ) : null
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <SearchInput
              onSearch={setQ}
              placeholder={t('directory.searchPlaceholder')}
              aria-label={t('directory.searchPlaceholder')}
            />
            <SegmentedControl
              size="xs"
              value={status}
              onChange={(value) => setStatus(value as StatusFilter)}
              data={[
                { value: 'active', label: t('status.activePlural') },
                { value: 'inactive', label: t('status.inactivePlural') },
                { value: 'all', label: t('status.all') },
              ]}
            />
            <Paper withBorder radius="md" p={4}>
              <QueryState
                query={list}
                empty={
                  <EmptyMessage
                    title={q ? t('directory.noMatches', { q }) : t('directory.empty')}
                    description={q ? t('common.tryAnotherSearch') : undefined}
                  />
                }
              >
                {() => (
                  <nav aria-label={t('directory.listLabel')}>
                    {organizations.map((organization) => (
                      <NavLink
                        key={organization.id}
                        component="button"
                        type="button"
                        active={selected?.id === organization.id}
                        onClick={() => setSelected(organization)}
                        label={organization.name}
                        description={organization.code}
                        rightSection={
                          organization.status === 'inactive' ? <StatusBadge status={organization.status} /> : null
                        }
                      />
                    ))}
                  </nav>
                )}
              </QueryState>
            </Paper>
            {list.isSuccess && organizations.length > 0 ? (
              <LoadMore
                shown={organizations.length}
                hasMore={list.hasNextPage}
                loading={list.isFetchingNextPage}
                onLoadMore={() => void list.fetchNextPage()}
              />
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {shown ? (
            <OrganizationServices organization={shown} canManage={canManage} />
          ) : (
            <Paper withBorder radius="md" p="lg">
              <EmptyMessage title={t('directory.pickOne')} description={t('directory.pickOneHint')} />
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
