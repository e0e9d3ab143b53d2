import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../domain/contracts/auth.js';
import type { MfaStatus, RecoveryCodes, SignInProvider, TotpEnrolment } from '../../../domain/contracts/mfa.js';
import { apiRequest, setCsrfToken } from './client.js';
import { meQueryKey } from './use-session.js';

const statusKey = ['mfa-status'] as const;

export const mfaStatusQuery = queryOptions({
  queryKey: statusKey,
  queryFn: ({ signal }) => apiRequest<MfaStatus>('/me/mfa', { signal }),
});

export function useMfaStatus() {
  return useQuery(mfaStatusQuery);
}

export function useStartTotp() {
  return useMutation({ mutationFn: () => apiRequest<TotpEnrolment>('/me/mfa/totp', { method: 'POST' }) });
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiRequest<RecoveryCodes>('/me/mfa/totp/confirm', { method: 'POST', body: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statusKey }),
  });
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest<{ status: 'ok' }>('/me/mfa/totp/disable', { method: 'POST', body: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statusKey }),
  });
}

/** The sign-in's second step: the challenge the password step gave, and a code. */
export function useCompleteMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { challenge: string; code: string }) =>
      apiRequest<Me>('/auth/mfa', { method: 'POST', body, expectUnauthenticated: true }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

/** Identity providers to offer on the sign-in page. */
export function useSignInProviders() {
  return useQuery({
    queryKey: ['sign-in-providers'],
    queryFn: ({ signal }) =>
      apiRequest<{ items: SignInProvider[] }>('/auth/providers', { signal, expectUnauthenticated: true }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}
