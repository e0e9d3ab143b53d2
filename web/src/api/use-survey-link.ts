import { useMutation, useQuery } from '@tanstack/react-query';
import type { Answers } from '../../../domain/surveys/answers.js';
import { apiRequest } from './client.js';

/**
 * What a mailed survey link opens and how it is answered, without signing in: the per-ticket
 * survey (`/surveys/by-link`) and a campaign's (`/campaign-surveys/by-link`) work alike. The secret
 * goes in the body, never in a URL.
 */
export function useSurveyByLink<T>(path: '/surveys/by-link' | '/campaign-surveys/by-link', token: string) {
  return useQuery({
    queryKey: [path, token],
    queryFn: ({ signal }) =>
      apiRequest<T>(path, { method: 'POST', body: { token }, signal, expectUnauthenticated: true }),
    retry: false,
    enabled: token !== '',
  });
}

export function useAnswerSurveyByLink(path: '/surveys/by-link' | '/campaign-surveys/by-link', token: string) {
  return useMutation({
    mutationFn: (answers: Answers) =>
      apiRequest<{ status: 'ok' }>(`${path}/answers`, {
        method: 'POST',
        body: { token, answers },
        expectUnauthenticated: true,
      }),
  });
}
