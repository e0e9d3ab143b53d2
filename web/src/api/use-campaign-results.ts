import { useQuery } from '@tanstack/react-query';
import type { CampaignResults } from '../../../domain/contracts/campaign-results.js';
import { apiRequest, apiUrl } from './client.js';

/** A campaign's results (the desk reads any; a client manager only their organization's). */
const resultsKey = (id: string) => ['campaigns', id, 'results'] as const;
const base = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

export function useCampaignResults(id: string) {
  return useQuery({
    queryKey: resultsKey(id),
    queryFn: ({ signal }) => apiRequest<CampaignResults>(`${base(id)}/results`, { signal }),
  });
}

/** A plain link downloads the export: the session cookie goes with it, no script needed. */
export const campaignExportUrl = (id: string, format: 'csv' | 'xlsx') => apiUrl(`${base(id)}/export?format=${format}`);
