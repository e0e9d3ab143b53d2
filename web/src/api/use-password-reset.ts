import { useMutation } from '@tanstack/react-query';
import type { ForgotPasswordBody, ResetPasswordBody } from '../../../domain/contracts/password-reset.js';
import { apiRequest } from './client.js';

/** Asks for a reset link; the answer is the same whether or not an account has the address. */
export function useForgotPassword() {
  return useMutation({
    mutationFn: (body: ForgotPasswordBody) =>
      apiRequest<{ status: 'sent_if_known' }>('/auth/forgot-password', { method: 'POST', body }),
  });
}

/** Sets a new password with a reset link's secret. */
export function useResetPassword() {
  return useMutation({
    mutationFn: (body: ResetPasswordBody) =>
      apiRequest<{ status: 'ok' }>('/auth/reset-password', { method: 'POST', body, expectUnauthenticated: true }),
  });
}
