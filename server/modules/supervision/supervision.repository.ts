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

/** What a commitment is about: a ticket or a problem report. */
export interface CommitmentSubject {
  column: 'ticket_id' | 'problem_id';
  id: string;
}

export function commitmentsOf(db: Kysely<DB>, subject: CommitmentSubject) {
  return db
    .selectFrom('commitments')
    .innerJoin('users', 'users.id', 'commitments.created_by_id')
    .selectAll('commitments')
    .select('users.name as created_by_name')
    .where(`commitments.${subject.column}`, '=', subject.id)
    .orderBy('commitments.id', 'desc')
    .execute();
}

export type CommitmentListRow = Awaited<ReturnType<typeof commitmentsOf>>[number];

/** Ends the ticket's or problem's open commitment, if any, answering its promised date. */
export async function supersedeOpen(db: Kysely<DB>, subject: CommitmentSubject, at: string): Promise<string | null> {
  const rows = await db
    .updateTable('commitments')
    .set({ state: 'superseded', settled_at: at })
    .where(subject.column, '=', subject.id)
    .where('state', '=', 'open')
    .returning('promised_at')
    .execute();
  return rows[0]?.promised_at ?? null;
}

export function insertCommitment(db: Kysely<DB>, row: CommitmentTable) {
  return db.insertInto('commitments').values(row).execute();
}

const DUE_OR_SETTLED = ['resolved', 'closed', 'cancelled'] as const;

/**
 * Open ticket commitments with something to do: a warning due, the date passed, or the ticket
 * resolved. With the case's status, resolution time and the person working it.
 */
export function ticketCommitmentsToCheck(db: Kysely<DB>, now: string, limit: number) {
  return db
    .selectFrom('commitments')
    .innerJoin('tickets', 'tickets.id', 'commitments.ticket_id')
    .selectAll('commitments')
    .select([
      'tickets.status as case_status',
      'tickets.resolved_at as case_resolved_at',
      'tickets.assignee_id as case_worker_id',
    ])
    .where('commitments.state', '=', 'open')
    .where((eb) =>
      eb.or([
        eb('commitments.promised_at', '<=', now),
        eb.and([eb('commitments.warned_at', 'is', null), eb('commitments.warn_at', '<=', now)]),
        eb('tickets.status', 'in', [...DUE_OR_SETTLED]),
      ]),
    )
    .orderBy('commitments.id')
    .limit(limit)
    .execute();
}

/** The same for problem commitments; the problem's owner is the person working it. */
export function problemCommitmentsToCheck(db: Kysely<DB>, now: string, limit: number) {
  return db
    .selectFrom('commitments')
    .innerJoin('problems', 'problems.id', 'commitments.problem_id')
    .selectAll('commitments')
    .select([
      'problems.status as case_status',
      'problems.resolved_at as case_resolved_at',
      'problems.owner_id as case_worker_id',
    ])
    .where('commitments.state', '=', 'open')
    .where((eb) =>
      eb.or([
        eb('commitments.promised_at', '<=', now),
        eb.and([eb('commitments.warned_at', 'is', null), eb('commitments.warn_at', '<=', now)]),
        eb('problems.status', 'in', [...DUE_OR_SETTLED]),
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
