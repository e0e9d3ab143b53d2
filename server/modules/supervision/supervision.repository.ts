import type { Kysely } from 'kysely';
import { OPEN_STATUSES } from '../../../domain/tickets/ticket-lifecycle.js';
import type { CommitmentTable, DB } from '../../db/schema.js';

export interface BoardFilter {
  organizationId?: string | undefined;
  groupId?: string | undefined;
  assigneeId?: string | undefined;
  level?: string | undefined;
}

/** Open tickets at risk, breached or paused, counted per organization, group, agent, level and state. */
export function countByPlace(db: Kysely<DB>, filter: BoardFilter) {
  let query = db
    .selectFrom('tickets')
    .leftJoin('organizations', 'organizations.id', 'tickets.organization_id')
    .leftJoin('support_groups', 'support_groups.id', 'tickets.group_id')
    .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
    .select((eb) => [
      'tickets.organization_id',
      'organizations.name as organization_name',
      'tickets.group_id',
      'support_groups.name as group_name',
      'tickets.assignee_id',
      'assignee.name as assignee_name',
      'tickets.level',
      'tickets.sla_state',
      eb.fn.countAll<number>().as('count'),
    ])
    .where('tickets.status', 'in', [...OPEN_STATUSES])
    .where('tickets.sla_state', 'in', ['warning', 'breached', 'paused']);
  query = applyFilter(query, filter);
  return query
    .groupBy([
      'tickets.organization_id',
      'organizations.name',
      'tickets.group_id',
      'support_groups.name',
      'tickets.assignee_id',
      'assignee.name',
      'tickets.level',
      'tickets.sla_state',
    ])
    .execute();
}

// The same filter narrows several selects of tickets.
function applyFilter<Q extends { where: (...args: any[]) => any }>(query: Q, filter: BoardFilter): Q {
  let q = query;
  if (filter.organizationId) q = q.where('tickets.organization_id', '=', filter.organizationId);
  if (filter.groupId) q = q.where('tickets.group_id', '=', filter.groupId);
  if (filter.assigneeId) q = q.where('tickets.assignee_id', '=', filter.assigneeId);
  if (filter.level) q = q.where('tickets.level', '=', filter.level);
  return q;
}

export async function countEscalated(db: Kysely<DB>, filter: BoardFilter): Promise<number> {
  const query = db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('tickets.status', 'in', [...OPEN_STATUSES])
    .where('tickets.sla_escalated_at', 'is not', null);
  return Number((await applyFilter(query, filter).executeTakeFirstOrThrow()).count);
}

export async function countOpenCommitments(db: Kysely<DB>, filter: BoardFilter): Promise<number> {
  const query = db
    .selectFrom('commitments')
    .innerJoin('tickets', 'tickets.id', 'commitments.ticket_id')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('commitments.state', '=', 'open');
  return Number((await applyFilter(query, filter).executeTakeFirstOrThrow()).count);
}

/** Targets met and missed per organization: first responses of tickets raised, resolutions of tickets resolved, in [from, to). */
export async function complianceBetween(db: Kysely<DB>, from: string, to: string) {
  const outcomes = (metColumn: 'first_response_met' | 'resolution_met', atColumn: 'created_at' | 'resolved_at') =>
    db
      .selectFrom('tickets')
      .select((eb) => [
        'tickets.organization_id',
        eb.fn.sum<number>(eb.case().when(metColumn, '=', 1).then(1).else(0).end()).as('met'),
        eb.fn.sum<number>(eb.case().when(metColumn, '=', 0).then(1).else(0).end()).as('breached'),
      ])
      .where(atColumn, '>=', from)
      .where(atColumn, '<', to)
      .where(metColumn, 'is not', null)
      .groupBy('tickets.organization_id')
      .execute();
  const [firstResponse, resolution, organizations] = await Promise.all([
    outcomes('first_response_met', 'created_at'),
    outcomes('resolution_met', 'resolved_at'),
    db
      .selectFrom('organizations')
      .innerJoin('agreements', 'agreements.organization_id', 'organizations.id')
      .select(['organizations.id', 'organizations.name'])
      .orderBy('organizations.name')
      .execute(),
  ]);
  return { firstResponse, resolution, organizations };
}

