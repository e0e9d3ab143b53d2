import type { Kysely } from 'kysely';
import type {
  CreatedWebhook,
  CreateWebhookBody,
  DeliveriesQuery,
  UpdateWebhookBody,
  Webhook,
  WebhookDelivery,
  WebhookEventName,
  WebhookPayload,
} from '../../../domain/contracts/webhooks.js';
import type { DB, WebhookDeliveryRow, WebhookDeliveryTable, WebhookRow } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { notFound, validationError } from '../../platform/errors.js';
import { newId, newSecret } from '../../platform/ids.js';
import {
  checkTarget,
  DEFAULT_LIMITS,
  OutboundError,
  type OutboundLimits,
  type OutboundPolicy,
  postPinned,
  type Resolver,
} from '../../platform/outbound-guard.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RecordedEvent } from '../tickets/ticket-history.js';
import { signatureHeader } from './webhook-signature.js';
import * as repo from './webhooks.repository.js';

const MINUTE = 60_000;
/** Waits after each failed attempt: a minute, five, half an hour, two hours; the fifth failure is final. */
export const WEBHOOK_BACKOFF_MS = [1, 5, 30, 120].map((m) => m * MINUTE);
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_BACKOFF_MS.length + 1;
/** How long a worker may hold a claimed delivery before another may take it. */
const LEASE = 2 * MINUTE;
const SECRET_PREFIX = 'whsec_';

/** Timeline events that are not a change of the ticket a receiver would act on. */
const NOT_A_CHANGE = new Set(['sla_warning', 'sla_escalation', 'ola_exceeded']);

/** Which webhook event a timeline event is: the most specific one. */
export function webhookEventOf(event: RecordedEvent): WebhookEventName | null {
  if (event.kind === 'created') return 'ticket.created';
  if (event.kind === 'sla_breach') return 'ticket.sla_breached';
  if (NOT_A_CHANGE.has(event.kind)) return null;
  const status = event.changes?.find((change) => change.field === 'status');
  if (event.kind === 'status_changed' && status?.to === 'resolved') return 'ticket.resolved';
  return 'ticket.updated';
}

