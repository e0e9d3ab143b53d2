import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './client.js';

/** A 4xx answer will not change by asking again; network trouble and 5xx get two more tries. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
