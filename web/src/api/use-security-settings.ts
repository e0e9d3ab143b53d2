import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SecuritySettings, SecuritySettingsBody } from '../../../domain/contracts/settings.js';
import { apiRequest } from './client.js';
import { mfaStatusQuery } from './use-mfa.js';

const key = ['settings', 'security'] as const;

export function useSecuritySettings() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiRequest<SecuritySettings>('/settings/security', { signal }),
  });
}

export function useSaveSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecuritySettingsBody) =>
      apiRequest<SecuritySettings>('/settings/security', { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      // The admin's own roles may now require a second factor: the next screen asks again.
      queryClient.removeQueries({ queryKey: mfaStatusQuery.queryKey });
    },
  });
}
