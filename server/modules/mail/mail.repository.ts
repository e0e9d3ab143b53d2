import type { Kysely } from 'kysely';
import { claimWithLease } from '../../db/lease.js';
import type { DB, InboundMailTable, MailboxTable, OutboundMailTable } from '../../db/schema.js';

/** The address in "Name <address>" (or the whole text when it is just an address), lower-cased. */
export const addressOf = (from: string) => (/<([^<>\s]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();

export function activeMailboxAddresses(db: Kysely<DB>) {
  return db.selectFrom('mailboxes').select('address').where('active', '=', 1).execute();
}

/** Where a mailbox may send its tickets: these check that what it names exists. */
export async function organizationExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return !!(await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst());
}

export function findOrganizationName(db: Kysely<DB>, id: string) {
  return db.selectFrom('organizations').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function organizationOfService(db: Kysely<DB>, serviceId: string): Promise<string | undefined> {
  const row = await db.selectFrom('services').select('organization_id').where('id', '=', serviceId).executeTakeFirst();
  return row?.organization_id;
}

export async function groupExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return !!(await db.selectFrom('support_groups').select('id').where('id', '=', id).executeTakeFirst());
}

export function findMailbox(db: Kysely<DB>, address: string) {
  return db
    .selectFrom('mailboxes')
    .selectAll()
    .where('address', '=', address.toLowerCase())
    .where('active', '=', 1)
    .executeTakeFirst();
}

export function listMailboxes(db: Kysely<DB>) {
  return db.selectFrom('mailboxes').selectAll().orderBy('address').execute();
}

export function insertMailbox(db: Kysely<DB>, row: MailboxTable) {
  return db.insertInto('mailboxes').values(row).execute();
}

export function updateMailbox(db: Kysely<DB>, id: string, version: number, changes: Partial<MailboxTable>) {
  return db
    .updateTable('mailboxes')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** The organization of the most specific mapping among these domains (most specific first), if any. */
export async function organizationOfDomains(db: Kysely<DB>, domains: readonly string[]): Promise<string | null> {
  if (domains.length === 0) return null;
  const rows = await db
    .selectFrom('mail_domains')
    .select(['domain', 'organization_id'])
    .where('domain', 'in', domains)
    .execute();
  const byDomain = new Map(rows.map((row) => [row.domain, row.organization_id]));
  for (const domain of domains) {
    const organizationId = byDomain.get(domain);
    if (organizationId) return organizationId;
  }
  return null;
}

export function listDomains(db: Kysely<DB>) {
  return db
    .selectFrom('mail_domains')
    .innerJoin('organizations', 'organizations.id', 'mail_domains.organization_id')
    .select(['mail_domains.domain', 'mail_domains.organization_id', 'organizations.name as organization_name'])
    .orderBy('mail_domains.domain')
    .execute();
}

export function insertDomain(db: Kysely<DB>, domain: string, organizationId: string, at: string) {
  return db.insertInto('mail_domains').values({ domain, organization_id: organizationId, created_at: at }).execute();
}

export function deleteDomain(db: Kysely<DB>, domain: string) {
  return db.deleteFrom('mail_domains').where('domain', '=', domain).executeTakeFirst();
}

/** Stores the arrival; false when the same message (by fingerprint) is already here. */
export async function insertInbound(db: Kysely<DB>, row: InboundMailTable): Promise<boolean> {
  const result = await db
    .insertInto('inbound_mail')
    .values(row)
    .onConflict((oc) => oc.column('fingerprint').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export function findInbound(db: Kysely<DB>, id: string) {
  return db.selectFrom('inbound_mail').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findInboundByFingerprint(db: Kysely<DB>, fingerprint: string) {
  return db.selectFrom('inbound_mail').selectAll().where('fingerprint', '=', fingerprint).executeTakeFirst();
}

/** Arrivals not yet handled (after a crash or restart, say), oldest first. */
export async function waitingInbound(db: Kysely<DB>, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('inbound_mail')
    .select('id')
    .where('status', '=', 'received')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Marks an arrival handled, in the transaction that did the handling; false when another worker
 * got there first (the caller then rolls back, so a message never makes two tickets).
 */
export async function settleInbound(
  db: Kysely<DB>,
  id: string,
  changes: Pick<InboundMailTable, 'status' | 'processed_at'> & Partial<InboundMailTable>,
  from: InboundMailTable['status'][] = ['received'],
): Promise<boolean> {
  const result = await db
    .updateTable('inbound_mail')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function describeInbound(
  db: Kysely<DB>,
  id: string,
  summary: Pick<InboundMailTable, 'subject' | 'from_address'>,
) {
  return db.updateTable('inbound_mail').set(summary).where('id', '=', id).execute();
}

export function noteAttempt(db: Kysely<DB>, id: string, reason: string) {
  return db
    .updateTable('inbound_mail')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), reason }))
    .where('id', '=', id)
    .where('status', '=', 'received')
    .execute();
}

export function listInbound(db: Kysely<DB>, options: { status?: string | undefined; before?: string; limit: number }) {
  let query = db.selectFrom('inbound_mail').selectAll();
  if (options.status) query = query.where('status', '=', options.status as InboundMailTable['status']);
  if (options.before) query = query.where('id', '<', options.before);
  return query.orderBy('id', 'desc').limit(options.limit).execute();
}

/** How many messages this sender handed us since `since`: the runaway-correspondent brake. */
export async function countFromSender(db: Kysely<DB>, address: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('inbound_mail')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('from_address', '=', address)
    .where('received_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The ticket a Message-ID belongs to: one Mesa sent, or one that came in and was taken. */
export async function ticketOfMessageIds(db: Kysely<DB>, ids: readonly string[]): Promise<string | null> {
  if (ids.length === 0) return null;
  const sent = await db
    .selectFrom('outbound_mail')
    .select(['ticket_id', 'message_id'])
    .where('message_id', 'in', ids)
    .where('ticket_id', 'is not', null)
    .execute();
  const received = await db
    .selectFrom('inbound_mail')
    .select(['ticket_id', 'message_id'])
    .where('message_id', 'in', ids)
    .where('ticket_id', 'is not', null)
    .execute();
  const byId = new Map([...received, ...sent].map((row) => [row.message_id, row.ticket_id]));
  for (const id of ids) {
    const ticketId = byId.get(id);
    if (ticketId) return ticketId;
  }
  return null;
}

/** The Message-ID the ticket's conversation started with, to thread what Mesa sends about it. */
export async function firstMessageIdOf(db: Kysely<DB>, ticketId: string): Promise<string | null> {
  const row = await db
    .selectFrom('inbound_mail')
    .select('message_id')
    .where('ticket_id', '=', ticketId)
    .where('outcome', '=', 'ticket')
    .executeTakeFirst();
  return row?.message_id ?? null;
}

/** What a requester's notice of a ticket says, read in the change's transaction. */
export function ticketNoticeFacts(db: Kysely<DB>, ticketId: string) {
  return db
    .selectFrom('tickets')
    .innerJoin('users', 'users.id', 'tickets.requester_id')
    .select([
      'tickets.number',
      'tickets.subject',
      'tickets.resolution_notes',
      'tickets.status',
      'users.email',
      'users.mail_bounced_at',
      'users.name',
      'users.locale',
      'users.status as requester_status',
    ])
    .where('tickets.id', '=', ticketId)
    .executeTakeFirst();
}

export async function messageBodyOf(db: Kysely<DB>, messageId: string): Promise<string | undefined> {
  const row = await db.selectFrom('ticket_messages').select('body_html').where('id', '=', messageId).executeTakeFirst();
  return row?.body_html;
}

/** What a staff alert names of its ticket. */
export function ticketHeading(db: Kysely<DB>, ticketId: string) {
  return db.selectFrom('tickets').select(['number', 'subject']).where('id', '=', ticketId).executeTakeFirstOrThrow();
}

export function problemHeading(db: Kysely<DB>, problemId: string) {
  return db.selectFrom('problems').select(['number', 'subject']).where('id', '=', problemId).executeTakeFirstOrThrow();
}

/** Where the staff an alert names are written to, in their language; the inactive hear nothing. */
export function activeRecipients(db: Kysely<DB>, userIds: readonly string[]) {
  return db
    .selectFrom('users')
    .select(['email', 'locale'])
    .where('id', 'in', userIds)
    .where('status', '=', 'active')
    .execute();
}

export function insertOutbound(db: Kysely<DB>, row: OutboundMailTable) {
  return db.insertInto('outbound_mail').values(row).execute();
}

/**
 * Claims mail due to be sent. On PostgreSQL rows another instance holds are skipped; the claim is
 * a status change with a deadline, so a worker that dies leaves them to be taken again later.
 */
export async function claimDueOutbound(db: Kysely<DB>, now: string, leaseUntil: string, limit: number) {
  return db.transaction().execute(async (trx) => {
    const query = trx
      .selectFrom('outbound_mail')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          // A claim whose worker never finished: its lease ran out.
          eb.and([eb('status', '=', 'sending'), eb('next_attempt_at', '<=', now)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .limit(limit);
    return claimWithLease(trx, 'outbound_mail', query, leaseUntil);
  });
}

export function finishOutbound(db: Kysely<DB>, id: string, changes: Partial<OutboundMailTable>) {
  return db.updateTable('outbound_mail').set(changes).where('id', '=', id).execute();
}

export function listOutbound(
  db: Kysely<DB>,
  options: { ticketId?: string | undefined; before?: string; limit: number },
) {
  let query = db.selectFrom('outbound_mail').selectAll();
  if (options.ticketId) query = query.where('ticket_id', '=', options.ticketId);
  if (options.before) query = query.where('id', '<', options.before);
  return query.orderBy('id', 'desc').limit(options.limit).execute();
}

/** What is waiting or stuck, in and out. */
export async function mailCounts(db: Kysely<DB>) {
  const count = async (table: 'inbound_mail' | 'outbound_mail', status: string) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('status', '=', status as never)
          .executeTakeFirstOrThrow()
      ).count,
    );
  return {
    outbox: { pending: await count('outbound_mail', 'pending'), failed: await count('outbound_mail', 'failed') },
    inbox: { waiting: await count('inbound_mail', 'received'), failed: await count('inbound_mail', 'failed') },
  };
}

/** The notice Mesa sent that a bounce answers: by its outbound id (our header) or its Message-ID. */
export function outboundForReport(db: Kysely<DB>, outboundIds: readonly string[], messageIds: readonly string[]) {
  if (outboundIds.length === 0 && messageIds.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom('outbound_mail')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(outboundIds.length ? [eb('id', 'in', outboundIds)] : []),
        ...(messageIds.length ? [eb('message_id', 'in', messageIds)] : []),
      ]),
    )
    .where('ticket_id', 'is not', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** A sent notice a delivery report says failed; the report's words are its last error. */
export function markOutboundBounced(db: Kysely<DB>, id: string, reason: string) {
  return db.updateTable('outbound_mail').set({ status: 'bounced', last_error: reason }).where('id', '=', id).execute();
}

/** The person at this address: mail to them fails, since `at`, for `reason`. */
export function markAddressBouncing(db: Kysely<DB>, address: string, at: string, reason: string) {
  return db
    .updateTable('users')
    .set({ mail_bounced_at: at, mail_bounce_reason: reason })
    .where('email', '=', address.toLowerCase())
    .execute();
}

/** Mail from the address arrived (or an admin cleared it): it no longer counts as bouncing. */
export function clearAddressBouncing(db: Kysely<DB>, address: string) {
  return db
    .updateTable('users')
    .set({ mail_bounced_at: null, mail_bounce_reason: null })
    .where('email', '=', address.toLowerCase())
    .where('mail_bounced_at', 'is not', null)
    .execute();
}

/** Whether mail to a person bounces, as staff see it beside the requester. */
export function mailDeliveryOf(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'mail_bounced_at', 'mail_bounce_reason'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** The ticket a bounce was recorded on, as live updates announce it. */
export function ticketRow(db: Kysely<DB>, id: string) {
  return db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
