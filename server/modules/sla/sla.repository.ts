import type { Kysely } from 'kysely';
import { OPEN_STATUSES } from '../../../domain/tickets/ticket-lifecycle.js';
import { lockedOrSkipped } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';

/** The keys of the warnings, breaches and escalation levels that already fired on a ticket. */
export async function firedKeys(db: Kysely<DB>, ticketId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('sla_firings')
    .select(['key', 'fired_at'])
    .where('ticket_id', '=', ticketId)
    .execute();
  return new Map(rows.map((row) => [row.key, row.fired_at]));
}

/**
 * Claims a firing: true for the one caller that recorded it, false for anyone after. The primary
 * key decides, so two instances' jobs racing on one ticket fire it once.
 */
export async function claimFiring(db: Kysely<DB>, ticketId: string, key: string, at: string): Promise<boolean> {
  const result = await db
    .insertInto('sla_firings')
    .values({ ticket_id: ticketId, key, fired_at: at })
    .onConflict((oc) => oc.columns(['ticket_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** When the ticket last arrived at a level, by escalation, return or transfer. */
export async function arrivedAtLevel(db: Kysely<DB>, ticketId: string, level: string): Promise<string | null> {
  const row = await db
    .selectFrom('escalations')
    .select('at')
    .where('ticket_id', '=', ticketId)
    .where('to_level', '=', level as 'L1')
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.at ?? null;
}

/** Active supervisors: the first hierarchical escalation. */
export async function supervisorIds(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('user_roles.role', '=', 'supervisor')
    .where('users.status', '=', 'active')
    .execute();
  return rows.map((row) => row.id);
}

export async function groupLeadOf(db: Kysely<DB>, groupId: string | null): Promise<string | null> {
  if (!groupId) return null;
  const row = await db.selectFrom('support_groups').select('lead_id').where('id', '=', groupId).executeTakeFirst();
  return row?.lead_id ?? null;
}

export async function namesOf(db: Kysely<DB>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('users').select('name').where('id', 'in', ids).orderBy('name').execute();
  return rows.map((row) => row.name);
}

/** Tickets with a warning, breach or escalation level due by `now`, earliest first. */
export async function dueTicketIds(db: Kysely<DB>, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('tickets')
    .select('id')
    .where('sla_check_at', '<=', now)
    .orderBy('sla_check_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** How many tickets have a warning, breach or escalation level due by `now` and not yet fired. */
export async function countDue(db: Kysely<DB>, now: string): Promise<number> {
  const row = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('sla_check_at', '<=', now)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * The ticket, if it is still due and no other runner holds it. On PostgreSQL the row stays locked
 * until the transaction ends and a second instance skips it; SQLite has one writer at a time.
 */
export function lockDueTicket(db: Kysely<DB>, id: string, now: string) {
  const query = db.selectFrom('tickets').selectAll().where('id', '=', id).where('sla_check_at', '<=', now);
  return lockedOrSkipped(db, query).executeTakeFirst();
}

export function insertRecalculations(db: Kysely<DB>, organizationIds: readonly string[], id: () => string, at: string) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db
    .insertInto('sla_recalculations')
    .values(
      [...new Set(organizationIds)].map((organizationId) => ({
        id: id(),
        organization_id: organizationId,
        after_id: null,
        tickets_done: 0,
        requested_at: at,
        finished_at: null,
      })),
    )
    .execute();
}

/** The oldest unfinished recalculation no other instance is working on. */
export function claimRecalculation(db: Kysely<DB>) {
  const query = db.selectFrom('sla_recalculations').selectAll().where('finished_at', 'is', null).orderBy('id').limit(1);
  return lockedOrSkipped(db, query).executeTakeFirst();
}

export function openTicketsAfter(db: Kysely<DB>, organizationId: string, afterId: string | null, limit: number) {
  let query = db
    .selectFrom('tickets')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('status', 'in', [...OPEN_STATUSES]);
  if (afterId) query = query.where('id', '>', afterId);
  return query.orderBy('id').limit(limit).execute();
}

export function advanceRecalculation(
  db: Kysely<DB>,
  id: string,
  changes: { after_id: string | null; tickets_done: number; finished_at: string | null },
) {
  return db.updateTable('sla_recalculations').set(changes).where('id', '=', id).execute();
}

/** When the desk last wrote publicly on the ticket: replies by staff, who belong to no client. */
export async function lastStaffReplyAt(db: Kysely<DB>, ticketId: string): Promise<string | null> {
  const row = await db
    .selectFrom('ticket_messages')
    .innerJoin('users', 'users.id', 'ticket_messages.author_id')
    .select((eb) => eb.fn.max('ticket_messages.created_at').as('at'))
    .where('ticket_messages.ticket_id', '=', ticketId)
    .where('ticket_messages.kind', '=', 'reply')
    .where('users.organization_id', 'is', null)
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

/** The keys of the warnings, breaches and escalation levels that already fired on a problem. */
export async function firedProblemKeys(db: Kysely<DB>, problemId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('problem_sla_firings')
    .select(['key', 'fired_at'])
    .where('problem_id', '=', problemId)
    .execute();
  return new Map(rows.map((row) => [row.key, row.fired_at]));
}

/** As `claimFiring`, for a problem: the primary key lets one runner record each point. */
export async function claimProblemFiring(db: Kysely<DB>, problemId: string, key: string, at: string) {
  const result = await db
    .insertInto('problem_sla_firings')
    .values({ problem_id: problemId, key, fired_at: at })
    .onConflict((oc) => oc.columns(['problem_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Problems with a warning, breach or escalation level due by `now`, earliest first. */
export async function dueProblemIds(db: Kysely<DB>, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('problems')
    .select('id')
    .where('sla_check_at', '<=', now)
    .orderBy('sla_check_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** The problem, if it is still due and no other runner holds it (see `lockDueTicket`). */
export function lockDueProblem(db: Kysely<DB>, id: string, now: string) {
  const query = db.selectFrom('problems').selectAll().where('id', '=', id).where('sla_check_at', '<=', now);
  return lockedOrSkipped(db, query).executeTakeFirst();
}
