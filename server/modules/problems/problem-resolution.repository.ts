import type { Kysely } from 'kysely';
import type { DB, ProblemIncidentResolutionItemTable, ProblemIncidentResolutionTable } from '../../db/schema.js';

type ItemState = ProblemIncidentResolutionItemTable['state'];

/** The problem's incidents still open: what a resolution run works through. */
export function openIncidentsOf(db: Kysely<DB>, problemId: string) {
  return db
    .selectFrom('problem_incidents')
    .innerJoin('tickets', 'tickets.id', 'problem_incidents.ticket_id')
    .select('tickets.id')
    .where('problem_incidents.problem_id', '=', problemId)
    .where('tickets.status', 'not in', ['resolved', 'closed', 'cancelled'])
    .orderBy('tickets.created_at')
    .orderBy('tickets.id')
    .execute();
}

export function latestResolution(db: Kysely<DB>, problemId: string) {
  return db
    .selectFrom('problem_incident_resolutions')
    .selectAll()
    .where('problem_id', '=', problemId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export function runningResolutions(db: Kysely<DB>) {
  return db
    .selectFrom('problem_incident_resolutions')
    .selectAll()
    .where('status', '=', 'running')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertResolution(
  db: Kysely<DB>,
  row: ProblemIncidentResolutionTable,
  ticketIds: readonly string[],
): Promise<void> {
  await db.insertInto('problem_incident_resolutions').values(row).execute();
  if (ticketIds.length === 0) return;
  await db
    .insertInto('problem_incident_resolution_items')
    .values(
      ticketIds.map((ticket_id) => ({
        resolution_id: row.id,
        ticket_id,
        state: 'pending' as const,
        updated_at: row.created_at,
      })),
    )
    .execute();
}

/** The run's unfinished incidents with their ticket and requester's language, up to `limit`. */
export function unfinishedItems(db: Kysely<DB>, resolutionId: string, limit: number) {
  return db
    .selectFrom('problem_incident_resolution_items as item')
    .innerJoin('tickets', 'tickets.id', 'item.ticket_id')
    .innerJoin('users', 'users.id', 'tickets.requester_id')
    .select(['item.ticket_id', 'item.state', 'tickets.status', 'tickets.version', 'users.locale'])
    .where('item.resolution_id', '=', resolutionId)
    .where('item.state', 'in', ['pending', 'messaged'])
    .orderBy('item.ticket_id')
    .limit(limit)
    .execute();
}

/**
 * Moves one incident's progress on, only from the state the caller saw: false when another runner
 * moved it first (then the caller's transaction rolls back and nothing is done twice).
 */
export async function advanceItem(
  db: Kysely<DB>,
  resolutionId: string,
  ticketId: string,
  from: ItemState,
  to: ItemState,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('problem_incident_resolution_items')
    .set({ state: to, updated_at: at })
    .where('resolution_id', '=', resolutionId)
    .where('ticket_id', '=', ticketId)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Counts from the items themselves, so a restarted run's counts stay true. */
export function itemCounts(db: Kysely<DB>, resolutionId: string) {
  return db
    .selectFrom('problem_incident_resolution_items')
    .select(['state', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('resolution_id', '=', resolutionId)
    .groupBy('state')
    .execute();
}

export async function updateResolution(
  db: Kysely<DB>,
  id: string,
  changes: Partial<
    Pick<ProblemIncidentResolutionTable, 'status' | 'resolved' | 'skipped' | 'updated_at' | 'finished_at'>
  >,
): Promise<void> {
  await db.updateTable('problem_incident_resolutions').set(changes).where('id', '=', id).execute();
}
