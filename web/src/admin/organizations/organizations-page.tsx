import { Button, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizationList } from '../../api/use-organizations.js';
import { StatusBadge } from '../../components/badges.js';
import { DateTime } from '../../components/date-time.js';
import { LoadMore } from '../../components/load-more.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyMessage, QueryState } from '../../components/query-states.js';
import { RouterAnchor } from '../../components/router-link.js';
import { SearchInput } from '../../components/search-input.js';
import { OrganizationCreateModal } from './organization-create-modal.js';

type StatusFilter = 'active' | 'inactive' | 'all';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [creating, setCreating] = useState(false);
  const list = useOrganizationList({ q: q || undefined, status: status === 'all' ? undefined : status });
  const organizations = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.description')}
        actions={<Button onClick={() => setCreating(true)}>{t('organizations.new')}</Button>}
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <SearchInput
          onSearch={setQ}
          placeholder={t('directory.searchPlaceholder')}
          aria-label={t('directory.searchPlaceholder')}
          style={{ flex: '1 1 16rem' }}
        />
        <SegmentedControl
          value={status}
          onChange={(value) => setStatus(value as StatusFilter)}
          data={[
            { value: 'all', label: t('status.all') },
            { value: 'active', label: t('status.activePlural') },
            { value: 'inactive', label: t('status.inactivePlural') },
          ]}
        />
      </Group>
      <QueryState
        query={list}
        empty={
          <Paper withBorder radius="md">
            <EmptyMessage
              title={q ? t('directory.noMatches', { q }) : t('directory.empty')}
              description={q ? t('common.tryAnotherSearch') : t('organizations.emptyHint')}
              action={q ? undefined : <Button onClick={() => setCreating(true)}>{t('organizations.new')}</Button>}
            />
          </Paper>
        }
      >
        {() => (
          <>
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="sm" highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('fields.name')}</Table.Th>
                      <Table.Th>{t('fields.code')}</Table.Th>
                      <Table.Th>{t('fields.status')}</Table.Th>
                      <Table.Th>{t('organizations.ticketVisibility')}</Table.Th>
                      <Table.Th>{t('fields.updatedAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {organizations.map((organization) => (
                      <Table.Tr key={organization.id}>
                        <Table.Td>
                          <RouterAnchor
                            to="/admin/organizations/$organizationId"
                            params={{ organizationId: organization.id }}
                            fw={500}
                          >
                            {organization.name}
                          </RouterAnchor>
                        </Table.Td>
                        <Table.Td>
                          <Text ff="monospace" size="sm">
                            {organization.code}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge status={organization.status} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed">
                            {organization.requestersSeeAllTickets
                              ? t('organizations.visibilityAll')
                              : t('organizations.visibilityOwn')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed">
                            <DateTime value={organization.updatedAt} />
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <LoadMore
              shown={organizations.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </QueryState>
      <OrganizationCreateModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(organization) =>
          void navigate({ to: '/admin/organizations/$organizationId', params: { organizationId: organization.id } })
        }
      />
    </>
  );
}
