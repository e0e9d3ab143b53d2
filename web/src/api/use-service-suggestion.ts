import { useQuery } from '@tanstack/react-query';
import type { ServiceSuggestion } from '../../../domain/contracts/tickets.js';
import { apiRequest } from './client.js';

/** The service and category a requester's recent tickets suggest for their next one (desk only). */
export function useServiceSuggestion(requesterId: string | null | undefined) {
  return useQuery({
    queryKey: ['tickets', 'service-suggestion', requesterId],
    queryFn: ({ signal }) =>
      apiRequest<ServiceSuggestion>('/tickets/service-suggestion', { query: { requesterId }, signal }),
    enabled: Boolean(requesterId),
    staleTime: 60_000,
  });
}
