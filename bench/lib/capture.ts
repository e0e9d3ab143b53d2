import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { POSTGRES_SESSION_OPTIONS } from '../../server/db/connect.js';

/**
 * The SQL a request really ran, caught at the driver (better-sqlite3's statements, pg's Client.query)
 * so the server's own connection code is used unchanged, and played again on the same driver
 * without Mesa: the "SQL only" figure next to each Mesa figure.
 */
export interface Statement {
  sql: string;
  parameters: unknown[];
  /** SQLite: the connection it ran on (the server writes on one and reads on another). */
  connection?: unknown;
}

type SqliteHandle = InstanceType<typeof SqliteDatabase>;
type SqliteStatement = ReturnType<SqliteHandle['prepare']>;

let recording: Statement[] | null = null;
let patches: { target: Record<string, unknown>; name: string; original: unknown }[] | null = null;

/**
 * Wraps the drivers' methods only while recording: a wrapper left in place cost 4 % of the
 * server's time under load, which the benches would then have counted as Mesa's.
 */
function patchDrivers(): void {
  patches = [];
  // The server keeps its statements prepared, so each run is caught at the statement.
  const probe = new SqliteDatabase(':memory:');
  const statementProto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
  probe.close();
  for (const method of ['all', 'run', 'get', 'iterate']) {
    const original = statementProto[method] as (this: SqliteStatement, ...args: unknown[]) => unknown;
    patches.push({ target: statementProto, name: method, original });
    statementProto[method] = function patched(this: SqliteStatement, ...args: unknown[]) {
      recording?.push({
        sql: this.source,
        parameters: Array.isArray(args[0]) ? [...args[0]] : args,
        connection: this.database,
      });
      return original.apply(this, args);
    };
  }
  const clientProto = pg.Client.prototype as unknown as Record<string, unknown>;
  const query = clientProto.query as (...args: unknown[]) => unknown;
  patches.push({ target: clientProto, name: 'query', original: query });
  clientProto.query = function patchedQuery(this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string')
      recording?.push({ sql: first, parameters: Array.isArray(second) ? [...second] : [] });
    return query.apply(this, args);
  };
}

function unpatchDrivers(): void {
  for (const { target, name, original } of patches ?? []) target[name] = original;
  patches = null;
}

/** Runs `work` and answers the statements it sent to the database, in order. */
export async function capture<T>(work: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
  if (recording) throw new Error('capture() does not nest');
  const statements: Statement[] = [];
  recording = statements;
  patchDrivers();
  try {
    return { result: await work(), statements };
  } finally {
    unpatchDrivers();
    recording = null;
  }
}

/** Plays statements on the same driver the server uses, with nothing of Mesa in between. */
export interface Replayer {
  /** Runs the statements in order and answers the rows of the last one. */
  run(statements: readonly Statement[]): Promise<unknown[]>;
  close(): Promise<void>;
}

/**
 * SQLite: the server's own connections, each statement on the one it ran on (so the same page
 * cache), prepared once and kept, as a hand-written program would. PostgreSQL: one client of its
 * own, same driver.
 */
export async function openReplayer(engine: 'sqlite' | 'postgres', url?: string): Promise<Replayer> {
  if (engine === 'sqlite') {
    const prepared = new Map<SqliteHandle, Map<string, SqliteStatement>>();
    const prepare = (handle: SqliteHandle, sql: string) => {
      let statements = prepared.get(handle);
      if (!statements) {
        statements = new Map();
        prepared.set(handle, statements);
      }
      let statement = statements.get(sql);
      if (!statement) {
        statement = handle.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    };
    return {
      run: async (statements) => {
        let rows: unknown[] = [];
        for (const { sql, parameters, connection } of statements) {
          // On the connection the server used for it.
          if (!connection) throw new Error('A SQLite statement to replay must come from capture()');
          const statement = prepare(connection as SqliteHandle, sql);
          if (statement.reader) rows = statement.all(parameters);
          else {
            statement.run(parameters);
            rows = [];
          }
        }
        return rows;
      },
      close: async () => {},
    };
  }
  // The session the server's own connections have.
  const client = new pg.Client({ connectionString: url, options: POSTGRES_SESSION_OPTIONS });
  await client.connect();
  return {
    run: async (statements) => {
      let rows: unknown[] = [];
      for (const { sql, parameters } of statements) rows = (await client.query(sql, parameters)).rows;
      return rows;
    },
    close: () => client.end(),
  };
}
