import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Campaign, CreateCampaignBody, PublicCampaignSurvey } from '../../../domain/contracts/campaigns.js';
import { apiRequest, isApiError } from './client.js';
import { useAnswerSurveyByLink, useSurveyByLink } from './use-survey-link.js';

/** Survey campaigns: the desk lists, creates, opens, schedules, reminds and closes; respondents answer by link. */
const campaignsKey = ['campaigns'] as const;
const oneKey = (id: string) => [...campaignsKey, 'detail', id] as const;
const base = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

/** While a campaign is open its response rate moves; the desk's page reads it again this often. */
export const LIVE_REFRESH_MS = 10_000;

export function useCampaigns(organizationId: string | null) {
  return useQuery({
    queryKey: [...campaignsKey, 'list', organizationId ?? ''],
    queryFn: ({ signal }) =>
      apiRequest<{ items: Campaign[] }>('/campaigns', {
        query: { organizationId: organizationId ?? undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: oneKey(id),
    queryFn: ({ signal }) => apiRequest<Campaign>(base(id), { signal }),
    // Live only while answers can still arrive.
    refetchInterval: (query) => (query.state.data?.state === 'open' ? LIVE_REFRESH_MS : false),
  });
}

/** Dates and the approved version a new campaign for this organization most likely wants. */
export interface CampaignSuggestion {
  opensAt: string;
  closesAt: string;
  questionnaireVersionId: string | null;
}

/** The suggestion, or null when the server has none to give (a 404: an older server, or no history). */
export function useCampaignSuggestion(organizationId: string | null) {
  return useQuery({
    queryKey: [...campaignsKey, 'suggestion', organizationId ?? ''],
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest<CampaignSuggestion>('/campaigns/suggestion', {
          query: { organizationId: organizationId ?? undefined },
          signal,
        });
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    enabled: organizationId !== null,
    retry: false,
    staleTime: 60_000,
  });
}

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCampaignBody) => apiRequest<Campaign>('/campaigns', { method: 'POST', body }),
    onSuccess: (data) => {
      queryClient.setQueryData(oneKey(data.id), data);
      return queryClient.invalidateQueries({ queryKey: [...campaignsKey, 'list'] });
    },
  });
}

export type CampaignTransition = 'open' | 'schedule' | 'close';

/** Open now, schedule for its opening date, or close: each answers with the campaign as it now is. */
export function useCampaignAction(id: string, action: CampaignTransition) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<Campaign>(`${base(id)}/${action}`, { method: 'POST' }),
    onSuccess: (data) => {
      queryClient.setQueryData(oneKey(id), data);
      return queryClient.invalidateQueries({ queryKey: [...campaignsKey, 'list'] });
    },
  });
}

/** Mails those invited who have not answered yet; says how many. */
export function useRemindCampaign(id: string) {
  return useMutation({
    mutationFn: () => apiRequest<{ reminded: number }>(`${base(id)}/remind`, { method: 'POST' }),
  });
}

/** What a mailed campaign link opens, and its answer: see use-survey-link.ts. */
export const usePublicCampaignSurvey = (token: string) =>
  useSurveyByLink<PublicCampaignSurvey>('/campaign-surveys/by-link', token);
export const useAnswerCampaignByLink = (token: string) => useAnswerSurveyByLink('/campaign-surveys/by-link', token);
