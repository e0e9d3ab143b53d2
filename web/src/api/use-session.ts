import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody, LoginBody, Me, UpdateMeBody } from '../../../domain/contracts/auth.js';
import type { MfaChallenge } from '../../../domain/contracts/mfa.js';
import { apiRequest, isApiError, setCsrfToken } from './client.js';

export const meQueryKey = ['me'] as const;

/** Who is signed in, or null. A 401 here is an answer ("nobody"), not an error. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiRequest<Me>('/me', { expectUnauthenticated: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQuery = queryOptions({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(meQuery);
}

/** The signed-in user; only for screens behind the sign-in gate, which renders nothing without one. */
export function useCurrentUser(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useCurrentUser used outside the signed-in area');
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) =>
      apiRequest<Me | MfaChallenge>('/auth/login', { method: 'POST', body, expectUnauthenticated: true }),
    onSuccess: (me) => {
      // A second factor is due: no one is signed in yet (the login page asks for the code).
      if ('mfaRequired' in me) return;
      setCsrfToken(me.csrfToken);
      // Whatever another account left in the cache must not show through.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ status: 'ok' }>('/auth/logout', { method: 'POST', expectUnauthenticated: true }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeBody) => apiRequest<Me>('/me', { method: 'PATCH', body }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => apiRequest<{ status: 'ok' }>('/me/password', { method: 'POST', body }),
  });
}
