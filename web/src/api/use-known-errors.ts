import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AppliedWorkaround,
  KnownError,
  KnownErrorQuery,
  ProblemSummary,
} from '../../../domain/contracts/problems.js';
import { apiRequest } from './client.js';
import type { Page } from './query-client.js';
import { invalidateTicket } from './use-tickets.js';

/**
 * The known-error base as the desk meets it while working an incident: suggestions, the workaround
 * applied, and the incident linked to (or unlinked from) its problem. The problem screens have their own hooks.
 */

const knownErrorsKey = ['known-errors'] as const;
const problemPath = (id: string) => `/problems/${encodeURIComponent(id)}`;

/** `text` suggests from an incident's words, `q` searches; pass debounced text: every change is a request. */
export function useKnownErrors(query: KnownErrorQuery, options: { enabled?: boolean } = {}) {
  const hasInput = Boolean(query.text?.trim() || query.q?.trim());
  return useQuery({
    queryKey: [...knownErrorsKey, query],
    queryFn: ({ signal }) => apiRequest<{ items: KnownError[] }>('/known-errors', { query: { ...query }, signal }),
    select: (data) => data.items,
    enabled: (options.enabled ?? true) && hasInput,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Problems by number or words, to pick one to link an incident to. */
export function useProblemSearch(q: string) {
  return useQuery({
    queryKey: ['problems', 'pick', q],
    queryFn: ({ signal }) =>
      apiRequest<Page<ProblemSummary>>('/problems', {
        query: { q, status: ['new', 'investigating', 'known_error', 'resolved'], limit: 10 },
        signal,
      }),
    select: (data) => data.items,
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

function useAfterLinking() {
  const queryClient = useQueryClient();
  return (ticketIds: readonly string[]) => {
    for (const id of ticketIds) void invalidateTicket(queryClient, id);
    void queryClient.invalidateQueries({ queryKey: knownErrorsKey });
    void queryClient.invalidateQueries({ queryKey: ['problems'] });
  };
}

/** Posts the workaround (public wording as a reply, the desk's as a note), links the incident and counts it. */
export function useApplyWorkaround() {
  const after = useAfterLinking();
  return useMutation({
    mutationFn: ({ problemId, ticketId, as }: { problemId: string; ticketId: string; as: 'reply' | 'note' }) =>
      apiRequest<AppliedWorkaround>(`${problemPath(problemId)}/apply-workaround`, {
        method: 'POST',
        body: { ticketId, as },
      }),
    onSuccess: (_, { ticketId }) => after([ticketId]),
  });
}

/** All or none: a refused id comes back as the field `ticketIds[i]`. */
export function useLinkIncidents() {
  const after = useAfterLinking();
  return useMutation({
    mutationFn: ({ problemId, ticketIds }: { problemId: string; ticketIds: readonly string[] }) =>
      apiRequest<unknown>(`${problemPath(problemId)}/incidents`, { method: 'POST', body: { ticketIds } }),
    onSuccess: (_, { ticketIds }) => after(ticketIds),
  });
}

export function useUnlinkIncident() {
  const after = useAfterLinking();
  return useMutation({
    mutationFn: ({ problemId, ticketId }: { problemId: string; ticketId: string }) =>
      apiRequest<void>(`${problemPath(problemId)}/incidents/${encodeURIComponent(ticketId)}`, { method: 'DELETE' }),
    onSuccess: (_, { ticketId }) => after([ticketId]),
  });
}

/** The known-error search page: `q` searches every word; without it, the latest known errors. */
export function useKnownErrorSearch(q: string) {
  return useQuery({
    queryKey: [...knownErrorsKey, 'search', q],
    queryFn: ({ signal }) =>
      apiRequest<{ items: KnownError[] }>('/known-errors', { query: { q: q || undefined, limit: 30 }, signal }),
    placeholderData: keepPreviousData,
  });
}
