import type { Expression, Kysely, SqlBool } from 'kysely';
import { OPEN_PROBLEM_STATUSES } from '../../../domain/problems/problem-lifecycle.js';
import { keysetAfter, type SortKey } from '../../db/dialect.js';
import type { DB, ProblemEventTable, ProblemIncidentTable, ProblemTable } from '../../db/schema.js';

/** Problems, their incidents and their timeline: one query per function, on the executor handed in. */

export function insertProblem(db: Kysely<DB>, row: ProblemTable) {
  return db.insertInto('problems').values(row).execute();
}

/** Only if the problem is still at `version`; the new row, or nothing when it moved on. */
export function updateProblem(db: Kysely<DB>, id: string, version: number, changes: Partial<ProblemTable>) {
  return db
    .updateTable('problems')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Marks the problem changed by something beside its record (a note, an incident linked): the
 * version stays, so an analysis being edited meanwhile is not refused for it.
 */
export function touchProblem(db: Kysely<DB>, id: string, updatedAt: string) {
  return db.updateTable('problems').set({ updated_at: updatedAt }).where('id', '=', id).execute();
}

/** One more application of the workaround: a count, not a change of the record, so the version stays. */
export async function countWorkaroundApplication(db: Kysely<DB>, id: string): Promise<number> {
  const row = await db
    .updateTable('problems')
    .set((eb) => ({ workaround_applications: eb('workaround_applications', '+', 1) }))
    .where('id', '=', id)
    .returning('workaround_applications')
    .executeTakeFirstOrThrow();
  return row.workaround_applications;
}

/**
 * Holds the problem's row until the transaction ends (a no-op update: a row lock on PostgreSQL, the
 * write lock on SQLite), so two applications of its workaround at once are taken one after the other.
 */
export async function holdProblem(db: Kysely<DB>, id: string): Promise<void> {
  await db
    .updateTable('problems')
    .set((eb) => ({ workaround_applications: eb.ref('workaround_applications') }))
    .where('id', '=', id)
    .execute();
}

/** The problem's `workaround_applied` events: which incident, how (`as`) and the message posted. */
export async function workaroundApplications(
  db: Kysely<DB>,
  problemId: string,
): Promise<{ incident: string; as: string; messageId: string | null }[]> {
  const rows = await db
    .selectFrom('problem_events')
    .select('changes')
    .where('problem_id', '=', problemId)
    .where('kind', '=', 'workaround_applied')
    .execute();
  return rows.map((row) => {
    const changes = JSON.parse(row.changes) as { field: string; to: unknown }[];
    const to = (field: string) => changes.find((c) => c.field === field)?.to;
    return { incident: String(to('incident')), as: String(to('as')), messageId: (to('message') as string) ?? null };
  });
}

/** Problems with the names a page shows and their incident count. */
function named(db: Kysely<DB>) {
  return db
    .selectFrom('problems')
    .leftJoin('support_groups', 'support_groups.id', 'problems.group_id')
    .leftJoin('users as owner', 'owner.id', 'problems.owner_id')
    .innerJoin('users as creator', 'creator.id', 'problems.created_by_id')
    .selectAll('problems')
    .select((eb) => [
      'support_groups.name as group_name',
      'owner.name as owner_name',
      'creator.name as creator_name',
      eb
        .selectFrom('problem_incidents')
        .select(eb.fn.countAll<number | string>().as('n'))
        .whereRef('problem_incidents.problem_id', '=', 'problems.id')
        .as('incident_count'),
    ]);
}

export function findProblem(db: Kysely<DB>, id: string) {
  return named(db).where('problems.id', '=', id).executeTakeFirst();
}

export type NamedProblemRow = NonNullable<Awaited<ReturnType<typeof findProblem>>>;

export interface ProblemListFilter {
  statuses?: readonly string[] | undefined;
  priorities?: readonly number[] | undefined;
  organizationId?: string | undefined;
  groupId?: string | undefined;
  ownerId?: string | undefined;
  number?: string | undefined;
  text?: Expression<SqlBool> | undefined;
  ids?: readonly string[] | undefined;
  after?: (string | number | null)[] | undefined;
  limit: number;
}

/** The list's order: the most recently changed first. */
export const PROBLEM_SORT: SortKey[] = [
  { column: 'problems.updated_at', direction: 'desc' },
  { column: 'problems.id', direction: 'desc' },
];

export function listProblems(db: Kysely<DB>, filter: ProblemListFilter) {
  let query = named(db);
  if (filter.statuses?.length) query = query.where('problems.status', 'in', filter.statuses as never);
  if (filter.priorities?.length) query = query.where('problems.priority', 'in', filter.priorities as never);
  if (filter.groupId) query = query.where('problems.group_id', '=', filter.groupId);
  if (filter.ownerId) query = query.where('problems.owner_id', '=', filter.ownerId);
  if (filter.number) query = query.where('problems.number', '=', filter.number);
  if (filter.ids) query = query.where('problems.id', 'in', filter.ids.length ? [...filter.ids] : ['']);
  const organizationId = filter.organizationId;
  if (organizationId) {
    // Declared affected, or behind an incident of that organization.
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('problem_organizations')
            .select('problem_organizations.problem_id')
            .whereRef('problem_organizations.problem_id', '=', 'problems.id')
            .where('problem_organizations.organization_id', '=', organizationId),
        ),
        eb.exists(
          eb
            .selectFrom('problem_incidents')
            .innerJoin('tickets', 'tickets.id', 'problem_incidents.ticket_id')
            .select('problem_incidents.ticket_id')
            .whereRef('problem_incidents.problem_id', '=', 'problems.id')
            .where('tickets.organization_id', '=', organizationId),
        ),
      ]),
    );
  }
  if (filter.text) {
    const text = filter.text;
    query = query.where(() => text);
  }
  if (filter.after) {
    const after = filter.after;
    query = query.where(() => keysetAfter(PROBLEM_SORT, after));
  }
  return query.orderBy('problems.updated_at', 'desc').orderBy('problems.id', 'desc').limit(filter.limit).execute();
}

