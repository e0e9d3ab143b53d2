import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateOrganizationBody,
  CreateServiceBody,
  Organization,
  Service,
  UpdateOrganizationBody,
  UpdateServiceBody,
} from '../../../domain/contracts/organizations.js';
import { apiRequest } from './client.js';
import type { Page } from './query-client.js';

export interface OrganizationFilters {
  q?: string;
  status?: 'active' | 'inactive';
  limit?: number;
}

const organizationsKey = ['organizations'] as const;
const path = (id: string) => `/organizations/${encodeURIComponent(id)}`;

/** Keyset pages: each "load more" asks for the page after the previous nextCursor. */
export function useOrganizationList(filters: OrganizationFilters, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: [...organizationsKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiRequest<Page<Organization>>('/organizations', {
        query: { q: filters.q, status: filters.status, limit: filters.limit ?? 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useOrganization(id: string | null | undefined) {
  return useQuery({
    queryKey: [...organizationsKey, 'detail', id],
    queryFn: ({ signal }) => apiRequest<Organization>(path(id as string), { signal }),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

export function useServices(organizationId: string | null | undefined) {
  return useQuery({
    queryKey: [...organizationsKey, 'services', organizationId],
    queryFn: ({ signal }) => apiRequest<{ items: Service[] }>(`${path(organizationId as string)}/services`, { signal }),
    enabled: Boolean(organizationId),
    select: (data) => data.items,
  });
}

export interface ServiceOption {
  value: string;
  label: string;
  organizationId: string;
  active: boolean;
}

/**
 * Every service of every organization, labelled "Organization · Service", for staff pickers.
 * One request per organization: fine for a desk's handful of clients.
 */
export function useAllServices() {
  return useQuery({
    queryKey: [...organizationsKey, 'all-services'],
    queryFn: async ({ signal }) => {
      const organizations: Organization[] = [];
      let cursor: string | undefined;
      do {
        const page: Page<Organization> = await apiRequest<Page<Organization>>('/organizations', {
          query: { limit: 200, cursor },
          signal,
        });
        organizations.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const lists = await Promise.all(
        organizations.map((organization) =>
          apiRequest<{ items: Service[] }>(`${path(organization.id)}/services`, { signal }).then((data) =>
            data.items.map(
              (service): ServiceOption => ({
                value: service.id,
                label: `${organization.name} · ${service.name}`,
                organizationId: organization.id,
                active: organization.status === 'active' && service.status === 'active',
              }),
            ),
          ),
        ),
      );
      return lists.flat().sort((a, b) => a.label.localeCompare(b.label));
    },
    staleTime: 5 * 60_000,
  });
}

function useInvalidateOrganizations() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: organizationsKey });
}

export function useCreateOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (body: CreateOrganizationBody) => apiRequest<Organization>('/organizations', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganization(id: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (body: UpdateOrganizationBody) => apiRequest<Organization>(path(id), { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useCreateService(organizationId: string) {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (body: CreateServiceBody) =>
      apiRequest<Service>(`${path(organizationId)}/services`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateService() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateServiceBody & { id: string }) =>
      apiRequest<Service>(`/services/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}
