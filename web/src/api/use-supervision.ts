import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SlaExplanation } from '../../../domain/contracts/sla.js';
import type {
  BoardTicket,
  Commitment,
  Compliance,
  CreateCommitmentBody,
  SupervisionQuery,
  SupervisionSummary,
  SupervisionSummaryQuery,
} from '../../../domain/contracts/supervision.js';
import { apiRequest } from './client.js';
import type { Page } from './query-client.js';
import { invalidateTicket, ticketKey, ticketListKey } from './use-tickets.js';

/** The board's filters; cursor and limit are the hook's business. */
export type BoardFilters = Omit<SupervisionQuery, 'cursor' | 'limit'>;
export type SummaryFilters = SupervisionSummaryQuery;

/**
 * The board and its counts are ticket lists: kept under the ticket lists' key, so a change made
 * here, elsewhere on the desk or announced by the live updates reloads them like the queues.
 */
const boardKey = [...ticketListKey(), 'supervision'] as const;
const REFRESH_MS = 30_000;
const ticketPath = (id: string) => `/tickets/${encodeURIComponent(id)}`;
const commitmentsKey = (ticketId: string) => [...ticketKey(ticketId), 'commitments'] as const;

/** One view of the supervisor's board, in keyset pages; refreshes itself every 30 s. */
export function useBoard(filters: BoardFilters) {
  return useInfiniteQuery({
    queryKey: [...boardKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<BoardTicket>>('/supervision/tickets', {
        query: { ...filters, limit: 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

/** The counts per view and the breakdowns by organization, group, agent and level. */
export function useSupervisionSummary(filters: SummaryFilters) {
  return useQuery({
    queryKey: [...boardKey, 'summary', filters],
    queryFn: ({ signal }) => apiRequest<SupervisionSummary>('/supervision/summary', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

/** Share of SLA targets met per organization in a month (YYYY-MM). */
export function useCompliance(month: string) {
  return useQuery({
    queryKey: ['supervision', 'compliance', month],
    queryFn: ({ signal }) => apiRequest<Compliance>('/supervision/compliance', { query: { month }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/**
 * "Why is it due then?": the agreement, calendar, pauses and matrix behind a ticket's deadlines.
 * Keyed by the ticket's version, so any change to the ticket asks again.
 */
export function useSlaExplanation(ticketId: string, version: number) {
  return useQuery({
    queryKey: [...ticketKey(ticketId), 'sla', version],
    queryFn: ({ signal }) => apiRequest<SlaExplanation>(`${ticketPath(ticketId)}/sla`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** A ticket's commitments to the client, newest first as the API gives them. */
export function useCommitments(ticketId: string) {
  return useQuery({
    queryKey: commitmentsKey(ticketId),
    queryFn: ({ signal }) => apiRequest<{ items: Commitment[] }>(`${ticketPath(ticketId)}/commitments`, { signal }),
    select: (data) => data.items,
  });
}

/** Records a date promised to the client; it supersedes the open one. */
export function useCreateCommitment(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommitmentBody) =>
      apiRequest<Commitment>(`${ticketPath(ticketId)}/commitments`, { method: 'POST', body }),
    onSuccess: () => invalidateTicket(queryClient, ticketId),
  });
}
