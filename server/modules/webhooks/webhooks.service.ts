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
import { SecretBox, SecretBoxError } from '../../platform/secret-box.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RecordedEvent } from '../tickets/ticket-history.js';
import { isPermanentRefusal, retryAfterMs, retryDelayMs, WEBHOOK_MAX_ATTEMPTS } from './webhook-retry.js';
import { signatureHeader } from './webhook-signature.js';
import * as repo from './webhooks.repository.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const DEFAULT_RETENTION_DAYS = 30;
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

function toWebhook(row: Omit<WebhookRow, 'secret'>): Webhook {
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
  /** Seals the signing secrets at rest (MESA_SECRET_KEY); absent, none can be stored. */
  secrets?: SecretBox;
  /** Days a delivery is kept (MESA_WEBHOOK_RETENTION_DAYS); absent, 30. */
  retentionDays?: number;
}

/**
 * Outbound webhooks: endpoints admins register, a delivery row per event written in the ticket
 * change's transaction (as the mail outbox is), sent by the module's job, signed, retried with
 * backoff and given up after WEBHOOK_MAX_ATTEMPTS. Every connection goes through the outbound guard.
 */
export class WebhooksService {
  private readonly secrets: SecretBox;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly policy: OutboundPolicy,
    private readonly options: WebhookSendOptions = {},
  ) {
    this.secrets = options.secrets ?? new SecretBox(null);
  }

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
      await repo.insertWebhook(trx, this.secrets, row);
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
      const after = toWebhook((await repo.findWebhook(trx, id)) as Omit<WebhookRow, 'secret'>);
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
    const attempts = row.attempts + 1;
    const hook = await repo.findWebhook(this.db, row.webhook_id);
    if (!hook) return false;
    let secret: string | undefined;
    try {
      secret = await repo.signingSecret(this.db, this.secrets, row.webhook_id);
    } catch (error) {
      // A secret that does not open (a wrong key, an altered row) sends nothing unsigned; the
      // delivery waits for the key to be set right, and the error says which.
      if (!(error instanceof SecretBoxError)) throw error;
      await this.failed(row.id, attempts, { error: error.message, responseStatus: null, retryAfter: null });
      return false;
    }
    if (secret === undefined) return false;
    let responseStatus: number | null = null;
    let retryAfter: string | null = null;
    let error: string;
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
          'x-mesa-signature': signatureHeader(secret, row.payload, this.clock.now()),
        },
        this.options.limits ?? DEFAULT_LIMITS,
      );
      responseStatus = response.status;
      retryAfter = response.retryAfter;
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
    await this.failed(row.id, attempts, { error, responseStatus, retryAfter });
    return false;
  }

  /** A failed attempt: final on a permanent refusal (a 4xx but 408 and 429) or the last attempt; else tried again later. */
  private async failed(
    id: string,
    attempts: number,
    outcome: { error: string; responseStatus: number | null; retryAfter: string | null },
  ) {
    const now = this.clock.now();
    const permanent = outcome.responseStatus !== null && isPermanentRefusal(outcome.responseStatus);
    const final = permanent || attempts >= WEBHOOK_MAX_ATTEMPTS;
    const wait = retryDelayMs(attempts, retryAfterMs(outcome.retryAfter, now));
    await repo.finishDelivery(this.db, id, {
      status: final ? 'failed' : 'pending',
      attempts,
      last_error: (permanent ? `${outcome.error}: refused, not retried` : outcome.error).slice(0, 1000),
      response_status: outcome.responseStatus,
      next_attempt_at: new Date(now.getTime() + wait).toISOString(),
    });
  }

  /** Deletes deliveries older than the retention (MESA_WEBHOOK_RETENTION_DAYS), whatever their outcome. */
  async prune(): Promise<{ deleted: number }> {
    const days = this.options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    const before = new Date(this.clock.now().getTime() - days * DAY).toISOString();
    return { deleted: await repo.deleteDeliveriesBefore(this.db, before) };
  }
}
