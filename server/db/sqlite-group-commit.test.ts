import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AT_COMMIT, groupCommitDialect, MAX_GROUP } from './sqlite-group-commit.js';

interface Schema {
  parent: { id: number };
  child: { id: number; parent_id: number };
}

// Group commit is how Mesa's SQLite connection commits; PostgreSQL commits each transaction itself.
describe('SQLite transactions sharing a commit', () => {
  let dir: string;
  let sqlite: SqliteDatabase.Database;
  let reader: SqliteDatabase.Database;
  let db: Kysely<Schema>;
  /** Another connection to the same file: sees only what is committed. */
  let observer: SqliteDatabase.Database;
  let commits: number;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mesa-group-commit-'));
    const file = join(dir, 'test.sqlite');
    sqlite = new SqliteDatabase(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.exec(`create table parent (id integer primary key);
      create table child (id integer primary key, parent_id integer references parent (id) deferrable initially deferred);`);
    commits = 0;
    const prepare = (text: string) => {
      if (text === 'commit') commits++;
      return sqlite.prepare(text);
    };
    reader = new SqliteDatabase(file);
    reader.pragma('query_only = ON');
    const readerConnection = { handle: reader, prepare: (text: string) => reader.prepare(text) };
    db = new Kysely<Schema>({ dialect: groupCommitDialect({ handle: sqlite, prepare }, readerConnection) });
    observer = new SqliteDatabase(file, { readonly: true });
  });

  afterEach(async () => {
    observer.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const committedParents = () =>
    (observer.prepare('select id from parent order by id').all() as { id: number }[]).map((row) => row.id);
  const insertParent = (id: number) =>
    db.transaction().execute(async (trx) => {
      await trx.insertInto('parent').values({ id }).execute();
      // A step that yields, as a service's await between statements does.
      await new Promise((resolve) => setImmediate(resolve));
      return id;
    });

  it('commits transactions that queued behind one another together, and answers each only once committed', async () => {
    const answered: { id: number; committed: number[] }[] = [];
    const ids = Array.from({ length: 10 }, (_, i) => i + 1);
    await Promise.all(
      ids.map((id) => insertParent(id).then(() => answered.push({ id, committed: committedParents() }))),
    );
    expect(committedParents()).toEqual(ids);
    expect(commits).toBeLessThan(ids.length);
    // Whoever heard back could already read its row from another connection.
    for (const { id, committed } of answered) expect(committed).toContain(id);
  });

  it('keeps no more than MAX_GROUP transactions waiting on one commit', async () => {
    const count = MAX_GROUP * 3;
    await Promise.all(Array.from({ length: count }, (_, i) => insertParent(i + 1)));
    expect(committedParents()).toHaveLength(count);
    expect(commits).toBeGreaterThanOrEqual(3);
  });

  it('rolls back only the transaction that failed', async () => {
    const results = await Promise.allSettled([
      insertParent(1),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('parent').values({ id: 2 }).execute();
        throw new Error('the service refused');
      }),
      insertParent(3),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committedParents()).toEqual([1, 3]);
  });

  it('answers a write outside a transaction once committed, sharing the commit of transactions beside it', async () => {
    const [, lone] = await Promise.all([
      insertParent(1),
      db
        .insertInto('parent')
        .values({ id: 2 })
        .execute()
        .then(() => committedParents()),
    ]);
    expect(lone).toEqual([1, 2]);
    expect(commits).toBe(1);
  });

  it('reads outside a transaction only what is committed, without waiting for the writer', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const writing = db.transaction().execute(async (trx) => {
      await trx.insertInto('parent').values({ id: 1 }).execute();
      // Inside, the transaction reads its own row.
      expect(await trx.selectFrom('parent').select('id').execute()).toEqual([{ id: 1 }]);
      await held;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await db.selectFrom('parent').select('id').execute()).toEqual([]);
    release();
    await writing;
    expect(await db.selectFrom('parent').select('id').execute()).toEqual([{ id: 1 }]);
  });

  it('streams rows on the reader while other reads go on', async () => {
    await Promise.all([1, 2, 3].map(insertParent));
    const streamed: number[] = [];
    for await (const row of db.selectFrom('parent').select('id').orderBy('id').stream()) {
      streamed.push(row.id);
      expect(await db.selectFrom('parent').select('id').execute()).toHaveLength(3);
    }
    expect(streamed).toEqual([1, 2, 3]);
  });

  it('fails every transaction of a commit that fails, keeps none of them, and goes on working', async () => {
    // The orphan's missing parent is found only at commit (a deferred foreign key), and that
    // commit is shared: the transaction with it and the one committed with it both fail.
    const results = await Promise.allSettled([
      insertParent(1),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('child').values({ id: 1, parent_id: 99 }).execute();
      }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(committedParents()).toEqual([]);
    expect(observer.prepare('select count(*) as n from child').get()).toEqual({ n: 0 });

    await insertParent(5);
    expect(committedParents()).toEqual([5]);
    expect((await sql<{ n: number }>`select count(*) as n from parent`.execute(db)).rows[0]?.n).toBe(1);
  });

  it('runs what a transaction leaves for the commit after the work of all in it, and drops it if the transaction fails', async () => {
    const atCommit = sql.raw(AT_COMMIT);
    const results = await Promise.allSettled([
      db.transaction().execute(async (trx) => {
        await sql`${atCommit}update parent set id = id + 100 where id = 3`.execute(trx);
        await sql`${atCommit}insert into parent (id) values (10)`.execute(trx);
        // Left for the commit: not there yet, even for the transaction itself.
        expect(await trx.selectFrom('parent').select('id').execute()).toEqual([]);
        await trx.insertInto('parent').values({ id: 1 }).execute();
      }),
      db.transaction().execute(async (trx) => {
        await sql`${atCommit}insert into parent (id) values (20)`.execute(trx);
        throw new Error('the service refused');
      }),
      insertParent(3),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(commits).toBe(1);
    // The update found the row a later transaction of the group inserted.
    expect(committedParents()).toEqual([1, 10, 103]);
  });

  it('fails every transaction of a commit when what one left for it fails', async () => {
    const results = await Promise.allSettled([
      insertParent(1),
      db.transaction().execute(async (trx) => {
        await sql`${sql.raw(AT_COMMIT)}insert into parent (id) values (1)`.execute(trx);
      }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(committedParents()).toEqual([]);
    await insertParent(5);
    expect(committedParents()).toEqual([5]);
  });

  it('without a reader connection (an in-memory database), reads after committing what is pending', async () => {
    const memory = new SqliteDatabase(':memory:');
    const alone = new Kysely<Schema>({
      dialect: groupCommitDialect({ handle: memory, prepare: (text) => memory.prepare(text) }, null),
    });
    try {
      await alone.schema
        .createTable('parent')
        .addColumn('id', 'integer', (column) => column.primaryKey())
        .execute();
      let read: Promise<{ id: number }[]> | null = null;
      const writing = alone.transaction().execute(async (trx) => {
        await trx.insertInto('parent').values({ id: 1 }).execute();
        // Started while the transaction is open: it waits, and then sees the transaction committed.
        read = alone.selectFrom('parent').select('id').execute();
        await new Promise((resolve) => setImmediate(resolve));
        expect(memory.inTransaction).toBe(true);
      });
      await writing;
      expect(await read).toEqual([{ id: 1 }]);
      expect(memory.inTransaction).toBe(false);
    } finally {
      await alone.destroy();
    }
  });
});