export async function setOrganizations(db: Kysely<DB>, problemId: string, organizationIds: readonly string[]) {
  await db.deleteFrom('problem_organizations').where('problem_id', '=', problemId).execute();
  if (organizationIds.length === 0) return;
  await db
    .insertInto('problem_organizations')
    .values(organizationIds.map((organization_id) => ({ problem_id: problemId, organization_id })))
    .execute();
}

export async function setServices(db: Kysely<DB>, problemId: string, serviceIds: readonly string[]) {
  await db.deleteFrom('problem_services').where('problem_id', '=', problemId).execute();
  if (serviceIds.length === 0) return;
  await db
    .insertInto('problem_services')
    .values(serviceIds.map((service_id) => ({ problem_id: problemId, service_id })))
    .execute();
}

export function organizationsOf(db: Kysely<DB>, problemId: string) {
  return db
    .selectFrom('problem_organizations')
    .innerJoin('organizations', 'organizations.id', 'problem_organizations.organization_id')
    .select(['organizations.id', 'organizations.name'])
    .where('problem_organizations.problem_id', '=', problemId)
    .orderBy('organizations.name')
    .execute();
}

export function servicesOf(db: Kysely<DB>, problemId: string) {
  return db
    .selectFrom('problem_services')
    .innerJoin('services', 'services.id', 'problem_services.service_id')
    .select(['services.id', 'services.name', 'services.organization_id'])
    .where('problem_services.problem_id', '=', problemId)
    .orderBy('services.name')
    .execute();
}

/** Which of these problems name this service as affected (the known-error suggestions rank them first). */
export async function problemsAffectingService(db: Kysely<DB>, problemIds: readonly string[], serviceId: string) {
  if (problemIds.length === 0) return [];
  const rows = await db
    .selectFrom('problem_services')
    .select('problem_id')
    .where('service_id', '=', serviceId)
    .where('problem_id', 'in', [...problemIds])
    .execute();
  return rows.map((row) => row.problem_id);
}

export function insertEvent(db: Kysely<DB>, row: ProblemEventTable) {
  return db.insertInto('problem_events').values(row).execute();
}

