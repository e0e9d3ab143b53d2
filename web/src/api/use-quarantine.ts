import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QuarantinedFile } from '../../../domain/contracts/quarantine.js';
import { apiRequest } from './client.js';

const quarantineKey = ['quarantine'] as const;

export function useQuarantine() {
  return useQuery({
    queryKey: quarantineKey,
    queryFn: ({ signal }) => apiRequest<{ items: QuarantinedFile[] }>('/quarantine', { signal }),
    select: (data) => data.items,
  });
}

export function useDeleteQuarantined() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/quarantine/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: quarantineKey }),
  });
}
