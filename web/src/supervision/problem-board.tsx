import { ActionIcon, Badge, Group, Menu, Paper, Stack, Table, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BoardProblem,
  PROBLEM_SUPERVISION_VIEWS,
  type ProblemSupervisionView,
} from '../../../domain/contracts/supervision.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { useCurrentUser } from '../api/use-session.js';
import { useProblemBoard, useProblemSupervisionSummary } from '../api/use-supervision.js';
import { CommitmentModal } from '../components/commitment-modal.js';
import { DotsIcon } from '../components/icons.js';
import { LoadMore } from '../components/load-more.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { SlaBadge, SlaDue } from '../components/sla-badge.js';
import { PriorityBadge } from '../components/ticket-badges.js';
import { ProblemStatusBadge } from '../problems/problem-status-badge.js';
import { CommitmentCell } from './board-table.js';
import { hasFilters, problemBoardFiltersOf, type SupervisionSearch } from './supervision-search.js';

const TOTALS = { at_risk: 'atRisk', breached: 'breached', commitments: 'commitments' } as const;
const TAB_COLORS: Record<ProblemSupervisionView, string> = { at_risk: 'orange', breached: 'red', commitments: 'blue' };

/** The board's Problems view: open problem reports at risk, breached or promised, with their counts. */
export function ProblemBoard({
  search,
  onSearch,
}: {
  search: SupervisionSearch;
  onSearch: (patch: Partial<SupervisionSearch>) => void;
}) {
  const { t } = useTranslation();
  const filters = problemBoardFiltersOf(search);
  const { view, ...placeFilters } = filters;
  const board = useProblemBoard(filters);
  const summary = useProblemSupervisionSummary(placeFilters);
  const problems = board.data?.pages.flatMap((page) => page.items) ?? [];
  const [promising, setPromising] = useState<BoardProblem | null>(null);
  const filtered = Boolean(search.organizationId || search.groupId);

  return (
    <>
      <Tabs
        value={view}
        onChange={(value) => onSearch({ view: value === 'at_risk' ? undefined : (value as ProblemSupervisionView) })}
        mb="md"
        keepMounted={false}
      >
        <Tabs.List>
          {PROBLEM_SUPERVISION_VIEWS.map((tab) => {
            const count = summary.data?.[TOTALS[tab]];
            return (
              <Tabs.Tab
                key={tab}
                value={tab}
                rightSection={
                  count === undefined ? null : (
                    <Badge size="sm" circle={count < 10} variant={count ? 'filled' : 'light'} color={TAB_COLORS[tab]}>
                      {count}
                    </Badge>
                  )
                }
              >
                {t(`supervision.problemBoard.views.${tab}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      <QueryState
        query={board}
        empty={
          <Paper withBorder radius="md">
            <EmptyMessage
              title={filtered ? t('supervision.problemBoard.noMatches') : t(`supervision.problemBoard.empty.${view}`)}
              description={hasFilters(search) ? t('common.tryAnotherSearch') : t('supervision.emptyHint')}
            />
          </Paper>
        }
      >
        {() => (
          <>
            <ProblemTable problems={problems} onPromise={setPromising} />
            <LoadMore
              shown={problems.length}
              hasMore={board.hasNextPage}
              loading={board.isFetchingNextPage}
              onLoadMore={() => void board.fetchNextPage()}
            />
          </>
        )}
      </QueryState>
      {promising ? (
        <CommitmentModal
          key={promising.id}
          caseId={promising.id}
          kind="problem"
          number={promising.number}
          openPromisedAt={promising.commitment?.promisedAt ?? null}
          opened
          onClose={() => setPromising(null)}
        />
      ) : null}
    </>
  );
}

function ProblemTable({
  problems,
  onPromise,
}: {
  problems: readonly BoardProblem[];
  onPromise: (problem: BoardProblem) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={1080}>
        <Table
          layout="fixed"
          verticalSpacing={6}
          fz="sm"
          highlightOnHover
          aria-label={t('supervision.problemBoard.tableLabel')}
        >
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th>{t('supervision.problemBoard.columns.problem')}</Table.Th>
              <Table.Th w={180}>{t('supervision.problemBoard.columns.organizations')}</Table.Th>
              <Table.Th w={180}>{t('supervision.problemBoard.columns.owner')}</Table.Th>
              <Table.Th w={110}>{t('supervision.problemBoard.columns.sla')}</Table.Th>
              <Table.Th w={150}>{t('supervision.problemBoard.columns.due')}</Table.Th>
              <Table.Th w={140}>{t('supervision.problemBoard.columns.commitment')}</Table.Th>
              <Table.Th w={48}>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((problem) => (
              <ProblemRow key={problem.id} problem={problem} onPromise={onPromise} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ProblemRow({ problem, onPromise }: { problem: BoardProblem; onPromise: (problem: BoardProblem) => void }) {
  const { t } = useTranslation();
  const organizations = problem.organizations.map((o) => o.name).join(', ');
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text ff="monospace" size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {problem.number}
          </Text>
          <PriorityBadge priority={problem.priority} size="xs" />
          <ProblemStatusBadge status={problem.status} size="xs" />
        </Group>
        <RouterAnchor
          to="/workspace/problems/$problemId"
          params={{ problemId: problem.id }}
          size="sm"
          fw={500}
          c="var(--mantine-color-text)"
          lineClamp={1}
          title={problem.subject}
        >
          {problem.subject}
        </RouterAnchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2} c={organizations ? undefined : 'dimmed'} title={organizations}>
          {organizations || t('supervision.problemBoard.noOrganizations')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          <Text size="xs" truncate c={problem.group ? undefined : 'dimmed'}>
            {problem.group?.name ?? t('supervision.problemBoard.noGroup')}
          </Text>
          <Text size="sm" truncate c={problem.owner ? undefined : 'dimmed'}>
            {problem.owner?.name ?? t('supervision.problemBoard.noOwner')}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <SlaBadge state={problem.sla.state} size="sm" />
      </Table.Td>
      <Table.Td>
        <SlaDue deadline={problem.sla.resolutionDueAt} size="xs" style={{ whiteSpace: 'nowrap' }} />
      </Table.Td>
      <Table.Td>
        <CommitmentCell commitment={problem.commitment} />
      </Table.Td>
      <Table.Td>
        <ProblemRowMenu problem={problem} onPromise={onPromise} />
      </Table.Td>
    </Table.Tr>
  );
}

function ProblemRowMenu({ problem, onPromise }: { problem: BoardProblem; onPromise: (problem: BoardProblem) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('supervision.actions.label', { number: problem.number })}
        >
          <DotsIcon />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          onClick={() => void navigate({ to: '/workspace/problems/$problemId', params: { problemId: problem.id } })}
        >
          {t('supervision.problemBoard.actions.open')}
        </Menu.Item>
        {rolesGrant(me.roles, 'supervision.act') ? (
          <Menu.Item onClick={() => onPromise(problem)}>{t('supervision.actions.commitment')}</Menu.Item>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
