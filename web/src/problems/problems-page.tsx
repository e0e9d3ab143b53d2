import { Button, Group, MultiSelect, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesGrant } from '../../../domain/permissions.js';
import { PROBLEM_STATUSES, type ProblemStatus } from '../../../domain/problems/problem-lifecycle.js';
import { PRIORITIES, PRIORITY_NAMES, type Priority } from '../../../domain/tickets/priority.js';
import { useProblemList } from '../api/use-problems.js';
import { useCurrentUser } from '../api/use-session.js';
import { PlusIcon } from '../components/icons.js';
import { LoadMore } from '../components/load-more.js';
import { OrganizationSelect } from '../components/organization-select.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { RelativeTime } from '../components/relative-time.js';
import { RouterAnchor, RouterButton } from '../components/router-link.js';
import { SearchInput } from '../components/search-input.js';
import { PriorityBadge } from '../components/ticket-badges.js';
import { NewProblemModal } from './new-problem-modal.js';
import { ProblemStatusBadge } from './problem-status-badge.js';

/** The desk's problems: search and filter them, newest change first, and record a new one. */
export function ProblemsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ProblemStatus[]>([]);
  const [priority, setPriority] = useState<string[]>([]);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useProblemList({
    q: q || undefined,
    status: status.length ? status : undefined,
    priority: priority.length ? priority.map((p) => Number(p) as Priority) : undefined,
    organizationId: organizationId ?? undefined,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(q || status.length || priority.length || organizationId);

  return (
    <>
      <PageHeader
        title={t('problems.title')}
        description={t('problems.web.description')}
        actions={
          <>
            <RouterButton to="/workspace/problems/candidates" variant="default">
              {t('problemScreens.candidates.open')}
            </RouterButton>
            {rolesGrant(me.roles, 'problems.manage') ? (
              <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreating(true)}>
                {t('problems.web.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <SearchInput
          placeholder={t('problems.web.search')}
          aria-label={t('problems.web.search')}
          onSearch={setQ}
          style={{ flex: '1 1 16rem' }}
        />
        <MultiSelect
          aria-label={t('problems.web.status')}
          placeholder={status.length ? undefined : t('problems.web.allStatuses')}
          data={PROBLEM_STATUSES.map((value) => ({ value, label: t(`problems.statuses.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(value as ProblemStatus[])}
          clearable
          w={240}
        />
        <MultiSelect
          aria-label={t('problems.fields.priority')}
          placeholder={priority.length ? undefined : t('problems.web.allPriorities')}
          data={PRIORITIES.map((p) => ({
            value: String(p),
            label: `P${p} ${t(`tickets.priorities.${PRIORITY_NAMES[p]}`)}`,
          }))}
          value={priority}
          onChange={setPriority}
          clearable
          w={220}
        />
        <OrganizationSelect
          aria-label={t('problems.web.organization')}
          placeholder={t('problems.web.organization')}
          value={organizationId}
          onChange={setOrganizationId}
          includeInactive
          clearable
          w={220}
        />
      </Group>
      <QueryState
        query={list}
        empty={<EmptyMessage title={filtered ? t('problems.web.emptyFiltered') : t('problems.web.empty')} />}
      >
        {() => (
          <>
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing={6} fz="sm" highlightOnHover aria-label={t('problems.web.tableLabel')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={110}>{t('problems.web.numberColumn')}</Table.Th>
                      <Table.Th>{t('problems.fields.subject')}</Table.Th>
                      <Table.Th w={140}>{t('problems.web.status')}</Table.Th>
                      <Table.Th w={130}>{t('problems.fields.priority')}</Table.Th>
                      <Table.Th w={100}>{t('problems.web.incidents')}</Table.Th>
                      <Table.Th w={140}>{t('problems.web.updated')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((problem) => (
                      <Table.Tr key={problem.id}>
                        <Table.Td>
                          <Text size="sm" ff="monospace">
                            {problem.number}
                          </Text>
                        </Table.Td>
                        <Table.Td maw={420}>
                          <RouterAnchor
                            to="/workspace/problems/$problemId"
                            params={{ problemId: problem.id }}
                            size="sm"
                            fw={500}
                            lineClamp={1}
                          >
                            {problem.subject}
                          </RouterAnchor>
                          {problem.owner || problem.group ? (
                            <Text size="xs" c="dimmed" truncate>
                              {[problem.owner?.name, problem.group?.name].filter(Boolean).join(' · ')}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          <ProblemStatusBadge status={problem.status} size="sm" />
                        </Table.Td>
                        <Table.Td>
                          <PriorityBadge priority={problem.priority} size="sm" />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{problem.incidentCount}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            <RelativeTime value={problem.updatedAt} />
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <LoadMore
              shown={items.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </QueryState>
      {creating ? <NewProblemModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
