import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TicketSettings } from '../../../domain/contracts/settings.js';
import { apiRequest } from './client.js';

const key = ['settings', 'tickets'] as const;

export function useTicketSettings() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiRequest<TicketSettings>('/settings/tickets', { signal }),
  });
}

export function useSaveTicketSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TicketSettings) => apiRequest<TicketSettings>('/settings/tickets', { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
}
