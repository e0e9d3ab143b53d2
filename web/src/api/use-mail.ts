import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateMailboxBody,
  CreateMailDomainBody,
  InboundMail,
  Mailbox,
  MailDelivery,
  MailDomain,
  MailStatus,
  MailTemplate,
  OutboundMail,
  UpdateMailboxBody,
  UpdateMailTemplateBody,
} from '../../../domain/contracts/mail.js';
import { apiRequest, apiUrl } from './client.js';
import type { Page } from './query-client.js';
import { invalidateTicket } from './use-tickets.js';

export type InboundStatus = InboundMail['status'];

const mailboxesKey = ['mailboxes'] as const;
const domainsKey = ['mail', 'domains'] as const;
const inboundKey = ['mail', 'inbound'] as const;
const outboundKey = ['mail', 'outbound'] as const;
const statusKey = ['mail', 'status'] as const;
const templatesKey = ['mail', 'templates'] as const;
const PAGE_SIZE = 50;

/** The addresses the desk receives mail at, with where their tickets are placed. */
export function useMailboxes() {
  return useQuery({
    queryKey: mailboxesKey,
    queryFn: ({ signal }) => apiRequest<{ items: Mailbox[] }>('/mailboxes', { signal }),
    select: (data) => [...data.items].sort((a, b) => a.address.localeCompare(b.address)),
  });
}

export function useCreateMailbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMailboxBody) => apiRequest<Mailbox>('/mailboxes', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailboxesKey }),
  });
}

export function useUpdateMailbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateMailboxBody & { id: string }) =>
      apiRequest<Mailbox>(`/mailboxes/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    // A version conflict also refreshes: the list then shows the other person's change.
    onSettled: () => queryClient.invalidateQueries({ queryKey: mailboxesKey }),
  });
}

/** Sender domains mapped to organizations: unknown senders there become that organization's requesters. */
export function useMailDomains() {
  return useQuery({
    queryKey: domainsKey,
    queryFn: ({ signal }) => apiRequest<{ items: MailDomain[] }>('/mail/domains', { signal }),
    select: (data) => [...data.items].sort((a, b) => a.domain.localeCompare(b.domain)),
  });
}

export function useAddMailDomain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMailDomainBody) => apiRequest<MailDomain>('/mail/domains', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: domainsKey }),
  });
}

export function useRemoveMailDomain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (domain: string) =>
      apiRequest<void>(`/mail/domains/${encodeURIComponent(domain)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: domainsKey }),
  });
}

/** Every message that reached the desk, newest first; "load more" walks back in time. */
export function useInboundMail(status: InboundStatus | null) {
  return useInfiniteQuery({
    queryKey: [...inboundKey, status],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<InboundMail>>('/mail/inbound', {
        query: { status, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Takes a failed or ignored message again (after mapping its domain, say); it may make a ticket or a reply. */
export function useReprocessInbound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<InboundMail>(`/mail/inbound/${encodeURIComponent(id)}/reprocess`, { method: 'POST' }),
    onSettled: (mail) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: inboundKey }),
        queryClient.invalidateQueries({ queryKey: outboundKey }),
        queryClient.invalidateQueries({ queryKey: statusKey }),
        mail?.ticketId ? invalidateTicket(queryClient, mail.ticketId) : undefined,
      ]),
  });
}

const inboundRawPath = (id: string) => `/mail/inbound/${encodeURIComponent(id)}/raw`;

/** Where the stored original of a received message is downloaded (an .eml file). */
export const inboundRawUrl = (id: string) => apiUrl(inboundRawPath(id));

