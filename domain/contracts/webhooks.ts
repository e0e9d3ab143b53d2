import { type Static, Type } from 'typebox';
import { Id, Nullable, Timestamp } from './common.js';

/** What an endpoint may be told of. */
export const WEBHOOK_EVENTS = ['ticket.created', 'ticket.updated', 'ticket.resolved', 'ticket.sla_breached'] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];
export const WebhookEvent = Type.Union([
  Type.Literal('ticket.created'),
  Type.Literal('ticket.updated'),
  Type.Literal('ticket.resolved'),
  Type.Literal('ticket.sla_breached'),
]);

const Url = Type.String({ minLength: 8, maxLength: 2000, description: 'http:// or https:// URL of the receiver' });
const Events = Type.Array(WebhookEvent, { minItems: 1, maxItems: WEBHOOK_EVENTS.length, uniqueItems: true });

export const Webhook = Type.Object({
  id: Id,
  url: Type.String(),
  description: Type.String(),
  events: Type.Array(WebhookEvent),
  active: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Webhook = Static<typeof Webhook>;

export const CreateWebhookBody = Type.Object(
  {
    url: Url,
    events: Events,
    description: Type.Optional(Type.String({ maxLength: 200 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateWebhookBody = Static<typeof CreateWebhookBody>;

export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(Url),
    events: Type.Optional(Events),
    description: Type.Optional(Type.String({ maxLength: 200 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateWebhookBody = Static<typeof UpdateWebhookBody>;

export const CreatedWebhook = Type.Object({
  webhook: Webhook,
  secret: Type.String({ description: 'Signs every delivery (X-Mesa-Signature); shown only now' }),
});
export type CreatedWebhook = Static<typeof CreatedWebhook>;

export const WebhookDelivery = Type.Object({
  id: Id,
  webhookId: Id,
  event: WebhookEvent,
  ticketId: Nullable(Id),
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('sending'),
    Type.Literal('delivered'),
    Type.Literal('failed'),
  ]),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Timestamp),
  lastError: Nullable(Type.String()),
  responseStatus: Nullable(Type.Integer()),
  createdAt: Timestamp,
  deliveredAt: Nullable(Timestamp),
});
export type WebhookDelivery = Static<typeof WebhookDelivery>;

export const DeliveriesQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([Type.Literal('pending'), Type.Literal('sending'), Type.Literal('delivered'), Type.Literal('failed')]),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type DeliveriesQuery = Static<typeof DeliveriesQuery>;

/** The body every delivery carries (JSON). */
export interface WebhookPayload {
  id: string;
  event: WebhookEventName;
  occurredAt: string;
  ticket: { id: string; number: string; subject: string; status: string; priority: number; organizationId: string };
  /** The timeline event behind it (created, status_changed, sla_breach…). */
  change: { kind: string; fields: string[] };
}
