import type { Kysely } from 'kysely';
import type { DB, ProblemCandidateTable } from '../../db/schema.js';

/** Incidents created since `since` that no problem is behind yet: what the candidates job clusters. */
export function unlinkedIncidentsSince(db: Kysely<DB>, since: string) {
  return db
    .selectFrom('tickets')
    .leftJoin('problem_incidents', 'problem_incidents.ticket_id', 'tickets.id')
    .select([
      'tickets.id',
      'tickets.organization_id',
      'tickets.service_id',
      'tickets.category_id',
      'tickets.created_at',
      'tickets.subject',
      'tickets.description_html',
    ])
    .where('tickets.type', '=', 'incident')
    .where('tickets.created_at', '>', since)
    .where('problem_incidents.ticket_id', 'is', null)
    .execute();
}

export function candidatesWithStatus(db: Kysely<DB>, status: ProblemCandidateTable['status']) {
  return db
    .selectFrom('problem_candidates')
    .innerJoin('organizations', 'organizations.id', 'problem_candidates.organization_id')
    .leftJoin('services', 'services.id', 'problem_candidates.service_id')
    .leftJoin('categories', 'categories.id', 'problem_candidates.category_id')
    .selectAll('problem_candidates')
    .select([
      'organizations.name as organization_name',
      'services.name as service_name',
      'categories.name as category_name',
    ])
    .where('problem_candidates.status', '=', status)
    .orderBy('problem_candidates.updated_at', 'desc')
    .orderBy('problem_candidates.id', 'desc')
    .execute();
}

export function findCandidate(db: Kysely<DB>, id: string) {
  return db.selectFrom('problem_candidates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCandidate(db: Kysely<DB>, row: ProblemCandidateTable): Promise<void> {
  await db.insertInto('problem_candidates').values(row).execute();
}

export async function updatePendingCandidate(
  db: Kysely<DB>,
  id: string,
  changes: Pick<ProblemCandidateTable, 'incident_ids' | 'first_at' | 'last_at' | 'shared_terms' | 'updated_at'>,
): Promise<void> {
  await db
    .updateTable('problem_candidates')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Decides a pending candidate; false when it was no longer pending (decided by someone else). */
export async function decideCandidate(
  db: Kysely<DB>,
  id: string,
  decision: Pick<ProblemCandidateTable, 'status' | 'problem_id' | 'decided_by_id' | 'decided_at' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('problem_candidates')
    .set(decision)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A pending candidate no longer found (its incidents linked or aged out) is withdrawn. */
export async function deleteCandidate(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('problem_candidates').where('id', '=', id).where('status', '=', 'pending').execute();
}

/** Forgets dismissals decided before `before`; answers how many. */
export async function deleteDismissedDecidedBefore(db: Kysely<DB>, before: string): Promise<number> {
  const result = await db
    .deleteFrom('problem_candidates')
    .where('status', '=', 'dismissed')
    .where('decided_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function ticketsByIds(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tickets')
    .select(['id', 'number', 'subject', 'created_at'])
    .where('id', 'in', [...ids])
    .execute();
}
