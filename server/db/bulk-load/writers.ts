import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type { Database } from '../connect.js';
import { foldText } from '../search-terms.js';
import { type Batch, KEPT_DURING_LOAD, SEARCH_WIDTH, TABLES, type TableName } from './tables.js';

/** Writes one batch of generated rows in one transaction; resolves once it is committed. */
export interface BatchWriter {
  write(batch: Batch): Promise<void>;
  close(): Promise<void>;
}

/** `bulk`: the database holds few tickets next to those coming, so indexes may be built after. */
export function openWriter(database: Database, bulk: boolean): BatchWriter {
  return database.engine === 'sqlite'
    ? new ThreadedSqliteWriter(database.location, bulk)
    : new PostgresWriter(database, bulk);
}

/**
 * Fresh planner statistics and visibility map on PostgreSQL, as autovacuum would leave them soon
 * after a load this size: without the map an index-only scan visits each row's page to see it is
 * visible, and a database whose autovacuum is off (or has not come round yet) measures slower.
 * (SQLite's writer thread gathers its statistics as it closes.)
 */
export async function settleAfterLoad(database: Database): Promise<void> {
  if (database.engine === 'postgres') await sql`vacuum (analyze)`.execute(database.db);
}

/**
 * SQLite through a writer thread (sqlite-worker.ts): the thread inserts one batch while this one
 * generates the next. The thread loads its TypeScript through tsx, as the CLI and tests do.
 */
class ThreadedSqliteWriter implements BatchWriter {
  private readonly worker: Worker;
  private waiting: { resolve: () => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;
  private readonly exited: Promise<void>;

  constructor(file: string, deferIndexes: boolean) {
    const tsx = tsxRegisterUrl();
    const entry = new URL('./sqlite-worker.ts', import.meta.url).href;
    this.worker = new Worker(
      `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
      // A roomy young generation: each batch dies young instead of being promoted and swept.
      { eval: true, workerData: { file, deferIndexes }, resourceLimits: { maxYoungGenerationSizeMb: 64 } },
    );
    this.worker.on('message', (reply: { ok: boolean; message?: string }) => {
      const waiting = this.waiting;
      this.waiting = null;
      if (reply.ok) waiting?.resolve();
      else waiting?.reject(new Error(`SQLite writer: ${reply.message}`));
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      this.waiting?.reject(error);
      this.waiting = null;
    });
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        this.failure ??= new Error('the SQLite writer thread ended');
        this.waiting?.reject(this.failure);
        this.waiting = null;
        resolve();
      });
    });
  }

  write(batch: Batch | null): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting) return Promise.reject(new Error('one batch at a time'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.postMessage(batch);
    });
  }

  /** Indexes made again, statistics gathered and the connection closed, in the thread; then it ends. */
  async close(): Promise<void> {
    try {
      if (!this.failure) await this.write(null);
    } finally {
      await this.worker.terminate();
      await this.exited;
    }
  }
}

/** tsx's ESM `register` entry (the package's "./esm/api" import export), as a file URL. */
function tsxRegisterUrl(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs';
  return pathToFileURL(join(dirname(manifest), entry)).href;
}

const PG_TYPES = { text: 'text', int: 'int', ts: 'timestamptz' } as const;

/** Column `c` of flat rows `width` wide. */
function column(values: unknown[], width: number, c: number): unknown[] {
  const out = new Array(values.length / width);
  for (let r = 0, i = c; i < values.length; r++, i += width) out[r] = values[i] ?? null;
  return out;
}

/**
 * PostgreSQL: each table's rows in one statement, one array per column expanded by unnest —
 * COPY's effect through the ordinary driver, with no limit on rows per statement. The search
 * vectors are made by the server from text folded here, as writeTicketSearch makes them.
 */
class PostgresWriter implements BatchWriter {
  private deferred: { name: string; definition: string }[] | null = null;

  constructor(
    private readonly database: Database,
    private readonly deferIndexes: boolean,
  ) {}

  /**
   * The tickets' secondary indexes and the search vectors' GIN indexes, dropped for the load and
   * built again at the end from their own definitions: a GIN index built in one pass costs a
   * fraction of one kept up to date row by row.
   */
  private async setIndexesAside(): Promise<void> {
    this.deferred = [];
    if (!this.deferIndexes) return;
    const { rows } = await sql<{ name: string; definition: string }>`
      select indexname as name, indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename in ('tickets', 'ticket_search')
        and indexdef not like 'CREATE UNIQUE INDEX%'
    `.execute(this.database.db);
    this.deferred = rows.filter((index) => !KEPT_DURING_LOAD.has(index.name));
    for (const index of this.deferred) await sql`drop index ${sql.ref(index.name)}`.execute(this.database.db);
  }

  async write(batch: Batch): Promise<void> {
    if (!this.deferred) await this.setIndexesAside();
    await this.database.db.transaction().execute(async (trx) => {
      await sql`set local synchronous_commit = off`.execute(trx);
      for (const name of Object.keys(TABLES) as TableName[]) {
        const values = batch[name];
        if (values.length === 0) continue;
        const spec = TABLES[name];
        const width = spec.columns.length;
        const columns = sql.join(spec.columns.map(([c]) => sql.ref(c)));
        const arrays = spec.columns.map(
          ([, type], c) => sql`${column(values, width, c)}::${sql.raw(PG_TYPES[type])}[]`,
        );
        await sql`insert into ${sql.table(spec.name)} (${columns}) select * from unnest(${sql.join(arrays)})`.execute(
          trx,
        );
      }
      const folded = (values: unknown[], c: number) =>
        column(values, SEARCH_WIDTH, c).map((text) => foldText(String(text)));
      if (batch.ticketSearch.length > 0) {
        await sql`
          insert into ticket_search (ticket_id, public_vector, internal_vector)
          select id, to_tsvector('simple', public_text), to_tsvector('simple', internal_text)
          from unnest(${column(batch.ticketSearch, SEARCH_WIDTH, 0)}::text[], ${folded(batch.ticketSearch, 2)}::text[],
                      ${folded(batch.ticketSearch, 3)}::text[]) as s(id, public_text, internal_text)
        `.execute(trx);
      }
      if (batch.procedureSearch.length > 0) {
        await sql`
          insert into procedure_search (procedure_id, vector)
          select id, setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body)
          from unnest(${column(batch.procedureSearch, SEARCH_WIDTH, 0)}::text[], ${folded(batch.procedureSearch, 2)}::text[],
                      ${folded(batch.procedureSearch, 3)}::text[]) as s(id, title, body)
        `.execute(trx);
      }
    });
  }

  async close(): Promise<void> {
    // The connection belongs to the caller; only the indexes set aside are made again.
    const deferred = this.deferred ?? [];
    this.deferred = [];
    await this.database.db.transaction().execute(async (trx) => {
      await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
      for (const index of deferred) await sql.raw(index.definition).execute(trx);
    });
  }
}
