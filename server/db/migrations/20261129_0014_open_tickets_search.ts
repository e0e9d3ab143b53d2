import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

// SQLite only: the open tickets get a search index of their own, and their rows in ticket_search
// lose the word migration 0013 gave them. PostgreSQL keeps the word (ticket-search.ts says why).
const WORD = 'zzmesaopenzz';
const OPEN = sql`status in ('new', 'assigned', 'in_progress', 'pending')`;

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`create virtual table ticket_search_open using fts5(public_text, internal_text, tokenize = 'unicode61 remove_diacritics 2')`.execute(
    db,
  );
  // FTS5 tokenizes an updated row again.
  await sql`
    update ticket_search set public_text = replace(public_text, char(10) || ${WORD}, '')
    where rowid in (select search_key from tickets where ${OPEN})
  `.execute(db);
  await sql`
    insert into ticket_search_open (rowid, public_text, internal_text)
    select rowid, public_text, internal_text from ticket_search where rowid in (select search_key from tickets where ${OPEN})
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`
    update ticket_search set public_text = public_text || char(10) || ${WORD}
    where rowid in (select search_key from tickets where ${OPEN})
  `.execute(db);
  await sql`drop table ticket_search_open`.execute(db);
}
