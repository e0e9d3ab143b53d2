import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect.js';
import type { DB } from './schema.js';
import { foldText, fts5Query, type MatchMode, tsQuery } from './search-terms.js';

/** Full-text search over procedures, ranked: FTS5's bm25 on SQLite, ts_rank on PostgreSQL. */

export async function writeProcedureSearch(
  db: Kysely<DB>,
  entry: { procedureId: string; searchKey: number; title: string; body: string },
): Promise<void> {
  if (isPostgres(db)) {
    await sql`
      insert into procedure_search (procedure_id, vector)
      values (${entry.procedureId}, setweight(to_tsvector('simple', ${foldText(entry.title)}), 'A') || to_tsvector('simple', ${foldText(entry.body)}))
      on conflict (procedure_id) do update set vector = excluded.vector
    `.execute(db);
    return;
  }
  await sql`delete from procedure_search where rowid = ${entry.searchKey}`.execute(db);
  await sql`insert into procedure_search (rowid, title, body) values (${entry.searchKey}, ${entry.title}, ${entry.body})`.execute(
    db,
  );
}

/** Procedure ids matching the terms, best first, with a relevance score where higher is better. */
export async function searchProcedures(
  db: Kysely<DB>,
  terms: string[],
  mode: MatchMode,
  limit: number,
): Promise<{ procedureId: string; score: number }[]> {
  if (terms.length === 0) return [];
  if (isPostgres(db)) {
    const query = tsQuery(terms, mode);
    const { rows } = await sql<{ procedure_id: string; score: number }>`
      select procedure_id, ts_rank(vector, to_tsquery('simple', ${query})) as score
      from procedure_search where vector @@ to_tsquery('simple', ${query})
      order by score desc limit ${limit}
    `.execute(db);
    return rows.map((r) => ({ procedureId: r.procedure_id, score: Number(r.score) }));
  }
  // bm25 is lower-is-better and negative; the title counts ten times the body.
  const { rows } = await sql<{ id: string; score: number }>`
    select p.id, -bm25(procedure_search, 10.0, 1.0) as score
    from procedure_search join procedures p on p.search_key = procedure_search.rowid
    where procedure_search match ${fts5Query(terms, mode)}
    order by score desc limit ${limit}
  `.execute(db);
  return rows.map((r) => ({ procedureId: r.id, score: r.score }));
}
