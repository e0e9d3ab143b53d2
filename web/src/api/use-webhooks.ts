import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatedWebhook,
  CreateWebhookBody,
  UpdateWebhookBody,
  Webhook,
  WebhookDelivery,
} from '../../../domain/contracts/webhooks.js';
import { apiRequest } from './client.js';

const webhooksKey = ['webhooks'] as const;

export function useWebhooks() {
  return useQuery({
    queryKey: webhooksKey,
    queryFn: ({ signal }) => apiRequest<{ items: Webhook[] }>('/webhooks', { signal }),
    select: (data) => data.items,
  });
}

export function useWebhookDeliveries(id: string | null) {
  return useQuery({
    queryKey: [...webhooksKey, id, 'deliveries'],
    enabled: id !== null,
    queryFn: ({ signal }) =>
      apiRequest<{ items: WebhookDelivery[] }>(`/webhooks/${encodeURIComponent(id ?? '')}/deliveries`, { signal }),
    select: (data) => data.items,
    refetchInterval: 15_000,
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookBody) => apiRequest<CreatedWebhook>('/webhooks', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}

export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateWebhookBody }) =>
      apiRequest<Webhook>(`/webhooks/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}
