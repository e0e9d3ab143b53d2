import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Attachment,
  BulkUpdateBody,
  BulkUpdateResult,
  CreateTicketBody,
  Message,
  MessageBody,
  QueueCounts,
  Ticket,
  TicketListQuery,
  TicketSummary,
  TimelineEntry,
  UpdateTicketBody,
} from '../../../domain/contracts/tickets.js';
import { apiRequest, apiUpload, apiUrl } from './client.js';
import type { Page } from './query-client.js';

/** Every filter of a ticket list; cursor and limit are the hook's business. */
export type TicketFilters = Omit<TicketListQuery, 'cursor' | 'limit'>;

export const ticketsKey = ['tickets'] as const;
const path = (id: string) => `/tickets/${encodeURIComponent(id)}`;

export const ticketListKey = (filters?: TicketFilters) =>
  filters ? ([...ticketsKey, 'list', filters] as const) : ([...ticketsKey, 'list'] as const);
export const ticketKey = (id: string) => [...ticketsKey, 'detail', id] as const;
export const timelineKey = (id: string) => [...ticketsKey, 'timeline', id] as const;

/** A ticket changed: its page, its timeline and every list that may show it (what is on screen reloads now). */
export function invalidateTicket(queryClient: QueryClient, id: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ticketKey(id) }),
    queryClient.invalidateQueries({ queryKey: timelineKey(id) }),
    queryClient.invalidateQueries({ queryKey: ticketListKey() }),
  ]);
}

/** Keyset pages of ticket summaries; "load more" asks for the page after the last nextCursor. */
export function useTicketList(filters: TicketFilters, options: { limit?: number; enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: ticketListKey(filters),
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<TicketSummary>>('/tickets', {
        query: { ...filters, limit: options.limit ?? 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/**
 * How many tickets each queue holds (the server stops at its cap). Under the lists' key, so
 * whatever reloads the lists — a change here, a live update — counts again too.
 */
export function useQueueCounts() {
  return useQuery({
    queryKey: [...ticketListKey(), 'counts'] as const,
    queryFn: ({ signal }) => apiRequest<QueueCounts>('/tickets/counts', { signal }),
  });
}

export function useTicket(id: string | undefined) {
  return useQuery({
    queryKey: ticketKey(id ?? ''),
    queryFn: ({ signal }) => apiRequest<Ticket>(path(id as string), { signal }),
    enabled: Boolean(id),
  });
}

/** The conversation and history, oldest first; a long one loads its later part on demand. */
export function useTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: timelineKey(id),
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<TimelineEntry>>(`${path(id)}/timeline`, { query: { cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTicketBody) => apiRequest<Ticket>('/tickets', { method: 'POST', body }),
    onSuccess: (ticket) => {
      queryClient.setQueryData(ticketKey(ticket.id), ticket);
      void queryClient.invalidateQueries({ queryKey: ticketListKey() });
    },
  });
}

/** Always based on a version: a stale one answers 409 `version_conflict`. */
export function useUpdateTicket(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTicketBody) => apiRequest<Ticket>(path(id), { method: 'PATCH', body }),
    onSuccess: (ticket) => {
      queryClient.setQueryData(ticketKey(id), ticket);
      void queryClient.invalidateQueries({ queryKey: timelineKey(id) });
      void queryClient.invalidateQueries({ queryKey: ticketListKey() });
    },
  });
}

export function useBulkUpdateTickets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkUpdateBody) => apiRequest<BulkUpdateResult>('/tickets/bulk', { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ticketsKey }),
  });
}

export type MessageKind = 'reply' | 'note';

/** A public reply (requester and staff) or an internal note (staff only). */
export function useAddMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: MessageBody & { kind: MessageKind }) =>
      apiRequest<Message>(`${path(id)}/${kind === 'reply' ? 'replies' : 'notes'}`, { method: 'POST', body }),
    onSuccess: () => invalidateTicket(queryClient, id),
  });
}

/**
 * One file onto a ticket (or, for a ticket not raised yet, on its own); its id then goes in the
 * attachmentIds of a reply, a note or the new ticket.
 */
export function uploadAttachment(ticketId: string | null, file: File, internal = false) {
  return apiUpload<Attachment>(ticketId ? `${path(ticketId)}/attachments` : '/attachments', file, {
    query: internal ? { internal: true } : {},
  });
}

export const attachmentUrl = (id: string) => apiUrl(`/attachments/${encodeURIComponent(id)}/content`);