export function listEvents(db: Kysely<DB>, problemId: string, afterId: string | undefined, limit: number) {
  let query = db
    .selectFrom('problem_events')
    .leftJoin('users as actor', 'actor.id', 'problem_events.actor_id')
    .selectAll('problem_events')
    .select('actor.name as actor_name')
    .where('problem_events.problem_id', '=', problemId);
  if (afterId) query = query.where('problem_events.id', '>', afterId);
  return query.orderBy('problem_events.id').limit(limit).execute();
}

export function findEvent(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('problem_events')
    .leftJoin('users as actor', 'actor.id', 'problem_events.actor_id')
    .selectAll('problem_events')
    .select('actor.name as actor_name')
    .where('problem_events.id', '=', id)
    .executeTakeFirstOrThrow();
}

export function insertIncidents(db: Kysely<DB>, rows: ProblemIncidentTable[]) {
  return db.insertInto('problem_incidents').values(rows).execute();
}

export function deleteIncident(db: Kysely<DB>, problemId: string, ticketId: string) {
  return db
    .deleteFrom('problem_incidents')
    .where('problem_id', '=', problemId)
    .where('ticket_id', '=', ticketId)
    .returningAll()
    .executeTakeFirst();
}

/** The problem each of these tickets is already behind, if any. */
export function linksOfTickets(db: Kysely<DB>, ticketIds: readonly string[]) {
  if (ticketIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('problem_incidents')
    .innerJoin('problems', 'problems.id', 'problem_incidents.problem_id')
    .select(['problem_incidents.ticket_id', 'problems.id as problem_id', 'problems.number'])
    .where('problem_incidents.ticket_id', 'in', [...ticketIds])
    .execute();
}

/** A problem's incidents with what its page shows of each, the latest raised first. */
export function incidentsOf(db: Kysely<DB>, problemId: string) {
  return db
    .selectFrom('problem_incidents')
    .innerJoin('tickets', 'tickets.id', 'problem_incidents.ticket_id')
    .innerJoin('organizations', 'organizations.id', 'tickets.organization_id')
    .leftJoin('services', 'services.id', 'tickets.service_id')
    .select([
      'tickets.id',
      'tickets.number',
      'tickets.subject',
      'tickets.status',
      'tickets.created_at',
      'tickets.organization_id',
      'organizations.name as organization_name',
      'tickets.service_id',
      'services.name as service_name',
      'problem_incidents.linked_at',
    ])
    .where('problem_incidents.problem_id', '=', problemId)
    .orderBy('tickets.created_at', 'desc')
    .orderBy('tickets.id', 'desc')
    .execute();
}

/** The problem a ticket is behind, with what its page may show of it. */
export function problemOfTicket(db: Kysely<DB>, ticketId: string) {
  return db
    .selectFrom('problem_incidents')
    .innerJoin('problems', 'problems.id', 'problem_incidents.problem_id')
    .select([
      'problems.id',
      'problems.number',
      'problems.subject',
      'problems.status',
      'problems.workaround_public_html',
    ])
    .where('problem_incidents.ticket_id', '=', ticketId)
    .executeTakeFirst();
}

/** The events that set the problem's status (its creation and each move), oldest first. */
export function statusEvents(db: Kysely<DB>, problemId: string) {
  return db
    .selectFrom('problem_events')
    .select(['at', 'kind', 'changes'])
    .where('problem_id', '=', problemId)
    .where('kind', 'in', ['created', 'status_changed'])
    .orderBy('id')
    .execute();
}

/** Stores the problem's service level; not a change of the record, so the version stays. */
export function setSla(db: Kysely<DB>, id: string, columns: Partial<ProblemTable>) {
  return db.updateTable('problems').set(columns).where('id', '=', id).execute();
}

/** The open problems affecting any of these organizations. */
export async function openProblemIdsOf(db: Kysely<DB>, organizationIds: readonly string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .selectFrom('problems')
    .innerJoin('problem_organizations', 'problem_organizations.problem_id', 'problems.id')
    .select('problems.id')
    .distinct()
    .where('problem_organizations.organization_id', 'in', organizationIds)
    .where('problems.status', 'in', [...OPEN_PROBLEM_STATUSES])
    .orderBy('problems.id')
    .execute();
  return rows.map((row) => row.id);
}
