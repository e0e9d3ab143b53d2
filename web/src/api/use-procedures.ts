import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CannedResponse,
  CreateCannedResponseBody,
  CreateProcedureBody,
  Procedure,
  ProcedureActionBody,
  ProcedureListQuery,
  ProcedureVersion,
  Suggestion,
  SuggestionQuery,
  UpdateProcedureBody,
} from '../../../domain/contracts/procedures.js';
import { apiRequest } from './client.js';
import type { Page } from './query-client.js';
import { invalidateTicket } from './use-tickets.js';

export type ProcedureFilters = Omit<ProcedureListQuery, 'cursor' | 'limit'>;

const proceduresKey = ['procedures'] as const;
const cannedKey = ['canned-responses'] as const;
const path = (id: string) => `/procedures/${encodeURIComponent(id)}`;

export function useProcedureList(filters: ProcedureFilters) {
  return useInfiniteQuery({
    queryKey: [...proceduresKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<Procedure>>('/procedures', { query: { ...filters, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useProcedure(id: string | undefined) {
  return useQuery({
    queryKey: [...proceduresKey, 'detail', id],
    queryFn: ({ signal }) => apiRequest<Procedure>(path(id as string), { signal }),
    enabled: Boolean(id),
  });
}

export function useProcedureVersions(id: string) {
  return useQuery({
    queryKey: [...proceduresKey, 'versions', id],
    queryFn: ({ signal }) => apiRequest<{ items: ProcedureVersion[] }>(`${path(id)}/versions`, { signal }),
    select: (data) => data.items,
  });
}

/**
 * Published procedures that fit what is being typed (and the service and category); requesters
 * only get requester-facing ones. Pass debounced text: every change is a request.
 */
export function useSuggestions(query: SuggestionQuery, options: { enabled?: boolean } = {}) {
  const hasInput = Boolean(query.text?.trim() || query.serviceId || query.categoryId);
  return useQuery({
    queryKey: [...proceduresKey, 'suggestions', query],
    queryFn: ({ signal }) =>
      apiRequest<{ items: Suggestion[] }>('/procedures/suggestions', { query: { ...query }, signal }),
    select: (data) => data.items,
    enabled: (options.enabled ?? true) && hasInput,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

function useInvalidateProcedures() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: proceduresKey });
}

export function useCreateProcedure() {
  const invalidate = useInvalidateProcedures();
  return useMutation({
    mutationFn: (body: CreateProcedureBody) => apiRequest<Procedure>('/procedures', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateProcedure(id: string) {
  const invalidate = useInvalidateProcedures();
  return useMutation({
    mutationFn: (body: UpdateProcedureBody) => apiRequest<Procedure>(path(id), { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

/** submit (author) · publish, return, retire (supervisor or admin). */
export function useProcedureAction(id: string) {
  const invalidate = useInvalidateProcedures();
  return useMutation({
    mutationFn: (body: ProcedureActionBody) => apiRequest<Procedure>(`${path(id)}/actions`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** Records that a procedure was followed on a ticket (its timeline says so). */
export function useApplyProcedure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ticketId, procedureId }: { ticketId: string; procedureId: string }) =>
      apiRequest<Procedure>(`/tickets/${encodeURIComponent(ticketId)}/procedures`, {
        method: 'POST',
        body: { procedureId },
      }),
    onSuccess: (_, { ticketId }) => {
      void invalidateTicket(queryClient, ticketId);
      void queryClient.invalidateQueries({ queryKey: proceduresKey });
    },
  });
}

export function useCannedResponses() {
  return useQuery({
    queryKey: cannedKey,
    queryFn: ({ signal }) => apiRequest<{ items: CannedResponse[] }>('/canned-responses', { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export function useCreateCannedResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCannedResponseBody) =>
      apiRequest<CannedResponse>('/canned-responses', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cannedKey }),
  });
}

export function useDeleteCannedResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/canned-responses/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cannedKey }),
  });
}
