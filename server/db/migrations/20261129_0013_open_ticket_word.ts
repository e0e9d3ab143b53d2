import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

// The word the search index holds for each open ticket (OPEN_TICKET_WORD in ticket-search.ts).
const WORD = 'zzmesaopenzz';
const OPEN = sql`status in ('new', 'assigned', 'in_progress', 'pending')`;

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      update ticket_search set public_vector = public_vector || to_tsvector('simple', ${WORD})
      where ticket_id in (select id from tickets where ${OPEN})
    `.execute(db);
    // So the planner knows how few tickets the word marks.
    await sql`analyze ticket_search`.execute(db);
    return;
  }
  // FTS5 tokenizes an updated row again.
  await sql`
    update ticket_search set public_text = public_text || char(10) || ${WORD}
    where rowid in (select search_key from tickets where ${OPEN})
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`update ticket_search set public_vector = ts_delete(public_vector, ${WORD}::text) where public_vector @@ to_tsquery('simple', ${WORD})`.execute(
      db,
    );
    return;
  }
  await sql`
    update ticket_search set public_text = replace(public_text, char(10) || ${WORD}, '')
    where rowid in (select search_key from tickets where ${OPEN})
  `.execute(db);
}
