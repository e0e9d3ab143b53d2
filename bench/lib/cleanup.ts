import { sql } from 'kysely';
import type { Database } from '../../server/db/connect.js';

const BATCH = 500;

/**
 * Removes the tickets a benchmark raised (a requester's, from `since` on) and what their creation
 * wrote, so the data stays as generated and the next bench measures the same queues.
 */
export async function removeTicketsRaised(database: Database, requesterId: string, since: string): Promise<number> {
  const { db } = database;
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'search_key'])
    .where('requester_id', '=', requesterId)
    .where('created_at', '>=', since)
    .execute();
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const ids = batch.map((row) => row.id);
    await db.transaction().execute(async (trx) => {
      for (const table of ['notifications', 'sla_firings', 'ticket_events', 'ticket_tags', 'ticket_watchers'] as const)
        await trx.deleteFrom(table).where('ticket_id', 'in', ids).execute();
      // ticket_search is engine-specific (FTS5 keyed by search_key, or tsvectors keyed by ticket id).
      if (database.engine === 'postgres')
        await sql`delete from ticket_search where ticket_id in (${sql.join(ids)})`.execute(trx);
      else
        await sql`delete from ticket_search where rowid in (${sql.join(batch.map((row) => row.search_key))})`.execute(
          trx,
        );
      await trx.deleteFrom('tickets').where('id', 'in', ids).execute();
    });
  }
  return rows.length;
}
