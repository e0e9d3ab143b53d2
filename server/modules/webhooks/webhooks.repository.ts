import type { Kysely, Updateable } from 'kysely';
import { claimWithLease } from '../../db/lease.js';
import type { DB, WebhookDeliveryTable, WebhookTable } from '../../db/schema.js';
import { SECRET_COLUMNS, secretContext } from '../../db/secret-columns.js';
import type { SecretBox } from '../../platform/secret-box.js';

/** The signing secret is stored sealed (platform/secret-box.ts): only what signs reads it. */
export function insertWebhook(db: Kysely<DB>, box: SecretBox, row: WebhookTable) {
  const secret = box.seal(row.secret, secretContext(SECRET_COLUMNS.webhook, row.id));
  return db
    .insertInto('webhooks')
    .values({ ...row, secret })
    .execute();
}

export function updateWebhook(db: Kysely<DB>, id: string, fields: Updateable<WebhookTable>) {
  return db.updateTable('webhooks').set(fields).where('id', '=', id).execute();
}

export function deleteWebhook(db: Kysely<DB>, id: string) {
  return db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
}

/** An endpoint as admins see it: everything but the secret. */
const SHOWN = ['id', 'url', 'description', 'events', 'active', 'created_at', 'updated_at'] as const;

export function findWebhook(db: Kysely<DB>, id: string) {
  return db.selectFrom('webhooks').select(SHOWN).where('id', '=', id).executeTakeFirst();
}

export function listWebhooks(db: Kysely<DB>) {
  return db.selectFrom('webhooks').select(SHOWN).orderBy('created_at').orderBy('id').execute();
}

/** The endpoint's signing secret, opened; throws SecretBoxError when the key cannot open it. */
export async function signingSecret(db: Kysely<DB>, box: SecretBox, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('webhooks').select('secret').where('id', '=', id).executeTakeFirst();
  return row && box.open(row.secret, secretContext(SECRET_COLUMNS.webhook, id));
}

/** The endpoints that hear anything: read in a ticket change's transaction, so few and small. */
export function activeWebhooks(db: Kysely<DB>) {
  return db.selectFrom('webhooks').select(['id', 'events']).where('active', '=', 1).execute();
}

/** What a delivery says of its ticket. */
export function ticketFacts(db: Kysely<DB>, ticketId: string) {
  return db
    .selectFrom('tickets')
    .select(['id', 'number', 'subject', 'status', 'priority', 'organization_id'])
    .where('id', '=', ticketId)
    .executeTakeFirst();
}

export function insertDeliveries(db: Kysely<DB>, rows: WebhookDeliveryTable[]) {
  return db.insertInto('webhook_deliveries').values(rows).execute();
}

/**
 * Takes due deliveries of active endpoints (and those whose worker's lease ran out), marking them
 * sending until `leaseUntil`; on PostgreSQL two workers skip each other's rows.
 */
export async function claimDueDeliveries(db: Kysely<DB>, now: string, leaseUntil: string, limit: number) {
  return db.transaction().execute(async (trx) => {
    const query = trx
      .selectFrom('webhook_deliveries')
      .selectAll('webhook_deliveries')
      .where('status', 'in', ['pending', 'sending'])
      .where('next_attempt_at', '<=', now)
      .where('webhook_id', 'in', trx.selectFrom('webhooks').select('id').where('active', '=', 1))
      .orderBy('next_attempt_at')
      .limit(limit);
    return claimWithLease(trx, 'webhook_deliveries', query, leaseUntil);
  });
}

export function finishDelivery(db: Kysely<DB>, id: string, fields: Updateable<WebhookDeliveryTable>) {
  return db.updateTable('webhook_deliveries').set(fields).where('id', '=', id).execute();
}

export function listDeliveries(
  db: Kysely<DB>,
  webhookId: string,
  status: WebhookDeliveryTable['status'] | undefined,
  limit: number,
) {
  let query = db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId);
  if (status) query = query.where('status', '=', status);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Deletes deliveries made before `before` (the prune job); answers how many. */
export async function deleteDeliveriesBefore(db: Kysely<DB>, before: string): Promise<number> {
  const result = await db.deleteFrom('webhook_deliveries').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
