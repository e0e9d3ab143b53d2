import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PublicSurvey,
  PutTicketSurveySettingsBody,
  SatisfactionFigures,
  SatisfactionQuery,
  TicketSatisfaction,
  TicketSurveySettings,
} from '../../../domain/contracts/surveys.js';
import type { Answers } from '../../../domain/surveys/answers.js';
import { apiRequest } from './client.js';
import { useAnswerSurveyByLink, useSurveyByLink } from './use-survey-link.js';
import { invalidateTicket, ticketsKey } from './use-tickets.js';

const satisfactionKey = (ticketId: string) => [...ticketsKey, 'satisfaction', ticketId] as const;
/** What a mailed survey link opens, and its answer: see use-survey-link.ts. */
export const usePublicSurvey = (token: string) => useSurveyByLink<PublicSurvey>('/surveys/by-link', token);
export const useAnswerByLink = (token: string) => useAnswerSurveyByLink('/surveys/by-link', token);

/** A ticket's latest satisfaction survey: its requester answers it, the desk reads it. */
export function useTicketSatisfaction(ticketId: string) {
  return useQuery({
    queryKey: satisfactionKey(ticketId),
    queryFn: ({ signal }) =>
      apiRequest<TicketSatisfaction>(`/tickets/${encodeURIComponent(ticketId)}/satisfaction`, { signal }),
  });
}

export function useAnswerTicketSurvey(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: Answers) =>
      apiRequest<TicketSatisfaction>(`/tickets/${encodeURIComponent(ticketId)}/satisfaction`, {
        method: 'POST',
        body: { answers },
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(satisfactionKey(ticketId), data);
      return invalidateTicket(queryClient, ticketId);
    },
  });
}

/** Records what was agreed with an unhappy requester; it lands on the ticket's timeline. */
export function useSatisfactionFollowUp(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      apiRequest<{ status: 'ok' }>(`/tickets/${encodeURIComponent(ticketId)}/satisfaction/follow-ups`, {
        method: 'POST',
        body: { note },
      }),
    onSuccess: () => invalidateTicket(queryClient, ticketId),
  });
}

const settingsKey = (agreementId: string) => ['agreements', agreementId, 'ticket-survey'] as const;
const settingsPath = (agreementId: string) => `/agreements/${encodeURIComponent(agreementId)}/ticket-survey`;

/** An agreement's survey after each ticket: on or off, which types, the questions (defaults at version 0). */
export function useTicketSurveySettings(agreementId: string) {
  return useQuery({
    queryKey: settingsKey(agreementId),
    queryFn: ({ signal }) => apiRequest<TicketSurveySettings>(settingsPath(agreementId), { signal }),
  });
}

export function useSaveTicketSurveySettings(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutTicketSurveySettingsBody) =>
      apiRequest<TicketSurveySettings>(settingsPath(agreementId), { method: 'PUT', body }),
    onSuccess: (data) => queryClient.setQueryData(settingsKey(agreementId), data),
  });
}

/** The month's satisfaction figures, grouped by agent, group, organization, service or channel. */
export function useSatisfactionFigures(query: SatisfactionQuery) {
  return useQuery({
    queryKey: ['satisfaction', query.by, query.month ?? '', query.organizationId ?? '', query.zone ?? ''],
    queryFn: ({ signal }) =>
      apiRequest<SatisfactionFigures>('/satisfaction', {
        query: { by: query.by, month: query.month, organizationId: query.organizationId, zone: query.zone },
        signal,
      }),
  });
}
