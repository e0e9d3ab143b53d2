import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ProblemSlaExplanation } from '../../../domain/contracts/sla.js';
import { apiRequest } from './client.js';

/**
 * "Why is it due then?" for a problem: the agreement chosen among the affected clients', its
 * target, calendar and plan. Keyed by the problem's version (and the problems key, so a change
 * to the problem asks again).
 */
export function useProblemSlaExplanation(problemId: string, version: number) {
  return useQuery({
    queryKey: ['problems', 'sla', problemId, version],
    queryFn: ({ signal }) =>
      apiRequest<ProblemSlaExplanation>(`/problems/${encodeURIComponent(problemId)}/sla`, { signal }),
    placeholderData: keepPreviousData,
  });
}
