import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { SecurityEvent, SecurityEventKind } from '../../../domain/contracts/security-events.js';
import { apiRequest } from './client.js';
import type { Page } from './query-client.js';

export interface SecurityEventFilters {
  kind?: SecurityEventKind;
  userId?: string;
}

/** Newest first; "load more" walks back in time. */
export function useSecurityEvents(filters: SecurityEventFilters) {
  return useInfiniteQuery({
    queryKey: ['security-events', filters],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<SecurityEvent>>('/security-events', {
        query: { ...filters, limit: 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
