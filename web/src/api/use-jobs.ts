import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { JobRun, JobSummary } from '../../../domain/contracts/jobs.js';
import { apiRequest } from './client.js';
import type { Page } from './query-client.js';

/** The jobs screen refreshes itself: runs start and finish while the admin watches. */
export const JOBS_REFRESH_MS = 15_000;
const RUNS_PAGE_SIZE = 20;

/** Every background job with its schedule, last run and next run (permission jobs.read). */
export function useJobs() {
  return useQuery({
    queryKey: ['jobs'],
    queryFn: ({ signal }) => apiRequest<{ items: JobSummary[] }>('/jobs', { signal }),
    select: (data) => data.items,
    refetchInterval: JOBS_REFRESH_MS,
  });
}

/** One job's recent runs, newest first; "load more" walks back in time. Idle while no job is open. */
export function useJobRuns(name: string | null) {
  return useInfiniteQuery({
    queryKey: ['jobs', name, 'runs'],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<JobRun>>(`/jobs/${encodeURIComponent(name ?? '')}/runs`, {
        query: { limit: RUNS_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: name !== null,
    refetchInterval: JOBS_REFRESH_MS,
  });
}
