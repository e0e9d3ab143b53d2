import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './sqlite-checkpointer.js';

// SQLite only: PostgreSQL manages its own write-ahead log.
describe('the SQLite checkpoint thread', () => {
  let dir: string;
  let file: string;
  let writer: SqliteDatabase.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mesa-checkpoint-'));
    file = join(dir, 'test.sqlite');
    writer = new SqliteDatabase(file);
    writer.pragma('journal_mode = WAL');
    // Only the thread folds the log back here.
    writer.pragma('wal_autocheckpoint = 0');
  });

  afterEach(() => {
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The rows the database file holds on its own, without its log. */
  const rowsInFileAlone = () => {
    const copy = join(dir, `copy-${Math.random()}.sqlite`);
    copyFileSync(file, copy);
    const db = new SqliteDatabase(copy, { readonly: true });
    try {
      const table = db.prepare("select 1 from sqlite_master where name = 'note'").get();
      return table ? (db.prepare('select count(*) as n from note').get() as { n: number }).n : 0;
    } finally {
      db.close();
    }
  };

  it('copies what is committed from the log into the file while the writer goes on', async () => {
    writer.exec('create table note (id integer primary key, body text)');
    const insert = writer.prepare('insert into note (body) values (?)');
    writer.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run(`nota ${i}`);
    })();
    expect(rowsInFileAlone()).toBe(0);

    const checkpointer = startCheckpointer(file, 20);
    // The thread starts and checkpoints every 20 ms; a loaded machine may take a while to start it.
    await expect.poll(rowsInFileAlone, { timeout: 10_000, interval: 50 }).toBe(500);

    // An open transaction of the writer is not copied, and does not stop the thread.
    writer.exec('begin');
    insert.run('sin confirmar');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rowsInFileAlone()).toBe(500);
    writer.exec('commit');

    await checkpointer.stop();
    expect(rowsInFileAlone()).toBe(501);
  });

  it('fails alone: a thread that cannot open the file leaves a warning, not a stopped server', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const checkpointer = startCheckpointer(join(dir, 'missing', 'nowhere.sqlite'), 20);
      await checkpointer.stop();
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.some((message) => message.startsWith('The SQLite checkpoint thread stopped'))).toBe(true);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
