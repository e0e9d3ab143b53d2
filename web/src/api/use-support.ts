import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateGroupBody,
  CreateRoutingRuleBody,
  EscalateBody,
  Escalation,
  Group,
  RouteExplanation,
  RouteExplanationQuery,
  RoutingRule,
  UpdateGroupBody,
  UpdateRoutingRuleBody,
} from '../../../domain/contracts/support.js';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import type { User } from '../../../domain/contracts/users.js';
import { apiRequest } from './client.js';
import { invalidateTicket, ticketKey } from './use-tickets.js';

const groupsKey = ['groups'] as const;
const rulesKey = ['routing-rules'] as const;
const escalationsKey = (ticketId: string) => ['tickets', 'escalations', ticketId] as const;

/** The support groups with their level, specialty and members (who is available, who is away). */
export function useGroups() {
  return useQuery({
    queryKey: groupsKey,
    queryFn: ({ signal }) => apiRequest<{ items: Group[] }>('/groups', { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGroupBody) => apiRequest<Group>('/groups', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupsKey }),
  });
}

export function useUpdateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateGroupBody & { id: string }) =>
      apiRequest<Group>(`/groups/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupsKey }),
  });
}

/** Routing rules in the order they are tried (admin). */
export function useRoutingRules() {
  return useQuery({
    queryKey: rulesKey,
    queryFn: ({ signal }) => apiRequest<{ items: RoutingRule[] }>('/routing-rules', { signal }),
    select: (data) => [...data.items].sort((a, b) => a.position - b.position),
  });
}

export function useCreateRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRoutingRuleBody) => apiRequest<RoutingRule>('/routing-rules', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function useUpdateRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateRoutingRuleBody & { id: string }) =>
      apiRequest<RoutingRule>(`/routing-rules/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
}

/** Which group a ticket with these traits would land in, and why (the routing tester). */
export function useRouteExplanation(query: RouteExplanationQuery | null) {
  return useQuery({
    queryKey: [...rulesKey, 'explain', query],
    queryFn: ({ signal }) =>
      apiRequest<RouteExplanation>('/routing-rules/explain', {
        query: { ...(query as RouteExplanationQuery) },
        signal,
      }),
    enabled: Boolean(query),
  });
}

/** A ticket's moves between groups and levels, oldest first. */
export function useEscalations(ticketId: string) {
  return useQuery({
    queryKey: escalationsKey(ticketId),
    queryFn: ({ signal }) =>
      apiRequest<{ items: Escalation[] }>(`/tickets/${encodeURIComponent(ticketId)}/escalations`, { signal }),
    select: (data) => data.items,
  });
}

/** Moves a ticket to another group: up a level (escalation), down (return) or across (transfer). */
export function useEscalate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ticketId, ...body }: EscalateBody & { ticketId: string }) =>
      apiRequest<Ticket>(`/tickets/${encodeURIComponent(ticketId)}/escalations`, { method: 'POST', body }),
    onSuccess: (ticket) => {
      queryClient.setQueryData(ticketKey(ticket.id), ticket);
      void queryClient.invalidateQueries({ queryKey: escalationsKey(ticket.id) });
      void invalidateTicket(queryClient, ticket.id);
    },
  });
}

/** Away staff get no automatic assignments. */
export function useSetPresence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (presence: 'available' | 'away') =>
      apiRequest<User>('/me/presence', { method: 'PUT', body: { presence } }),
    onSuccess: (user) => {
      queryClient.setQueryData(['users', 'detail', user.id], user);
      void queryClient.invalidateQueries({ queryKey: groupsKey });
    },
  });
}
