import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateIdentityProviderBody,
  IdentityProvider,
  UpdateIdentityProviderBody,
} from '../../../domain/contracts/mfa.js';
import { apiRequest } from './client.js';

const providersKey = ['identity-providers'] as const;

export function useIdentityProviders() {
  return useQuery({
    queryKey: providersKey,
    queryFn: ({ signal }) => apiRequest<{ items: IdentityProvider[] }>('/identity-providers', { signal }),
    select: (data) => data.items,
  });
}

/** After any change, the admin list and the sign-in page's buttons are read again. */
function useInvalidateProviders() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: providersKey });
    await queryClient.invalidateQueries({ queryKey: ['sign-in-providers'] });
  };
}

export function useCreateIdentityProvider() {
  const invalidate = useInvalidateProviders();
  return useMutation({
    mutationFn: (body: CreateIdentityProviderBody) =>
      apiRequest<IdentityProvider>('/identity-providers', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateIdentityProvider() {
  const invalidate = useInvalidateProviders();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateIdentityProviderBody }) =>
      apiRequest<IdentityProvider>(`/identity-providers/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useDeleteIdentityProvider() {
  const invalidate = useInvalidateProviders();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<{ status: 'ok' }>(`/identity-providers/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
