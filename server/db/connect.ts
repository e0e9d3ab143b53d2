import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type ReportReader, readOn, readOnReplica } from './reports.js';
import type { DB } from './schema.js';
import { startCheckpointer, WRITER_AUTO_CHECKPOINT_PAGES } from './sqlite-checkpointer.js';
import { groupCommitDialect } from './sqlite-group-commit.js';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Where the data lives, for messages and backups (a file path, or the URL without password). */
  location: string;
  /** Runs a report's reads: on the PostgreSQL standby DATABASE_REPLICA_URL names, else on `db` (reports.ts). */
  report: ReportReader;
  /** The standby reports read from, without password; null when they read from `db`. */
  replicaLocation: string | null;
  /** Connections in use and callers waiting for one, now (metrics). */
  poolStats(): PoolStats;
  close(): Promise<void>;
}

/**
 * PostgreSQL: the pool's connections, those idle, and queries waiting for one. SQLite: its
 * connections (writer and reader), and transactions waiting for the writer (idle: the writer free).
 */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export type DatabaseTarget =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string; poolSize?: number; replicaUrl?: string | null };

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;
// Both engines hand timestamps to the app as ISO-8601 UTC strings, and counts as numbers.
pg.types.setTypeParser(TIMESTAMPTZ_OID, (value) => new Date(value).toISOString());
pg.types.setTypeParser(INT8_OID, (value) => Number(value));

export function connectDatabase(target: DatabaseTarget): Database {
  if (target.engine === 'sqlite') return connectSqlite(target.file);
  return connectPostgres(target.url, target.poolSize, target.replicaUrl ?? null);
}

function connectSqlite(file: string): Database {
  // An in-memory database has no log to fold back and no second connection to read from.
  const onDisk = file !== ':memory:';
  if (onDisk) mkdirSync(dirname(file), { recursive: true });
  const sqlite = openSqlite(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commit.
  sqlite.pragma('synchronous = NORMAL');
  // The log is folded back into the file by a thread of its own (sqlite-checkpointer.ts).
  const checkpointer = onDisk ? startCheckpointer(file) : null;
  if (checkpointer) sqlite.pragma(`wal_autocheckpoint = ${WRITER_AUTO_CHECKPOINT_PAGES}`);
  // Statistics for the planner on tables they have changed much since (SQLite's advice at open).
  sqlite.pragma('optimize = 0x10002');
  // Reads outside transactions get a connection of their own (sqlite-group-commit.ts), which
  // only reads.
  const reader = onDisk ? openSqlite(file) : null;
  reader?.pragma('query_only = ON');
  const dialect = groupCommitDialect(
    { handle: sqlite, prepare: statementCache(sqlite, () => true) },
    // The reader runs reads only: a write's statement is not worth keeping there.
    reader && { handle: reader, prepare: statementCache(reader, (statement) => statement.readonly) },
  );
  const db = new Kysely<DB>({ dialect });
  const poolStats = (): PoolStats => {
    const writer = dialect.writerQueue();
    return { total: reader ? 2 : 1, idle: (writer.busy ? 0 : 1) + (reader ? 1 : 0), waiting: writer.waiting };
  };
  // ...and again every few hours, as the data grows under a long-running server.
  const optimizing = setInterval(() => sqlite.pragma('optimize'), OPTIMIZE_EVERY_MS).unref();
  const close = async () => {
    clearInterval(optimizing);
    await db.destroy();
    await checkpointer?.stop();
  };
  return { db, engine: 'sqlite', location: file, report: readOn(db), replicaLocation: null, poolStats, close };
}

function openSqlite(file: string): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

const STATEMENT_CACHE_SIZE = 500;
const OPTIMIZE_EVERY_MS = 4 * 3_600_000;

/**
 * Kysely asks better-sqlite3 to prepare every statement it runs, and preparing costs as much as
 * running most of them: keep the last few hundred prepared, by SQL text (least recently used goes).
 * A statement still iterating (a streamed read) is busy, so a second use gets a fresh one.
 */
function statementCache(sqlite: SqliteDatabase.Database, keep: (statement: SqliteDatabase.Statement) => boolean) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return (sql: string) => {
    const cached = cache.get(sql);
    if (cached) {
      if (cached.busy) return sqlite.prepare(sql);
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    const statement = sqlite.prepare(sql);
    if (!keep(statement)) return statement;
    cache.set(sql, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return statement;
  };
}

/**
 * Mesa's queries are short (a page of 50 tickets, one ticket), and PostgreSQL's default cost of
 * starting parallel workers (1000) assumes they start in a few milliseconds. On a small machine
 * they took about 80 ms: searches that ran in 51–78 ms on their own took 160–250 ms with two
 * workers (at 5000, one of them still went parallel). Raised, parallel plans are left to queries
 * big enough to repay them (reports over months of tickets). An `options` parameter in
 * DATABASE_URL replaces this.
 */
export const POSTGRES_SESSION_OPTIONS = '-c parallel_setup_cost=20000';

/** A standby refuses writes anyway; said again, so a standby URL that reaches a primary by mistake still does. */
export const REPLICA_SESSION_OPTIONS = `${POSTGRES_SESSION_OPTIONS} -c default_transaction_read_only=on`;

/**
 * How long a report waits to connect to the standby before reading from the primary instead: a
 * standby whose host drops packets would otherwise hold the report for the whole TCP timeout.
 */
export const REPLICA_CONNECT_TIMEOUT_MS = 3_000;

function connectPostgres(url: string, poolSize = 10, replicaUrl: string | null = null): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: POSTGRES_SESSION_OPTIONS });
  const db = postgresKysely(pool);
  const poolStats = (): PoolStats => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
  const primary = { db, engine: 'postgres' as const, location: redactUrl(url), poolStats };
  if (!replicaUrl) return { ...primary, report: readOn(db), replicaLocation: null, close: () => db.destroy() };
  const replica = postgresKysely(
    new pg.Pool({
      connectionString: replicaUrl,
      max: poolSize,
      options: REPLICA_SESSION_OPTIONS,
      connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS,
    }),
  );
  const replicaLocation = redactUrl(replicaUrl);
  return {
    ...primary,
    report: readOnReplica(replica, db, replicaLocation),
    replicaLocation,
    close: async () => {
      await db.destroy();
      await replica.destroy();
    },
  };
}

function postgresKysely(pool: pg.Pool): Kysely<DB> {
  // An idle connection the server closes (a restart, a failover, an administrator) must not take
  // the process down: the pool drops it and opens a new one on the next query.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`);
  });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

/** Answers when the database does; throws when it does not. */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
