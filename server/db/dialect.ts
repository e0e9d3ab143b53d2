import { type Expression, type Kysely, PostgresAdapter, type SqlBool, sql } from 'kysely';

/** Dialect differences live here, each behind a named helper. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Case-insensitive "contains" on a text column (SQLite's LIKE is already case-insensitive for ASCII). */
export function textContains(db: Kysely<any>, column: string, needle: string): Expression<SqlBool> {
  const pattern = `%${escapeLike(needle.toLowerCase())}%`;
  return isPostgres(db)
    ? sql<SqlBool>`${sql.ref(column)} ilike ${pattern} escape '\\'`
    : sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/**
 * Keyset pagination: rows whose (columns) sort after (values), as one row-value comparison
 * that both engines answer from an index on the same columns.
 */
export function keysetAfter(columns: readonly string[], values: readonly (string | number)[]): Expression<SqlBool> {
  const refs = sql.join(columns.map((column) => sql.ref(column)));
  return sql<SqlBool>`(${refs}) > (${sql.join(values.map((value) => sql`${value}`))})`;
}
