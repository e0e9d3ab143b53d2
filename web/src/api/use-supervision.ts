import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SlaExplanation } from '../../../domain/contracts/sla.js';
import type {
  BoardProblem,
  BoardTicket,
  Commitment,
  Compliance,
  CreateCommitmentBody,
  ProblemSupervisionQuery,
  ProblemSupervisionSummary,
  ProblemSupervisionSummaryQuery,
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
export type ProblemBoardFilters = Omit<ProblemSupervisionQuery, 'cursor' | 'limit'>;

/**
 * The board and its counts are ticket lists: kept under the ticket lists' key, so a change made
 * here, elsewhere on the desk or announced by the live updates reloads them like the queues.
 */
const boardKey = [...ticketListKey(), 'supervision'] as const;
const REFRESH_MS = 30_000;
const ticketPath = (id: string) => `/tickets/${encodeURIComponent(id)}`;
const commitmentsKey = (ticketId: string) => [...ticketKey(ticketId), 'commitments'] as const;

/** One view of the supervisor's board, in keyset pages; refreshes itself every 30 s. */
export function useBoard(filters: BoardFilters, enabled = true) {
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
    enabled,
  });
}

/**
 * The board's Problems view: kept under the problems' key, so a change to a problem (or a
 * commitment made for one) reloads it.
 */
const problemBoardKey = ['problems', 'supervision'] as const;
const problemPath = (id: string) => `/problems/${encodeURIComponent(id)}`;
const problemCommitmentsKey = (problemId: string) => ['problems', 'commitments', problemId] as const;

export function useProblemBoard(filters: ProblemBoardFilters) {
  return useInfiniteQuery({
    queryKey: [...problemBoardKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<BoardProblem>>('/supervision/problems', {
        query: { ...filters, limit: 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

/** How many open problems are at risk, breached or promised. */
export function useProblemSupervisionSummary(filters: ProblemSupervisionSummaryQuery, enabled = true) {
  return useQuery({
    queryKey: [...problemBoardKey, 'summary', filters],
    queryFn: ({ signal }) =>
      apiRequest<ProblemSupervisionSummary>('/supervision/problems/summary', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    enabled,
  });
}

/** A problem's commitments, newest first. */
export function useProblemCommitments(problemId: string, enabled = true) {
  return useQuery({
    queryKey: problemCommitmentsKey(problemId),
    queryFn: ({ signal }) => apiRequest<{ items: Commitment[] }>(`${problemPath(problemId)}/commitments`, { signal }),
    select: (data) => data.items,
    enabled,
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

/** What a commitment is made for: a ticket or a problem report. */
export type CommitmentCase = 'ticket' | 'problem';

/** Records a date promised to the client; it supersedes the open one. */
export function useCreateCommitment(id: string, kind: CommitmentCase = 'ticket') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommitmentBody) =>
      apiRequest<Commitment>(`${kind === 'ticket' ? ticketPath(id) : problemPath(id)}/commitments`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => {
      if (kind === 'ticket') return invalidateTicket(queryClient, id);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: problemBoardKey }),
        queryClient.invalidateQueries({ queryKey: problemCommitmentsKey(id) }),
        queryClient.invalidateQueries({ queryKey: ['problems', 'timeline', id] }),
      ]);
    },
  });
}
