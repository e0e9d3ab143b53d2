import { IdParams, ItemsOf, Ok } from '../../../domain/contracts/common.js';
import {
  CreatedWebhook,
  CreateWebhookBody,
  DeliveriesQuery,
  UpdateWebhookBody,
  Webhook,
  WebhookDelivery,
} from '../../../domain/contracts/webhooks.js';
import type { App } from '../../platform/http.js';
import type { WebhooksService } from './webhooks.service.js';

export function registerWebhookRoutes(app: App, { webhooks }: { webhooks: WebhooksService }) {
  const tags = ['webhooks'];
  const config = { permission: 'webhooks.manage' as const };

  app.get('/webhooks', { config, schema: { tags, response: { 200: ItemsOf(Webhook) } } }, async () => ({
    items: await webhooks.list(),
  }));
  app.post(
    '/webhooks',
    { config, schema: { tags, body: CreateWebhookBody, response: { 201: CreatedWebhook } } },
    async (request, reply) => reply.code(201).send(await webhooks.create(request.ctx, request.body)),
  );
  app.get('/webhooks/:id', { config, schema: { tags, params: IdParams, response: { 200: Webhook } } }, (request) =>
    webhooks.get(request.params.id),
  );
  app.patch(
    '/webhooks/:id',
    { config, schema: { tags, params: IdParams, body: UpdateWebhookBody, response: { 200: Webhook } } },
    (request) => webhooks.update(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/webhooks/:id',
    { config, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await webhooks.remove(request.ctx, request.params.id);
      return { status: 'ok' as const };
    },
  );
  app.get(
    '/webhooks/:id/deliveries',
    {
      config,
      schema: { tags, params: IdParams, querystring: DeliveriesQuery, response: { 200: ItemsOf(WebhookDelivery) } },
    },
    async (request) => ({ items: await webhooks.deliveries(request.params.id, request.query) }),
  );
}
