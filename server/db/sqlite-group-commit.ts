import type SqliteDatabase from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  SqliteDialect,
} from 'kysely';

export type Prepare = (sql: string) => SqliteDatabase.Statement;

/** A connection, and how to prepare a statement on it (from a cache of prepared statements). */
export interface SqliteConnection {
  handle: SqliteDatabase.Database;
  prepare: Prepare;
}

const WRITES_REMEMBERED = 1000;

/** At most this many transactions share one commit, so none waits long for its answer. */
export const MAX_GROUP = 32;

/**
 * Marks a statement (its SQL begins with this) that a transaction may leave for its commit: the
 * group runs the ones its transactions kept, in order, after all of their work and just before
 * committing. For writes to FTS5 tables, which nothing reads back in the transaction that makes
 * them: FTS5 writes what it holds to a new segment of its index at every savepoint, so written in
 * each transaction's savepoint a ticket's search entry cost 190–400 µs (two thirds of it the
 * segment), and written together at the commit 66–100 µs. If one fails, the commit fails.
 */
export const AT_COMMIT = '/* at commit */ ';

/**
 * SQLite as Kysely's dialect, on two connections to one file, with the writes made close
 * together sharing one commit ("group commit").
 *
 * SQLite commits one transaction at a time, and each commit writes every page the transaction
 * changed to the write-ahead log: a new ticket changes about forty (its row, the indexes on
 * `tickets`, its event, its search entry, the counters), and writing them is the larger part of
 * what a creation costs the database. Tickets raised together change many of the same pages (the
 * end of each index, one organization's and one group's), so writing them once for all is cheaper.
 *
 * - Writes go to the writer connection, one transaction at a time, each inside a savepoint of
 *   one open transaction; a lone write outside a transaction is such a transaction of its own.
 *   The open transaction commits once the event loop has taken in what was ready to run (on the
 *   next `setImmediate`), or when MAX_GROUP transactions are in it.
 * - A transaction that fails is rolled back to its savepoint; the others are untouched.
 * - A caller hears of its write only once the commit holding it has happened. If that commit
 *   fails, every transaction in it fails with the error, and nothing of them is kept.
 * - Reads outside a transaction go to the reader connection, which sees committed data only
 *   (never work waiting for its commit), and never wait for a write. Reads inside a transaction
 *   see the transaction's own work, on the writer.
 *
 * An in-memory database has no second connection: there, reads outside a transaction commit what
 * is pending first and then run on the writer.
 */
export function groupCommitDialect(
  writer: SqliteConnection,
  reader: SqliteConnection | null,
): SqliteDialect & { writerQueue(): WriterQueue } {
  return new (class extends SqliteDialect {
    private driver: GroupCommitDriver | null = null;
    override createDriver(): Driver {
      this.driver = new GroupCommitDriver(writer, reader);
      return this.driver;
    }
    writerQueue(): WriterQueue {
      return this.driver?.queue() ?? { busy: false, waiting: 0 };
    }
  })({ database: writer.handle });
}

/** Whether a transaction holds the writer, and how many wait for it (metrics). */
export interface WriterQueue {
  busy: boolean;
  waiting: number;
}

/** One use of the driver by Kysely: a transaction, or statements outside one. */
class Lease implements DatabaseConnection {
  inTransaction = false;

  constructor(private readonly driver: GroupCommitDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute<R>(this, query);
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams select queries only');
    yield* this.driver.stream<R>(this, query);
  }
}

/** The open transaction, and the callers waiting for it to commit. */
interface Group {
  size: number;
  /** The AT_COMMIT statements of the transactions done in it. */
  atCommit: CompiledQuery[];
  committed: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

class GroupCommitDriver implements Driver {
  /** Transactions waiting for the writer, first come first served. */
  private readonly waiting: (() => void)[] = [];
  private writerBusy = false;
  private group: Group | null = null;
  private commitScheduled = false;
  /** Statements outside transactions found to write, by SQL text. */
  private readonly writes = new Set<string>();
  /** The AT_COMMIT statements of the transaction holding the writer. */
  private atCommit: CompiledQuery[] = [];

  constructor(
    private readonly writer: SqliteConnection,
    private readonly reader: SqliteConnection | null,
  ) {}

  async init(): Promise<void> {}

