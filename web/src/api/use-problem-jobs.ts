import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptCandidateBody,
  CandidateSettings,
  IncidentResolution,
  ProblemCandidate,
  ResolveIncidentsBody,
} from '../../../domain/contracts/problem-jobs.js';
import type { Problem } from '../../../domain/contracts/problems.js';
import { apiRequest } from './client.js';

/**
 * The problem screens that follow the module's jobs: the candidates the hourly search proposes
 * (and its settings), and a resolved problem's incidents being resolved in batches.
 */

const candidatesKey = ['problems', 'candidates'] as const;
const settingsKey = ['problems', 'candidate-settings'] as const;
const resolutionKey = (problemId: string) => ['problems', 'resolution', problemId] as const;
const problemPath = (id: string) => `/problems/${encodeURIComponent(id)}`;

export function useProblemCandidates() {
  return useQuery({
    queryKey: candidatesKey,
    queryFn: ({ signal }) => apiRequest<{ items: ProblemCandidate[] }>('/problems/candidates', { signal }),
  });
}

export function useCandidateSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => apiRequest<CandidateSettings>('/problems/candidates/settings', { signal }),
  });
}

export function useUpdateCandidateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CandidateSettings) =>
      apiRequest<CandidateSettings>('/problems/candidates/settings', { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}

/** Records the candidate's problem with its incidents linked; every problem list reloads. */
export function useAcceptCandidate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AcceptCandidateBody }) =>
      apiRequest<Problem>(`/problems/candidates/${encodeURIComponent(id)}/accept`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['problems'] }),
  });
}

export function useDismissCandidate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<void>(`/problems/candidates/${encodeURIComponent(id)}/dismiss`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: candidatesKey }),
  });
}

/** The problem's latest resolution run; asked again every two seconds while it runs. */
export function useIncidentResolution(problemId: string) {
  return useQuery({
    queryKey: resolutionKey(problemId),
    queryFn: ({ signal }) =>
      apiRequest<{ latest: IncidentResolution | null }>(`${problemPath(problemId)}/resolve-incidents`, { signal }),
    select: (data) => data.latest,
    refetchInterval: (query) => (query.state.data?.latest?.status === 'running' ? 2000 : false),
  });
}

export function useResolveIncidents(problemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ResolveIncidentsBody) =>
      apiRequest<IncidentResolution>(`${problemPath(problemId)}/resolve-incidents`, { method: 'POST', body }),
    onSuccess: (run) => queryClient.setQueryData(resolutionKey(problemId), { latest: run }),
  });
}
