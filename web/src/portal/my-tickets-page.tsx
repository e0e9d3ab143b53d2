import { Group, Paper, SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES, type TicketStatus } from '../../../domain/tickets/ticket-lifecycle.js';
import { useTicketList } from '../api/use-tickets.js';
import { LoadMore } from '../components/load-more.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { RouterButton } from '../components/router-link.js';
import { SearchInput } from '../components/search-input.js';
import { RequesterTicketList } from './requester-ticket-list.js';

type Filter = 'open' | 'closed' | 'all';

/** A resolved ticket still waits for the requester (confirm or reopen): it counts as open here. */
const STATUSES_OF: Record<Filter, TicketStatus[] | undefined> = {
  open: [...OPEN_STATUSES, 'resolved'],
  closed: ['closed', 'cancelled'],
  all: undefined,
};

/** Every ticket the requester may see: their own, or their organization's when it shares them. */
export function MyTicketsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('open');
  const [q, setQ] = useState('');
  const list = useTicketList({ status: STATUSES_OF[filter], q: q || undefined, sort: 'updated' });
  const tickets = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('portalTickets.title')}
        description={t('portalTickets.description')}
        actions={<RouterButton to="/portal">{t('portalTickets.new')}</RouterButton>}
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <SegmentedControl
          value={filter}
          onChange={(value) => setFilter(value as Filter)}
          data={[
            { value: 'open', label: t('portalTickets.open') },
            { value: 'closed', label: t('portalTickets.closed') },
            { value: 'all', label: t('portalTickets.all') },
          ]}
        />
        <SearchInput
          onSearch={setQ}
          placeholder={t('portalTickets.searchPlaceholder')}
          aria-label={t('portalTickets.searchPlaceholder')}
          style={{ flex: '1 1 14rem' }}
        />
      </Group>
      <QueryState
        query={list}
        empty={
          <Paper withBorder radius="md">
            <EmptyMessage
              title={q ? t('portalTickets.noMatches') : t(`portalTickets.empty.${filter}`)}
              description={q ? t('common.tryAnotherSearch') : undefined}
            />
          </Paper>
        }
      >
        {() => (
          <>
            <RequesterTicketList tickets={tickets} />
            <LoadMore
              shown={tickets.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
