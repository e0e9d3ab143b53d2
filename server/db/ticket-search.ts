import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { isPostgres } from './dialect.js';
import type { DB } from './schema.js';
import { foldText, fts5Query, tsQuery } from './search-terms.js';

/**
 * Full-text search over tickets, one implementation per engine: SQLite FTS5 (diacritics folded
 * by its tokenizer) and PostgreSQL tsvectors with the 'simple' configuration over text we fold
 * ourselves, so both treat "configuración" and "configuracion" as one word, in Spanish or English.
 * Text a requester may read and text only staff may read are indexed apart.
 */

export interface TicketSearchText {
  ticketId: string;
  searchKey: number;
  publicText: string;
  internalText: string;
  /** The ticket has no search row yet (it is being created). */
  isNew?: boolean;
}

export async function writeTicketSearch(db: Kysely<DB>, text: TicketSearchText): Promise<void> {
  if (isPostgres(db)) {
    await sql`
      insert into ticket_search (ticket_id, public_vector, internal_vector)
      values (${text.ticketId}, to_tsvector('simple', ${foldText(text.publicText)}), to_tsvector('simple', ${foldText(text.internalText)}))
      on conflict (ticket_id) do update set public_vector = excluded.public_vector, internal_vector = excluded.internal_vector
    `.execute(db);
    return;
  }
  if (!text.isNew) await sql`delete from ticket_search where rowid = ${text.searchKey}`.execute(db);
  await sql`insert into ticket_search (rowid, public_text, internal_text) values (${text.searchKey}, ${text.publicText}, ${text.internalText})`.execute(
    db,
  );
}

/**
 * A condition on `tickets` that holds when every term appears (the last one as a prefix, for
 * search-as-you-type) in what the caller may read: public text only, or internal text too.
 */
export function ticketSearchCondition(db: Kysely<DB>, terms: string[], includeInternal: boolean): Expression<SqlBool> {
  if (isPostgres(db)) {
    const tsquery = tsQuery(terms, 'all');
    const vector = includeInternal ? sql`(s.public_vector || s.internal_vector)` : sql`s.public_vector`;
    return sql<SqlBool>`tickets.id in (select s.ticket_id from ticket_search s where ${vector} @@ to_tsquery('simple', ${tsquery}))`;
  }
  const phrase = fts5Query(terms, 'all');
  const match = includeInternal ? phrase : `{public_text} : (${phrase})`;
  return sql<SqlBool>`tickets.search_key in (select rowid from ticket_search where ticket_search match ${match})`;
}
