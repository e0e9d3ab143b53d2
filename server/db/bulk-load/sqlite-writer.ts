import SqliteDatabase from 'better-sqlite3';
import { type Batch, KEPT_DURING_LOAD, SEARCH_WIDTH, TABLES, type TableName, type TableSpec } from './tables.js';

// Multi-row statements of this many rows at most, within SQLite's 32,766 bound parameters.
const MAX_ROWS_PER_STATEMENT = 200;
const MAX_PARAMETERS = 30_000;

const TICKET_SEARCH: TableSpec = {
  name: 'ticket_search',
  columns: [
    ['rowid', 'int'],
    ['public_text', 'text'],
    ['internal_text', 'text'],
  ],
};
const PROCEDURE_SEARCH: TableSpec = {
  name: 'procedure_search',
  columns: [
    ['rowid', 'int'],
    ['title', 'text'],
    ['body', 'text'],
  ],
};

/**
 * SQLite: the generator's own connection to the file, with prepared multi-row INSERTs reused for
 * every batch, one transaction per batch. Durability is relaxed on this connection only (a crash
 * mid-run loses the run, not the file's consistency); the application's connections keep theirs,
 * and closing this one ends the relaxation.
 */
export class SqliteBatchWriter {
  private readonly db: SqliteDatabase.Database;
  private readonly statements = new Map<string, SqliteDatabase.Statement>();

  /** The tickets' secondary indexes, dropped while loading and made again at the end. */
  private deferred: { name: string; sql: string }[] = [];

  constructor(file: string, deferIndexes: boolean) {
    this.db = new SqliteDatabase(file);
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('synchronous = OFF');
    // Rows are consistent by construction; the generator's test checks it with foreign_key_check.
    this.db.pragma('foreign_keys = OFF');
    // A large page cache keeps the hot parts of the indexes in memory (128 MiB).
    this.db.pragma('cache_size = -131072');
    this.db.pragma('temp_store = MEMORY');
    if (deferIndexes) {
      // Fifteen indexes make a ticket row the dearest to insert; building most of them once from
      // sorted rows at the end costs a fraction of keeping them up to date row by row. The unique
      // ones stay, so a duplicate still fails at once. Their definitions come from the schema
      // itself, so they are made again exactly as the migrations made them.
      const indexes = this.db
        .prepare(
          `select name, sql from sqlite_master where type = 'index' and tbl_name = 'tickets' and sql is not null and sql not like 'create unique%' collate nocase`,
        )
        .all() as { name: string; sql: string }[];
      this.deferred = indexes.filter((index) => !KEPT_DURING_LOAD.has(index.name));
      for (const index of this.deferred) this.db.exec(`drop index "${index.name}"`);
    }
  }

  /** Makes the deferred indexes again; also after a failed run, so the file keeps its schema. */
  restoreIndexes(): void {
    for (const index of this.deferred) this.db.exec(index.sql);
    this.deferred = [];
  }

  /**
   * Planner statistics for the loaded tables, as `PRAGMA optimize` gathers them: a sample of each
   * index (analysis_limit), a fraction of a second even at a million tickets. Without them SQLite
   * guesses, and picks poor plans for the queues (see docs/performance.md).
   */
  analyze(): void {
    this.db.pragma('analysis_limit = 1000');
    this.db.exec('analyze');
  }

  write(batch: Batch): void {
    this.db.transaction(() => {
      for (const name of Object.keys(TABLES) as TableName[]) this.insert(TABLES[name], batch[name]);
      // FTS5 rows are keyed by the ticket's (procedure's) search key; the id column is PostgreSQL's.
      this.insert(TICKET_SEARCH, withoutFirstColumn(batch.ticketSearch));
      this.insert(PROCEDURE_SEARCH, withoutFirstColumn(batch.procedureSearch));
    })();
  }

  private insert(spec: TableSpec, values: unknown[]): void {
    const width = spec.columns.length;
    const rows = values.length / width;
    if (rows === 0) return;
    const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / width)));
    const full = rows - (rows % perStatement);
    if (full > 0) {
      const statement = this.statement(spec, perStatement, true);
      const params = this.params(spec.name, perStatement * width);
      for (let r = 0; r < full; r += perStatement) {
        for (let i = 0, v = r * width; i < params.length; i++, v++) params[i] = values[v];
        statement.run(params);
      }
    }
    if (full < rows) this.statement(spec, rows - full, false).run(values.slice(full * width));
  }

  private readonly buffers = new Map<string, unknown[]>();

  /** One parameter array per table, refilled for every statement: no garbage per statement. */
  private params(table: string, length: number): unknown[] {
    const kept = this.buffers.get(table);
    if (kept) return kept;
    const buffer = new Array(length);
    this.buffers.set(table, buffer);
    return buffer;
  }

  private statement(spec: TableSpec, rows: number, keep: boolean): SqliteDatabase.Statement {
    const key = `${spec.name}:${rows}`;
    const kept = this.statements.get(key);
    if (kept) return kept;
    const columns = spec.columns.map(([name]) => `"${name}"`).join(', ');
    const row = `(${spec.columns.map(() => '?').join(', ')})`;
    const statement = this.db.prepare(
      `insert into "${spec.name}" (${columns}) values ${new Array(rows).fill(row).join(', ')}`,
    );
    // Remainders differ from batch to batch; only the full-size statements are worth keeping.
    if (keep) this.statements.set(key, statement);
    return statement;
  }

  close(): void {
    this.db.close();
  }
}

function withoutFirstColumn(values: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < values.length; i += SEARCH_WIDTH) out.push(values[i + 1], values[i + 2], values[i + 3]);
  return out;
}
