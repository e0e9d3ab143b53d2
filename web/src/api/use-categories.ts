import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Category, CreateCategoryBody, UpdateCategoryBody } from '../../../domain/contracts/tickets.js';
import { apiRequest } from './client.js';

const categoriesKey = ['categories'] as const;

/**
 * The categories that apply to a service: its own and those for every service (serviceId null).
 * Without a service, every category (the server filters only when given one).
 */
export function useCategories(serviceId: string | null | undefined, options: { includeInactive?: boolean } = {}) {
  const includeInactive = options.includeInactive ?? false;
  return useQuery({
    queryKey: [...categoriesKey, serviceId ?? null, includeInactive],
    queryFn: ({ signal }) =>
      apiRequest<{ items: Category[] }>('/categories', {
        query: { serviceId: serviceId ?? undefined, includeInactive: includeInactive || undefined },
        signal,
      }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

function useInvalidateCategories() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: categoriesKey });
}

export function useCreateCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: (body: CreateCategoryBody) => apiRequest<Category>('/categories', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateCategoryBody & { id: string }) =>
      apiRequest<Category>(`/categories/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}
