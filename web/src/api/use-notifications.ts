import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '../../../domain/contracts/supervision.js';
import { apiRequest } from './client.js';
import type { Page } from './query-client.js';

const notificationsKey = ['notifications'] as const;
const unreadKey = [...notificationsKey, 'unread-count'] as const;

/** How many notifications the signed-in person has not read; asked again every 30 s. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: unreadKey,
    queryFn: ({ signal }) => apiRequest<{ unread: number }>('/me/notifications/unread-count', { signal }),
    select: (data) => data.unread,
    refetchInterval: 30_000,
    enabled,
  });
}

/** The signed-in person's notifications, newest first, in pages; loaded while `enabled` (the list is open). */
export function useNotifications(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...notificationsKey, 'list'],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<Notification>>('/me/notifications', { query: { limit: 20, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    staleTime: 0,
  });
}

/** Marks some notifications read, or all of them when no ids are given. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      apiRequest<{ status: 'ok' }>('/me/notifications/read', { method: 'POST', body: ids ? { ids } : {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
