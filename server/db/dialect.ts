import {
  type Expression,
  type Kysely,
  type OrderByModifiers,
  PostgresAdapter,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';

/** Dialect differences live here, each behind a named helper. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Takes a counter a creation needs (a ticket number, a group's turn) in statements of its own
 * before its transaction, where the engine gains by it; undefined where it belongs inside. On
 * PostgreSQL it is taken apart: the row lock then ends with the statement, so concurrent creations
 * do not queue behind each other's transactions (a creation that fails leaves a gap). SQLite
 * writes one transaction at a time anyway, so there `take` is not called and the caller takes the
 * counter inside its transaction.
 */
export async function takenApart<D, T>(
  db: Kysely<D>,
  take: (db: Kysely<D>) => Promise<T | undefined>,
): Promise<T | undefined> {
  return isPostgres(db) ? take(db) : undefined;
}

/**
 * A claim several instances may race for (a due ticket, a recalculation, the outbox): the rows
 * read stay locked until the transaction ends, and rows another transaction holds are skipped
 * rather than waited for (`FOR UPDATE SKIP LOCKED`). On PostgreSQL that keeps two instances'
 * jobs off the same rows without queueing; SQLite has one writer at a time, and knows neither
 * clause, so there the query runs as it is.
 */
export function lockedOrSkipped<Q extends SelectQueryBuilder<any, any, any>>(db: Kysely<any>, query: Q): Q {
  return isPostgres(db) ? (query.forUpdate().skipLocked() as Q) : query;
}

/**
 * A condition few rows meet, said so to SQLite's planner (`unlikely()`, which it sees through when
 * it proves a partial index's condition). SQLite's statistics come from a sample (`PRAGMA
 * optimize` reads a few thousand entries of an index) and can take a value that 1 % of a million
 * rows hold for one a few hundred hold; the planner would then fetch every such row and sort them
 * (20 ms for the open tickets) rather than walk an index already in the list's order and stop at
 * the page (0.05 ms). PostgreSQL is not misled here, and gets the condition as it is.
 */
export function rarelyTrue(db: Kysely<any>, condition: Expression<SqlBool>): Expression<SqlBool> {
  return isPostgres(db) ? condition : sql<SqlBool>`unlikely(${condition})`;
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

export interface SortKey {
  column: string;
  direction: 'asc' | 'desc';
  /**
   * The column may be null and its nulls sort after every value (`nulls last`, said in the query
   * on both engines: PostgreSQL puts nulls last in ascending order, SQLite first). Only the first
   * key of a sort may say so.
   */
  nullsLast?: boolean;
}

/** The ORDER BY modifiers of a sort key. */
export function orderOf(key: SortKey): OrderByModifiers {
  return key.nullsLast ? (order) => order[key.direction]().nullsLast() : key.direction;
}

/**
 * Keyset pagination: rows that sort after `values` under `keys`. One row-value comparison when
 * every key runs the same way (both engines answer it from an index on those columns); an
 * OR-chain of "equal so far, then beyond" when directions mix. A first key that sorts its nulls
 * last (`nullsLast`) takes a null value in the cursor: the row was among the nulls.
 */
export function keysetAfter(
  keys: readonly SortKey[],
  values: readonly (string | number | null)[],
): Expression<SqlBool> {
  const [head, ...rest] = keys;
  if (head?.nullsLast) {
    // Past a null only more nulls remain (ordered by the other keys); past a value, the values
    // beyond it and then every null. Said as a row-value comparison or'd with `is null`, so each
    // engine can still walk an index on these columns.
    const [value, ...others] = values;
    const column = sql.ref(head.column);
    if (value === null || value === undefined) {
      return rest.length > 0 ? sql<SqlBool>`(${column} is null and ${keysetAfter(rest, others)})` : sql<SqlBool>`1 = 0`;
    }
    return sql<SqlBool>`(${keysetAfter([{ ...head, nullsLast: false }, ...rest], values)} or ${column} is null)`;
  }
  if (keys.some((key) => key.nullsLast)) throw new Error('only the first sort key may sort its nulls last');
  const beyond = (key: SortKey) => (key.direction === 'asc' ? sql.raw('>') : sql.raw('<'));
  const first = keys[0];
  if (first && keys.every((key) => key.direction === first.direction)) {
    const refs = sql.join(keys.map((key) => sql.ref(key.column)));
    return sql<SqlBool>`(${refs}) ${beyond(first)} (${sql.join(values.map((value) => sql`${value}`))})`;
  }
  const branches = keys.map((key, i) => {
    const equalSoFar = keys.slice(0, i).map((k, j) => sql`${sql.ref(k.column)} = ${values[j]}`);
    return sql.join([...equalSoFar, sql`${sql.ref(key.column)} ${beyond(key)} ${values[i]}`], sql` and `);
  });
  return sql<SqlBool>`(${sql.join(
    branches.map((b) => sql`(${b})`),
    sql` or `,
  )})`;
}