function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: JSON.parse(row.events) as WebhookEventName[],
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  const settled = row.status === 'delivered' || row.status === 'failed';
  return {
    id: row.id,
    webhookId: row.webhook_id,
    event: row.event as WebhookEventName,
    ticketId: row.ticket_id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: settled ? null : row.next_attempt_at,
    lastError: row.last_error,
    responseStatus: row.response_status,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

export interface WebhookSendOptions {
  limits?: OutboundLimits;
  resolve?: Resolver;
}

/**
 * Outbound webhooks: endpoints admins register, a delivery row per event written in the ticket
 * change's transaction (as the mail outbox is), sent by the module's job, signed, retried with
 * backoff and given up after WEBHOOK_MAX_ATTEMPTS. Every connection goes through the outbound guard.
 */
export class WebhooksService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly policy: OutboundPolicy,
    private readonly options: WebhookSendOptions = {},
  ) {}

  async list(): Promise<Webhook[]> {
    return (await repo.listWebhooks(this.db)).map(toWebhook);
  }

  async get(id: string): Promise<Webhook> {
    const row = await repo.findWebhook(this.db, id);
    if (!row) throw notFound('Webhook');
    return toWebhook(row);
  }

  /** Refuses a URL the guard would refuse at delivery, so the admin hears of it now. */
  private async checkUrl(url: string): Promise<void> {
    try {
      await checkTarget(url, this.policy, this.options.resolve);
    } catch (error) {
      if (error instanceof OutboundError) throw validationError([{ field: 'url', message: error.message }]);
      throw error;
    }
  }

  async create(ctx: RequestContext, body: CreateWebhookBody): Promise<CreatedWebhook> {
    await this.checkUrl(body.url);
    const now = this.clock.now().toISOString();
    const secret = `${SECRET_PREFIX}${newSecret()}`;
    const row: WebhookRow = {
      id: newId(this.clock.now().getTime()),
      url: body.url,
      description: body.description?.trim() ?? '',
      events: JSON.stringify(body.events),
      secret,
      active: body.active === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    };
    const webhook = toWebhook(row);
    await this.db.transaction().execute(async (trx) => {
      await repo.insertWebhook(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'webhook.created',
        entityType: 'webhook',
        entityId: row.id,
        after: webhook,
      });
    });
    return { webhook, secret };
  }

  async update(ctx: RequestContext, id: string, body: UpdateWebhookBody): Promise<Webhook> {
    if (body.url !== undefined) await this.checkUrl(body.url);
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findWebhook(trx, id);
      if (!before) throw notFound('Webhook');
      await repo.updateWebhook(trx, id, {
        ...(body.url !== undefined ? { url: body.url } : {}),
        ...(body.events !== undefined ? { events: JSON.stringify(body.events) } : {}),
        ...(body.description !== undefined ? { description: body.description.trim() } : {}),
        ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
        updated_at: this.clock.now().toISOString(),
      });
      const after = toWebhook((await repo.findWebhook(trx, id)) as WebhookRow);
      await this.audit.record(trx, ctx, {
        action: 'webhook.updated',
        entityType: 'webhook',
        entityId: id,
        before: toWebhook(before),
        after,
      });
      return after;
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const before = await repo.findWebhook(trx, id);
      if (!before) throw notFound('Webhook');
      await repo.deleteWebhook(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'webhook.deleted',
        entityType: 'webhook',
        entityId: id,
        before: toWebhook(before),
      });
    });
  }

  async deliveries(id: string, query: DeliveriesQuery): Promise<WebhookDelivery[]> {
    await this.get(id);
    return (await repo.listDeliveries(this.db, id, query.status, query.limit ?? 50)).map(toDelivery);
  }

  /**
   * The TicketHistory observer: a delivery per endpoint that hears this event, in the change's
   * transaction, so a change that rolls back tells no one and one that commits is never forgotten.
   */
  readonly observer = async (trx: Kysely<DB>, _ctx: RequestContext, ticketId: string, event: RecordedEvent) => {
    const name = webhookEventOf(event);
    if (!name) return;
    const hooks = (await repo.activeWebhooks(trx)).filter((hook) =>
      (JSON.parse(hook.events) as string[]).includes(name),
    );
    if (hooks.length === 0) return;
    const ticket = await repo.ticketFacts(trx, ticketId);
    if (!ticket) return;
    const at = this.clock.now();
    const rows: WebhookDeliveryTable[] = hooks.map((hook) => {
      const id = newId(at.getTime());
      const payload: WebhookPayload = {
        id,
        event: name,
        occurredAt: at.toISOString(),
        ticket: {
          id: ticket.id,
          number: ticket.number,
          subject: ticket.subject,
          status: ticket.status,
          priority: ticket.priority,
          organizationId: ticket.organization_id,
        },
        // Field names only: a note's text or an internal value stays inside the desk.
        change: { kind: event.kind, fields: (event.changes ?? []).map((change) => change.field) },
      };
      return {
        id,
        webhook_id: hook.id,
        event: name,
        ticket_id: ticketId,
        payload: JSON.stringify(payload),
        status: 'pending',
        attempts: 0,
        next_attempt_at: at.toISOString(),
        last_error: null,
        response_status: null,
        created_at: at.toISOString(),
        delivered_at: null,
      };
    });
    await repo.insertDeliveries(trx, rows);
  };

  /** Sends what is due; answers how many were delivered and how many failed this time. */
  async sendDue(limit = 50): Promise<{ delivered: number; failed: number }> {
    const now = this.clock.now();
    const rows = await repo.claimDueDeliveries(
      this.db,
      now.toISOString(),
      new Date(now.getTime() + LEASE).toISOString(),
      limit,
    );
    let delivered = 0;
    let failed = 0;
    for (const row of rows) {
      if (await this.attempt(row)) delivered++;
      else failed++;
    }
    return { delivered, failed };
  }

  private async attempt(row: WebhookDeliveryRow): Promise<boolean> {
    const hook = await repo.findWebhook(this.db, row.webhook_id);
    const attempts = row.attempts + 1;
    let responseStatus: number | null = null;
    let error: string;
    if (!hook) return false;
    try {
      // Resolved and checked at every attempt: what the name pointed to at registration proves nothing now.
      const target = await checkTarget(hook.url, this.policy, this.options.resolve);
      const response = await postPinned(
        target,
        row.payload,
        {
          'content-type': 'application/json',
          'user-agent': 'Mesa-Webhooks/1',
          'x-mesa-event': row.event,
          'x-mesa-delivery': row.id,
          'x-mesa-signature': signatureHeader(hook.secret, row.payload, this.clock.now()),
        },
        this.options.limits ?? DEFAULT_LIMITS,
      );
      responseStatus = response.status;
      if (response.status >= 200 && response.status < 300) {
        await repo.finishDelivery(this.db, row.id, {
          status: 'delivered',
          attempts,
          last_error: null,
          response_status: response.status,
          delivered_at: this.clock.now().toISOString(),
        });
        return true;
      }
      error = `answered ${response.status}`;
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
      if (caught instanceof OutboundError) responseStatus = caught.status;
    }
    const final = attempts >= WEBHOOK_MAX_ATTEMPTS;
    await repo.finishDelivery(this.db, row.id, {
      status: final ? 'failed' : 'pending',
      attempts,
      last_error: error.slice(0, 1000),
      response_status: responseStatus,
      next_attempt_at: new Date(this.clock.now().getTime() + (WEBHOOK_BACKOFF_MS[attempts - 1] ?? LEASE)).toISOString(),
    });
    return false;
  }
}