  queue(): WriterQueue {
    return { busy: this.writerBusy, waiting: this.waiting.length };
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Lease(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await this.takeWriter();
    try {
      this.enterGroup();
    } catch (error) {
      this.freeWriter();
      throw error;
    }
    (connection as Lease).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const group = this.group as Group;
    this.exec('release mesa_member');
    group.atCommit.push(...this.atCommit);
    this.atCommit = [];
    (connection as Lease).inTransaction = false;
    this.leaveGroup(group);
    return group.committed;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    // Already out of its savepoint: it failed with the commit it was waiting for.
    if (!lease.inTransaction) return;
    lease.inTransaction = false;
    this.atCommit = [];
    try {
      // Some errors (a full disk, an interrupted statement) make SQLite roll back the whole
      // transaction itself: then the work of the others waiting in it is gone too.
      if (!this.writer.handle.inTransaction) this.fail(new Error('SQLite rolled back the shared transaction'));
      else {
        this.exec('rollback to mesa_member');
        this.exec('release mesa_member');
      }
    } finally {
      const group = this.group;
      if (group) this.leaveGroup(group);
      else this.freeWriter();
    }
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    if (!this.writerBusy) this.commitPending();
    this.reader?.handle.close();
    this.writer.handle.close();
  }

  async execute<R>(lease: Lease, query: CompiledQuery): Promise<QueryResult<R>> {
    if (lease.inTransaction) {
      if (!query.sql.startsWith(AT_COMMIT)) return run<R>(this.writer.prepare(query.sql), query);
      this.atCommit.push(query);
      return { rows: [] };
    }
    if (this.reader) {
      const statement = this.readerStatement(query.sql);
      if (statement) return run<R>(statement, query);
    } else if (this.writer.prepare(query.sql).readonly) {
      await this.takeWriter();
      try {
        this.commitPending();
        return run<R>(this.writer.prepare(query.sql), query);
      } finally {
        this.freeWriter();
      }
    }
    // A write on its own is a transaction of its own.
    await this.beginTransaction(lease);
    let result: QueryResult<R>;
    try {
      result = run<R>(this.writer.prepare(query.sql), query);
    } catch (error) {
      await this.rollbackTransaction(lease);
      throw error;
    }
    await this.commitTransaction(lease);
    return result;
  }

  async *stream<R>(lease: Lease, query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (lease.inTransaction || !this.reader) {
      // On the writer, which the rows hold until the last one is read.
      if (!lease.inTransaction) await this.takeWriter();
      try {
        if (!lease.inTransaction) this.commitPending();
        for (const row of this.writer.prepare(query.sql).iterate(query.parameters)) yield { rows: [row as R] };
      } finally {
        if (!lease.inTransaction) this.freeWriter();
      }
      return;
    }
    // A connection iterating rows can still read (not write), so other reads go on meanwhile;
    // the statement cache hands out a fresh statement while this one is busy.
    for (const row of this.reader.prepare(query.sql).iterate(query.parameters)) yield { rows: [row as R] };
  }

  /**
   * The reader's statement for `sql` if it only reads; null for a write (remembered, so a write is
   * prepared on the reader once) or for what the reader cannot prepare: its schema may lag behind
   * a change the writer has just made (it then refuses, say, to create an index the writer has
   * just dropped), and the writer decides.
   */
  private readerStatement(sql: string): SqliteDatabase.Statement | null {
    if (this.writes.has(sql)) return null;
    let statement: SqliteDatabase.Statement;
    try {
      statement = (this.reader as SqliteConnection).prepare(sql);
    } catch {
      return null;
    }
    if (statement.readonly) return statement;
    if (this.writes.size >= WRITES_REMEMBERED) this.writes.clear();
    this.writes.add(sql);
    return null;
  }

  private async takeWriter(): Promise<void> {
    if (this.writerBusy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.writerBusy = true;
  }

  private freeWriter(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.writerBusy = false;
  }

  private enterGroup(): void {
    if (this.group && !this.writer.handle.inTransaction)
      this.fail(new Error('SQLite rolled back the shared transaction'));
    if (!this.group) {
      this.exec('begin');
      let resolve = () => {};
      let reject: (error: unknown) => void = () => {};
      const committed = new Promise<void>((yes, no) => {
        resolve = yes;
        reject = no;
      });
      // Callers that are told through their transaction's own failure need not hear it again.
      committed.catch(() => {});
      this.group = { size: 0, atCommit: [], committed, resolve, reject };
    }
    this.group.size++;
    this.exec('savepoint mesa_member');
  }

  /** A transaction is done with the writer: the group commits now if full, else soon. */
  private leaveGroup(group: Group): void {
    if (group.size >= MAX_GROUP) {
      try {
        this.commit();
      } finally {
        this.freeWriter();
      }
      return;
    }
    this.freeWriter();
    if (!this.commitScheduled) {
      this.commitScheduled = true;
      setImmediate(() => {
        this.commitScheduled = false;
        this.commitWhenFree();
      });
    }
  }

  /** Commits the open transaction, once no transaction is in the middle of its work. */
  private commitWhenFree(): void {
    if (!this.group) return;
    if (!this.writerBusy) {
      this.commitPending();
      return;
    }
    // A transaction that waits on something else than the database holds the writer across
    // turns of the event loop: commit after it.
    this.takeWriter().then(() => {
      try {
        this.commitPending();
      } finally {
        this.freeWriter();
      }
    });
  }

  /** Commits the open transaction, if any; a failure is its callers' to hear, and they have. */
  private commitPending(): void {
    if (!this.group) return;
    try {
      this.commit();
    } catch {
      // Told to every transaction in it.
    }
  }

  private commit(): void {
    const group = this.group as Group;
    this.group = null;
    try {
      for (const query of group.atCommit) run(this.writer.prepare(query.sql), query);
      this.exec('commit');
    } catch (error) {
      if (this.writer.handle.inTransaction) this.exec('rollback');
      group.reject(error);
      throw error;
    }
    group.resolve();
  }

  private fail(error: Error): void {
    const group = this.group;
    this.group = null;
    if (this.writer.handle.inTransaction) this.exec('rollback');
    group?.reject(error);
  }

  private exec(sql: string): void {
    this.writer.prepare(sql).run();
  }
}

function run<R>(statement: SqliteDatabase.Statement, query: CompiledQuery): QueryResult<R> {
  if (statement.reader) return { rows: statement.all(query.parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(query.parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}
