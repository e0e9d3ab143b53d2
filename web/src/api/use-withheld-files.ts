import { useQuery } from '@tanstack/react-query';
import type { WithheldFile } from '../../../domain/contracts/withheld-files.js';
import { apiRequest, apiUrl } from './client.js';

/** Files a ticket's mail carried that the desk did not store (staff only). */
export function useWithheldFiles(ticketId: string) {
  return useQuery({
    queryKey: ['tickets', ticketId, 'withheld-files'],
    queryFn: ({ signal }) =>
      apiRequest<{ items: WithheldFile[] }>(`/tickets/${encodeURIComponent(ticketId)}/withheld-files`, { signal }),
    select: (data) => data.items,
  });
}

export const withheldFileUrl = (id: string) => apiUrl(`/withheld-files/${encodeURIComponent(id)}/content`);
