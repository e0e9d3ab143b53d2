import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { isPostgres } from './dialect.js';
import type { DB } from './schema.js';
import { foldText, fts5Query, tsQuery } from './search-terms.js';
import { AT_COMMIT } from './sqlite-group-commit.js';

/**
 * Full-text search over tickets, one implementation per engine: SQLite FTS5 (diacritics folded
 * by its tokenizer) and PostgreSQL tsvectors with the 'simple' configuration over text we fold
 * ourselves, so both treat "configuración" and "configuracion" as one word, in Spanish or English.
 * Text a requester may read and text only staff may read are indexed apart.
 */

/**
 * A word written into an open ticket's public text, and taken out when it is resolved, closed or
 * cancelled, so a search limited to open tickets (the open queue, "mine", a status) asks the index
 * for it too: the index then answers from the open tickets (about 1 % at a million) instead of
 * listing every match, open or not (a quarter of all tickets for a common word), for the list to
 * discard 99 % of them. No language has it; typing it finds only open tickets one may see anyway.
 */
export const OPEN_TICKET_WORD = 'zzmesaopenzz';

export interface TicketSearchText {
  ticketId: string;
  searchKey: number;
  publicText: string;
  internalText: string;
  /** The ticket is open: its public text is indexed with OPEN_TICKET_WORD. */
  open: boolean;
  /** The ticket has no search row yet (it is being created). */
  isNew?: boolean;
}

/** The public text the index holds for a ticket: its own, and while it is open, OPEN_TICKET_WORD. */
export function indexedPublicText(publicText: string, open: boolean): string {
  return open ? `${publicText}\n${OPEN_TICKET_WORD}` : publicText;
}

export async function writeTicketSearch(db: Kysely<DB>, text: TicketSearchText): Promise<void> {
  const publicText = indexedPublicText(text.publicText, text.open);
  if (isPostgres(db)) {
    await sql`
      insert into ticket_search (ticket_id, public_vector, internal_vector)
      values (${text.ticketId}, to_tsvector('simple', ${foldText(publicText)}), to_tsvector('simple', ${foldText(text.internalText)}))
      on conflict (ticket_id) do update set public_vector = excluded.public_vector, internal_vector = excluded.internal_vector
    `.execute(db);
    return;
  }
  // At the commit of the transactions written together: one new segment of the index for all of
  // them, not one each (sqlite-group-commit.ts).
  const atCommit = sql.raw(AT_COMMIT);
  if (!text.isNew) await sql`${atCommit}delete from ticket_search where rowid = ${text.searchKey}`.execute(db);
  await sql`${atCommit}insert into ticket_search (rowid, public_text, internal_text) values (${text.searchKey}, ${publicText}, ${text.internalText})`.execute(
    db,
  );
}

/**
 * Above this many matches a search is "common": its newest matches are best found by walking
 * the list's own order and testing each ticket against the matches; below it, by fetching every
 * match and sorting them. Each way is cheap where the other is slow (at a million tickets:
 * 250,000 matches sorted take 650 ms and walked 50 ms; a word in no ticket walks the whole table,
 * 1.8 s, and sorts nothing), and they cost the same at a few thousand matches.
 */
const COMMON_MATCHES = 5000;

/**
 * A condition on `tickets` that holds when every term appears (the last one as a prefix, for
 * search-as-you-type) in what the caller may read: public text only, or internal text too.
 * `openOnly`: the list holds open tickets only, so only they need be matched.
 */
export async function ticketSearchCondition(
  db: Kysely<DB>,
  terms: string[],
  includeInternal: boolean,
  openOnly = false,
): Promise<Expression<SqlBool>> {
  if (isPostgres(db)) {
    const tsquery = tsQuery(terms, 'all') + (openOnly ? ` & ${OPEN_TICKET_WORD}` : '');
    // Written exactly as the index ticket_search_all_idx (migration 0012) is, so it is used.
    const vector = includeInternal ? sql`(s.public_vector || s.internal_vector)` : sql`s.public_vector`;
    return sql<SqlBool>`tickets.id in (select s.ticket_id from ticket_search s where ${vector} @@ to_tsquery('simple', ${tsquery}))`;
  }
  const phrase = fts5Query(terms, 'all') + (openOnly ? ` "${OPEN_TICKET_WORD}"` : '');
  const match = includeInternal ? phrase : `{public_text} : (${phrase})`;
  // SQLite cannot tell how many tickets a match finds, so we count, up to the threshold (well
  // under a millisecond), and for a common search hide the search_key index with a unary plus:
  // the plan then walks the list's order (or another filter's index) and tests each ticket
  // against the matches, which SQLite lists once. Without it SQLite always fetches every match.
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from (select 1 from ticket_search where ticket_search match ${match} limit ${COMMON_MATCHES})
  `.execute(db);
  const key = Number(rows[0]?.n ?? 0) >= COMMON_MATCHES ? sql`+tickets.search_key` : sql`tickets.search_key`;
  return sql<SqlBool>`${key} in (select rowid from ticket_search where ticket_search match ${match})`;
}