export function openCommitmentsOf(db: Kysely<DB>, ticketIds: readonly string[]) {
  if (ticketIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('commitments')
    .select(['id', 'ticket_id', 'promised_at', 'warned_at'])
    .where('ticket_id', 'in', ticketIds)
    .where('state', '=', 'open')
    .execute();
}

export function commitmentsOfTicket(db: Kysely<DB>, ticketId: string) {
  return db
    .selectFrom('commitments')
    .innerJoin('users', 'users.id', 'commitments.created_by_id')
    .selectAll('commitments')
    .select('users.name as created_by_name')
    .where('commitments.ticket_id', '=', ticketId)
    .orderBy('commitments.id', 'desc')
    .execute();
}

export type CommitmentListRow = Awaited<ReturnType<typeof commitmentsOfTicket>>[number];

/** Ends the ticket's open commitment, if any, answering its promised date. */
export async function supersedeOpen(db: Kysely<DB>, ticketId: string, at: string): Promise<string | null> {
  const rows = await db
    .updateTable('commitments')
    .set({ state: 'superseded', settled_at: at })
    .where('ticket_id', '=', ticketId)
    .where('state', '=', 'open')
    .returning('promised_at')
    .execute();
  return rows[0]?.promised_at ?? null;
}

export function insertCommitment(db: Kysely<DB>, row: CommitmentTable) {
  return db.insertInto('commitments').values(row).execute();
}

/** Open commitments with something to do: a warning due, the date passed, or the ticket resolved. */
export function commitmentsToCheck(db: Kysely<DB>, now: string, limit: number) {
  return db
    .selectFrom('commitments')
    .innerJoin('tickets', 'tickets.id', 'commitments.ticket_id')
    .selectAll('commitments')
    .select(['tickets.status as ticket_status', 'tickets.resolved_at as ticket_resolved_at'])
    .where('commitments.state', '=', 'open')
    .where((eb) =>
      eb.or([
        eb('commitments.promised_at', '<=', now),
        eb.and([eb('commitments.warned_at', 'is', null), eb('commitments.warn_at', '<=', now)]),
        eb('tickets.status', 'in', ['resolved', 'closed', 'cancelled']),
      ]),
    )
    .orderBy('commitments.id')
    .limit(limit)
    .execute();
}

/** Moves an open commitment on, once: false when another runner already did. */
export async function settleCommitment(
  db: Kysely<DB>,
  id: string,
  changes: Partial<CommitmentTable>,
  onlyIfUnwarned = false,
): Promise<boolean> {
  let query = db.updateTable('commitments').set(changes).where('id', '=', id).where('state', '=', 'open');
  if (onlyIfUnwarned) query = query.where('warned_at', 'is', null);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function localeOf(db: Kysely<DB>, userId: string): Promise<'es' | 'en' | null> {
  const row = await db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst();
  return row?.locale ?? null;
}

/** The time zone of the calendar of the organization's agreement (the desk's hours). */
export async function agreementTimeZoneOf(db: Kysely<DB>, organizationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('agreements')
    .innerJoin('calendars', 'calendars.id', 'agreements.calendar_id')
    .select('calendars.time_zone')
    .where('agreements.organization_id', '=', organizationId)
    .executeTakeFirst();
  return row?.time_zone ?? null;
}

export async function assigneeOf(db: Kysely<DB>, ticketId: string): Promise<string | null> {
  const row = await db.selectFrom('tickets').select('assignee_id').where('id', '=', ticketId).executeTakeFirstOrThrow();
  return row.assignee_id;
}
