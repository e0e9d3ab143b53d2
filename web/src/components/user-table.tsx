import { Group, Paper, Select, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../domain/contracts/users.js';
import { ROLES, type Role } from '../../../domain/roles.js';
import { type UserFilters, useUserList } from '../api/use-users.js';
import { RoleBadges, StatusBadge } from './badges.js';
import { LoadMore } from './load-more.js';
import { OrganizationName, OrganizationSelect } from './organization-select.js';
import { EmptyMessage, QueryState } from './query-states.js';
import { SearchInput } from './search-input.js';

/** The people list and its filters, shared by the desk's directory of people and the admin's users screen. */

export function UserFiltersBar({
  filters,
  onChange,
  onSearch,
}: {
  filters: UserFilters;
  onChange: (update: (current: UserFilters) => UserFilters) => void;
  onSearch: (q: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
      <SearchInput
        onSearch={onSearch}
        placeholder={t('people.searchPlaceholder')}
        aria-label={t('people.searchPlaceholder')}
        style={{ flex: '2 1 16rem' }}
      />
      <Select
        aria-label={t('fields.role')}
        placeholder={t('people.anyRole')}
        clearable
        data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        value={filters.role ?? null}
        onChange={(role) => onChange((f) => ({ ...f, role: (role as Role | null) ?? undefined }))}
        style={{ flex: '1 1 11rem' }}
      />
      <OrganizationSelect
        aria-label={t('fields.organization')}
        placeholder={t('people.anyOrganization')}
        clearable
        includeInactive
        value={filters.organizationId ?? null}
        onChange={(id) => onChange((f) => ({ ...f, organizationId: id ?? undefined }))}
        style={{ flex: '1 1 13rem' }}
      />
      <Select
        aria-label={t('fields.status')}
        data={[
          { value: 'active', label: t('status.activePlural') },
          { value: 'inactive', label: t('status.inactivePlural') },
          { value: 'all', label: t('status.all') },
        ]}
        value={filters.status ?? 'all'}
        allowDeselect={false}
        onChange={(status) =>
          onChange((f) => ({ ...f, status: status === 'all' ? undefined : (status as 'active' | 'inactive') }))
        }
        style={{ flex: '0 1 9rem' }}
      />
    </Group>
  );
}

export function UserTable({
  filters,
  renderActions,
}: {
  filters: UserFilters;
  renderActions?: (user: User) => ReactNode;
}) {
  const { t } = useTranslation();
  const list = useUserList(filters);
  const users = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.q || filters.role || filters.organizationId);

  return (
    <QueryState
      query={list}
      empty={
        <Paper withBorder radius="md">
          <EmptyMessage
            title={filtered ? t('people.noMatches') : t('people.empty')}
            description={filtered ? t('common.tryAnotherSearch') : undefined}
          />
        </Paper>
      }
    >
      {() => (
        <>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.name')}</Table.Th>
                    <Table.Th>{t('fields.roles')}</Table.Th>
                    <Table.Th>{t('fields.organization')}</Table.Th>
                    <Table.Th>{t('fields.status')}</Table.Th>
                    {renderActions ? <Table.Th aria-label={t('common.actions')} /> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {user.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {user.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RoleBadges roles={user.roles} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          <OrganizationName id={user.organizationId} />
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={user.status} />
                      </Table.Td>
                      {renderActions ? <Table.Td ta="right">{renderActions(user)}</Table.Td> : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <LoadMore
            shown={users.length}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}
    </QueryState>
  );
}
