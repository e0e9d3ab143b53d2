import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateProblemBody,
  Problem,
  ProblemEvent,
  ProblemIncidents,
  ProblemListQuery,
  ProblemSummary,
  UpdateProblemBody,
} from '../../../domain/contracts/problems.js';
import type { TicketSummary } from '../../../domain/contracts/tickets.js';
import { apiRequest, isApiError } from './client.js';
import type { Page } from './query-client.js';

export type ProblemFilters = Omit<ProblemListQuery, 'cursor' | 'limit'>;

const problemsKey = ['problems'] as const;
const path = (id: string) => `/problems/${encodeURIComponent(id)}`;
const detailKey = (id: string) => [...problemsKey, 'detail', id] as const;
const incidentsKey = (id: string) => [...problemsKey, 'incidents', id] as const;
const timelineKey = (id: string) => [...problemsKey, 'timeline', id] as const;

/** Keyset pages of problem summaries; "load more" asks for the page after the last nextCursor. */
export function useProblemList(filters: ProblemFilters) {
  return useInfiniteQuery({
    queryKey: [...problemsKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<ProblemSummary>>('/problems', { query: { ...filters, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useProblem(id: string) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: ({ signal }) => apiRequest<Problem>(path(id), { signal }),
  });
}

export function useProblemIncidents(id: string, per: 'day' | 'week' = 'week') {
  return useQuery({
    queryKey: [...incidentsKey(id), per],
    queryFn: ({ signal }) => apiRequest<ProblemIncidents>(`${path(id)}/incidents`, { query: { per }, signal }),
  });
}

export function useProblemTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: timelineKey(id),
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<ProblemEvent>>(`${path(id)}/timeline`, { query: { cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Everything about problems reloads after a change: the record, its incidents, its timeline and the lists. */
function useInvalidateProblems() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: problemsKey });
}

export function useCreateProblem() {
  const invalidate = useInvalidateProblems();
  return useMutation({
    mutationFn: (body: CreateProblemBody) => apiRequest<Problem>('/problems', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/**
 * Edits and status moves. A version conflict comes back as `version_conflict`, and the problem is
 * loaded again then too, so the page shows the other person's version.
 */
export function useUpdateProblem(id: string) {
  const invalidate = useInvalidateProblems();
  return useMutation({
    mutationFn: (body: UpdateProblemBody) => apiRequest<Problem>(path(id), { method: 'PATCH', body }),
    onSuccess: invalidate,
    onError: (error) => {
      if (isApiError(error) && error.code === 'version_conflict') void invalidate();
    },
  });
}

export function useAddProblemNote(id: string) {
  const invalidate = useInvalidateProblems();
  return useMutation({
    mutationFn: (bodyHtml: string) =>
      apiRequest<ProblemEvent>(`${path(id)}/notes`, { method: 'POST', body: { bodyHtml } }),
    onSuccess: invalidate,
  });
}

export function useLinkIncidents(id: string) {
  const invalidate = useInvalidateProblems();
  return useMutation({
    mutationFn: (ticketIds: string[]) =>
      apiRequest<ProblemIncidents>(`${path(id)}/incidents`, { method: 'POST', body: { ticketIds } }),
    onSuccess: invalidate,
  });
}

export function useUnlinkIncident(id: string) {
  const invalidate = useInvalidateProblems();
  return useMutation({
    mutationFn: (ticketId: string) =>
      apiRequest<ProblemIncidents>(`${path(id)}/incidents/${encodeURIComponent(ticketId)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** The ticket a number like TCK-000123 names, or null when none does (the ticket search matches numbers). */
export async function findTicketByNumber(number: string): Promise<TicketSummary | null> {
  const wanted = number.trim().toUpperCase();
  const page = await apiRequest<Page<TicketSummary>>('/tickets', { query: { q: wanted, queue: 'all', limit: 10 } });
  return page.items.find((ticket) => ticket.number.toUpperCase() === wanted) ?? null;
}
