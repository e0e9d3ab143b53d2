import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { isPostgres } from './dialect.js';
import type { DB } from './schema.js';
import { foldText, fts5Query, type MatchMode, tsQuery } from './search-terms.js';

/**
 * Full-text search over problems (the known-error base, and the problem list's `q`): FTS5 with
 * bm25 on SQLite, a tsvector with ts_rank on PostgreSQL, over words folded by `search-terms.ts`
 * so accents never matter. The subject weighs most; the body holds the description, the analysis
 * and both wordings of the workaround (the index is read by the desk only).
 */

export async function writeProblemSearch(
  db: Kysely<DB>,
  entry: { problemId: string; sequence: number; title: string; body: string },
): Promise<void> {
  if (isPostgres(db)) {
    await sql`
      insert into problem_search (problem_id, vector)
      values (${entry.problemId}, setweight(to_tsvector('simple', ${foldText(entry.title)}), 'A') || to_tsvector('simple', ${foldText(entry.body)}))
      on conflict (problem_id) do update set vector = excluded.vector
    `.execute(db);
    return;
  }
  await sql`delete from problem_search where rowid = ${entry.sequence}`.execute(db);
  await sql`insert into problem_search (rowid, title, body) values (${entry.sequence}, ${entry.title}, ${entry.body})`.execute(
    db,
  );
}

/** Problem ids matching the terms among problems in these statuses, best first; higher scores are better. */
export async function searchProblems(
  db: Kysely<DB>,
  terms: string[],
  mode: MatchMode,
  statuses: readonly string[],
  limit: number,
): Promise<{ problemId: string; score: number }[]> {
  if (terms.length === 0 || statuses.length === 0) return [];
  const inStatuses = sql.join(statuses.map((status) => sql`${status}`));
  if (isPostgres(db)) {
    const query = tsQuery(terms, mode);
    const { rows } = await sql<{ problem_id: string; score: number }>`
      select s.problem_id, ts_rank(s.vector, to_tsquery('simple', ${query})) as score
      from problem_search s join problems p on p.id = s.problem_id
      where s.vector @@ to_tsquery('simple', ${query}) and p.status in (${inStatuses})
      order by score desc, p.id limit ${limit}
    `.execute(db);
    return rows.map((r) => ({ problemId: r.problem_id, score: Number(r.score) }));
  }
  // bm25 is lower-is-better and negative; the subject counts ten times the body.
  const { rows } = await sql<{ id: string; score: number }>`
    select p.id, -bm25(problem_search, 10.0, 1.0) as score
    from problem_search join problems p on p.sequence = problem_search.rowid
    where problem_search match ${fts5Query(terms, mode)} and p.status in (${inStatuses})
    order by score desc, p.id limit ${limit}
  `.execute(db);
  return rows.map((r) => ({ problemId: r.id, score: r.score }));
}

/** A condition on `problems` that holds when every term appears (the last as a prefix), for the list's `q`. */
export function problemSearchCondition(db: Kysely<DB>, terms: string[]): Expression<SqlBool> {
  if (isPostgres(db)) {
    return sql<SqlBool>`problems.id in (select s.problem_id from problem_search s where s.vector @@ to_tsquery('simple', ${tsQuery(terms, 'all')}))`;
  }
  return sql<SqlBool>`problems.sequence in (select rowid from problem_search where problem_search match ${fts5Query(terms, 'all')})`;
}
