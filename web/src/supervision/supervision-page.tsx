import { Badge, Grid, Paper, SegmentedControl, Tabs } from '@mantine/core';
import { useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SUPERVISION_VIEWS,
  type SupervisionSummary,
  type SupervisionView,
} from '../../../domain/contracts/supervision.js';
import { useBoard, useSupervisionSummary } from '../api/use-supervision.js';
import { LoadMore } from '../components/load-more.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { usePageShortcuts } from '../shell/shortcuts.js';
import { BoardActionModals } from './board-action-modals.js';
import type { BoardAction } from './board-row-menu.js';
import { BoardTable, boardRowId } from './board-table.js';
import { ComplianceCard } from './compliance-table.js';
import { ProblemBoard } from './problem-board.js';
import { SummaryBreakdown } from './summary-breakdown.js';
import { SupervisionFilters } from './supervision-filters.js';
import {
  boardFiltersOf,
  currentMonth,
  hasFilters,
  type SupervisionSearch,
  summaryFiltersOf,
} from './supervision-search.js';

const TOTALS: Record<SupervisionView, keyof SupervisionSummary['totals']> = {
  at_risk: 'atRisk',
  breached: 'breached',
  paused: 'paused',
  escalated: 'escalated',
  commitments: 'commitments',
};
const TAB_COLORS: Record<SupervisionView, string> = {
  at_risk: 'orange',
  breached: 'red',
  paused: 'gray',
  escalated: 'violet',
  commitments: 'blue',
};

/** The L3 console: tickets at risk, breached, paused, escalated or promised; j/k to move, Enter to open. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const router = useRouter();
  const search = useSearch({ strict: false }) as SupervisionSearch;
  const onProblems = search.board === 'problems';
  const view = search.view ?? 'at_risk';
  const board = useBoard(boardFiltersOf(search), !onProblems);
  const summary = useSupervisionSummary(summaryFiltersOf(search));
  const tickets = board.data?.pages.flatMap((page) => page.items) ?? [];
  const [cursor, setCursor] = useState(-1);
  const [action, setAction] = useState<BoardAction | null>(null);

  const filterKey = JSON.stringify(boardFiltersOf(search));
  useEffect(() => {
    if (filterKey) setCursor(-1);
  }, [filterKey]);

  const setSearch = (patch: Partial<SupervisionSearch>) => {
    if (router.state.location.pathname !== '/supervision') return;
    void navigate({ to: '/supervision', search: (previous: SupervisionSearch) => ({ ...previous, ...patch }) });
  };

  const move = (step: number) => {
    if (tickets.length === 0) return;
    const next = Math.min(tickets.length - 1, Math.max(0, cursor + step));
    setCursor(next);
    document.getElementById(boardRowId(next))?.scrollIntoView({ block: 'nearest' });
  };

  usePageShortcuts({
    j: () => move(1),
    k: () => move(-1),
    enter: () => {
      const ticket = onProblems ? undefined : tickets[cursor];
      if (ticket) void navigate({ to: '/workspace/tickets/$ticketId', params: { ticketId: ticket.id } });
    },
  });

  return (
    <>
      <PageHeader
        title={t('supervision.title')}
        description={`${onProblems ? t('supervision.problemBoard.description') : t('supervision.description')} ${t('supervision.refreshHint')}`}
      />
      <SegmentedControl
        mb="md"
        aria-label={t('supervision.subjects.label')}
        value={onProblems ? 'problems' : 'tickets'}
        onChange={(value) =>
          // The views differ between the two: each starts at "at risk".
          setSearch({ board: value === 'problems' ? 'problems' : undefined, view: undefined })
        }
        data={[
          { value: 'tickets', label: t('supervision.subjects.tickets') },
          { value: 'problems', label: t('supervision.subjects.problems') },
        ]}
      />
      {onProblems ? (
        <>
          <SupervisionFilters search={search} onChange={setSearch} problems />
          <ProblemBoard search={search} onSearch={setSearch} />
        </>
      ) : (
        <>
          <Tabs
            value={view}
            onChange={(value) => setSearch({ view: value === 'at_risk' ? undefined : (value as SupervisionView) })}
            mb="md"
            keepMounted={false}
          >
            <Tabs.List>
              {SUPERVISION_VIEWS.map((tab) => {
                const count = summary.data?.totals[TOTALS[tab]];
                return (
                  <Tabs.Tab
                    key={tab}
                    value={tab}
                    rightSection={
                      count === undefined ? null : (
                        <Badge
                          size="sm"
                          circle={count < 10}
                          variant={count ? 'filled' : 'light'}
                          color={TAB_COLORS[tab]}
                        >
                          {count}
                        </Badge>
                      )
                    }
                  >
                    {t(`supervision.views.${tab}`)}
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
          </Tabs>
          <SupervisionFilters search={search} onChange={setSearch} />
          <QueryState
            query={board}
            empty={
              <Paper withBorder radius="md">
                <EmptyMessage
                  title={hasFilters(search) ? t('supervision.noMatches') : t(`supervision.empty.${view}`)}
                  description={hasFilters(search) ? t('common.tryAnotherSearch') : t('supervision.emptyHint')}
                />
              </Paper>
            }
          >
            {() => (
              <>
                <BoardTable tickets={tickets} cursor={cursor} onCursor={setCursor} onAction={setAction} />
                <LoadMore
                  shown={tickets.length}
                  hasMore={board.hasNextPage}
                  loading={board.isFetchingNextPage}
                  onLoadMore={() => void board.fetchNextPage()}
                />
              </>
            )}
          </QueryState>
        </>
      )}
      <Grid gap="md" mt="lg">
        {onProblems ? null : (
          <Grid.Col span={{ base: 12, md: 6 }}>
            <QueryState query={summary}>
              {(report) => <SummaryBreakdown summary={report} onFilter={setSearch} />}
            </QueryState>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: onProblems ? 12 : 6 }}>
          <ComplianceCard
            month={search.month ?? currentMonth()}
            onMonthChange={(month) => setSearch({ month: month === currentMonth() ? undefined : month })}
          />
        </Grid.Col>
      </Grid>
      <BoardActionModals action={action} onClose={() => setAction(null)} />
    </>
  );
}
