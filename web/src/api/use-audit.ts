import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEvent } from '../../../domain/contracts/audit.js';
import { apiRequest } from './client.js';
import type { Page } from './query-client.js';

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
}

/** Newest first; "load more" walks back in time. */
export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit-events', filters],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<AuditEvent>>('/audit-events', { query: { ...filters, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