/** The stored original of a received message, as text, to be shown (never rendered as HTML). */
export function useInboundRaw(id: string | null, enabled = true) {
  return useQuery({
    queryKey: [...inboundKey, 'raw', id],
    queryFn: ({ signal }) => apiRequest<string>(inboundRawPath(id as string), { asText: true, signal }),
    enabled: id !== null && enabled,
    // What was received never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The mail Mesa sent or is sending, newest first; optionally only that of one ticket. */
export function useOutboundMail(ticketId?: string | null) {
  return useInfiniteQuery({
    queryKey: [...outboundKey, ticketId ?? null],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<OutboundMail>>('/mail/outbound', {
        query: { ticketId, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/**
 * How mail comes in and goes out here (from the environment, read-only) and what waits or failed.
 * The counts move on their own, so they are read again every half minute while the page is seen.
 */
export function useMailStatus() {
  return useQuery({
    queryKey: statusKey,
    queryFn: ({ signal }) => apiRequest<MailStatus>('/mail/status', { signal }),
    refetchInterval: 30_000,
  });
}

export type MailLocale = MailTemplate['locale'];
export type MailTemplateEvent = MailTemplate['event'];

/** The text of every mail Mesa writes, per language and event: the default or the admins' edit. */
export function useMailTemplates() {
  return useQuery({
    queryKey: templatesKey,
    queryFn: ({ signal }) => apiRequest<{ items: MailTemplate[] }>('/mail/templates', { signal }),
    select: (data) => data.items,
  });
}

const templatePath = (locale: MailLocale, event: MailTemplateEvent) =>
  `/mail/templates/${encodeURIComponent(locale)}/${encodeURIComponent(event)}`;

/** Puts the template the server answered in the cached list, so the editor and the list agree at once. */
function useStoreTemplate() {
  const queryClient = useQueryClient();
  return (saved: MailTemplate) => {
    queryClient.setQueryData<{ items: MailTemplate[] }>(templatesKey, (data) =>
      data
        ? {
            items: data.items.map((item) =>
              item.locale === saved.locale && item.event === saved.event ? saved : item,
            ),
          }
        : data,
    );
    return queryClient.invalidateQueries({ queryKey: templatesKey });
  };
}

export function useSaveMailTemplate() {
  const store = useStoreTemplate();
  return useMutation({
    mutationFn: ({
      locale,
      event,
      ...body
    }: UpdateMailTemplateBody & { locale: MailLocale; event: MailTemplateEvent }) =>
      apiRequest<MailTemplate>(templatePath(locale, event), { method: 'PUT', body }),
    onSuccess: store,
  });
}

/** Puts the default text back. */
export function useResetMailTemplate() {
  const store = useStoreTemplate();
  return useMutation({
    mutationFn: ({ locale, event }: { locale: MailLocale; event: MailTemplateEvent }) =>
      apiRequest<MailTemplate>(templatePath(locale, event), { method: 'DELETE' }),
    onSuccess: store,
  });
}

const deliveryKey = (userId: string) => ['mail', 'delivery', userId] as const;

/** Whether mail to a person bounces (a delivery report said so), for staff beside the requester. */
export function useMailDelivery(userId: string | null | undefined) {
  return useQuery({
    queryKey: deliveryKey(userId ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<MailDelivery>(`/users/${encodeURIComponent(userId as string)}/mail-delivery`, { signal }),
    enabled: !!userId,
  });
}

/** An admin says the address receives mail again. */
export function useClearMailBounce() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      apiRequest<void>(`/users/${encodeURIComponent(userId)}/mail-delivery/bounce`, { method: 'DELETE' }),
    onSuccess: (_, userId) => queryClient.invalidateQueries({ queryKey: deliveryKey(userId) }),
  });
}

/** The notices mailed about one ticket (for staff), with their Message-ID and where each stands. */
export function useTicketMailNotices(ticketId: string) {
  return useQuery({
    queryKey: [...outboundKey, 'ticket', ticketId],
    queryFn: ({ signal }) =>
      apiRequest<{ items: OutboundMail[] }>(`/tickets/${encodeURIComponent(ticketId)}/mail`, { signal }),
    select: (data) => data.items,
  });
}
