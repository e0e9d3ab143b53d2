import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { CreateUserBody, UpdateUserBody, User } from '../../../domain/contracts/users.js';
import type { Role } from '../../../domain/roles.js';
import { apiRequest } from './client.js';
import type { Page } from './query-client.js';

export interface UserFilters {
  q?: string;
  role?: Role;
  organizationId?: string;
  status?: 'active' | 'inactive';
}

const usersKey = ['users'] as const;
const path = (id: string) => `/users/${encodeURIComponent(id)}`;

export function useUserList(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...usersKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<User>>('/users', { query: { ...filters, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | null | undefined) {
  return useQuery({
    queryKey: [...usersKey, 'detail', id],
    queryFn: ({ signal }) => apiRequest<User>(path(id as string), { signal }),
    enabled: Boolean(id),
  });
}

/**
 * Active people with any of these roles whose name or email matches: the first few of each role,
 * for pickers (assignee, requester, watchers). Each role is one request; the answers are merged.
 */
export function useUserSearch(q: string | undefined, roles: readonly Role[], options: { enabled?: boolean } = {}) {
  return useQueries({
    queries: roles.map((role) => ({
      queryKey: [...usersKey, 'search', role, q ?? ''],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiRequest<Page<User>>('/users', { query: { q, role, status: 'active', limit: 20 }, signal }),
      staleTime: 60_000,
      placeholderData: keepPreviousData,
      enabled: options.enabled ?? true,
    })),
    combine: (results) => {
      const seen = new Set<string>();
      const users: User[] = [];
      for (const result of results) {
        for (const user of result.data?.items ?? []) {
          if (seen.has(user.id)) continue;
          seen.add(user.id);
          users.push(user);
        }
      }
      return { users, isFetching: results.some((r) => r.isFetching), error: results.find((r) => r.error)?.error };
    },
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: usersKey });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: CreateUserBody) => apiRequest<User>('/users', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UpdateUserBody) => apiRequest<User>(path(id), { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useSetUserPassword(id: string) {
  return useMutation({
    mutationFn: (password: string) =>
      apiRequest<{ status: 'ok' }>(`${path(id)}/password`, { method: 'POST', body: { password } }),
  });
}

/** Lifts every sign-in lock and delay on an account (after wrong guesses, from any address). */
export function useUnlockUser() {
  return useMutation({
    mutationFn: (id: string) => apiRequest<{ status: 'ok' }>(`${path(id)}/unlock`, { method: 'POST' }),
  });
}
