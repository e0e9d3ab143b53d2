import { Badge, Paper, Tabs } from '@mantine/core';
import { useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkUpdateResult } from '../../../domain/contracts/tickets.js';
import { useQueueCounts, useTicketList } from '../api/use-tickets.js';
import { LoadMore } from '../components/load-more.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { RouterButton } from '../components/router-link.js';
import { usePageShortcuts } from '../shell/shortcuts.js';
import { BulkActions, BulkResult } from './bulk-actions.js';
import { QueueFilters } from './queue-filters.js';
import { filtersOf, type Queue, type QueueSearch } from './queue-search.js';
import { countLabel, QUEUE_TABS, showsAssignee } from './queue-tabs.js';
import { rowId, TicketTable } from './ticket-table.js';

/** The desk's queues: tabs, filters, a dense table; j/k to move, Enter to open, x to tick. */
export function TicketsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const router = useRouter();
  const search = useSearch({ strict: false }) as QueueSearch;
  const queue = search.queue ?? 'mine';
  const filters = filtersOf(search);
  const list = useTicketList(filters);
  const counts = useQueueCounts();
  const tickets = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [cursor, setCursor] = useState(-1);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<BulkUpdateResult | null>(null);
  const filtered = Object.keys(search).some((key) => key !== 'queue' && key !== 'sort');

  // Another queue or other filters: a fresh start for the keyboard cursor and the ticks.
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    if (filterKey) {
      setCursor(-1);
      setSelected(new Set());
    }
  }, [filterKey]);

  const setSearch = (patch: Partial<QueueSearch>) => {
    // A late filter change (the search box reports after a pause) must not pull back someone who just opened a ticket.
    if (router.state.location.pathname !== '/workspace/tickets') return;
    void navigate({ to: '/workspace/tickets', search: (previous: QueueSearch) => ({ ...previous, ...patch }) });
  };

  const move = (step: number) => {
    if (tickets.length === 0) return;
    const next = Math.min(tickets.length - 1, Math.max(0, cursor + step));
    setCursor(next);
    document.getElementById(rowId(next))?.scrollIntoView({ block: 'nearest' });
  };

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  usePageShortcuts({
    j: () => move(1),
    k: () => move(-1),
    x: () => {
      const ticket = tickets[cursor];
      if (ticket) toggle(ticket.id);
    },
    enter: () => {
      const ticket = tickets[cursor];
      if (ticket) void navigate({ to: '/workspace/tickets/$ticketId', params: { ticketId: ticket.id } });
    },
  });

  return (
    <>
      <PageHeader
        title={t('queue.title')}
        description={t('queue.description')}
        actions={<RouterButton to="/workspace/tickets/new">{t('queue.newTicket')}</RouterButton>}
      />
      <Tabs
        value={queue}
        onChange={(value) => setSearch({ queue: value === 'mine' ? undefined : (value as Queue) })}
        mb="md"
        keepMounted={false}
      >
        <Tabs.List>
          {QUEUE_TABS.map((tab) => {
            const count = countLabel(counts.data, tab);
            return (
              <Tabs.Tab
                key={tab}
                value={tab}
                rightSection={
                  count === null ? null : (
                    <Badge size="sm" variant={tab === queue ? 'filled' : 'light'} color="gray" radius="sm">
                      {count}
                    </Badge>
                  )
                }
              >
                {t(`queue.queues.${tab}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      <QueueFilters search={search} onChange={setSearch} />
      {result ? <BulkResult result={result} tickets={tickets} onClose={() => setResult(null)} /> : null}
      <QueryState
        query={list}
        empty={
          <Paper withBorder radius="md">
            <EmptyMessage
              title={filtered ? t('queue.noMatches') : t(`queue.empty.${queue}`)}
              description={filtered ? t('common.tryAnotherSearch') : undefined}
            />
          </Paper>
        }
      >
        {() => (
          <>
            <TicketTable
              tickets={tickets}
              cursor={cursor}
              selected={selected}
              showAssignee={showsAssignee(queue)}
              onToggle={toggle}
              onToggleAll={(all) => setSelected(all ? new Set(tickets.map((ticket) => ticket.id)) : new Set())}
              onCursor={setCursor}
            />
            <LoadMore
              shown={tickets.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </QueryState>
      <BulkActions
        selected={tickets.filter((ticket) => selected.has(ticket.id))}
        onClear={() => setSelected(new Set())}
        onDone={(done) => {
          setResult(done);
          setSelected(new Set(done.items.filter((item) => !item.ok).map((item) => item.ticketId)));
        }}
      />
    </>
  );
}
