import { existsSync, renameSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import type { DatabaseTarget } from './connect.js';

export class BackupError extends Error {}

const PG_EXPLANATION = `Mesa is on PostgreSQL: use PostgreSQL's own tools, which take a consistent online copy.
  backup:  pg_dump --format=custom --file=mesa.dump "$DATABASE_URL"
  restore: pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" mesa.dump
See docs/operations.md for continuous archiving (point-in-time recovery).`;

/** A consistent copy of a live SQLite database, taken with SQLite's online backup API; answers the file copied. */
export async function backupDatabase(target: DatabaseTarget, file: string): Promise<string> {
  if (target.engine === 'postgres') throw new BackupError(PG_EXPLANATION);
  if (!existsSync(target.file)) throw new BackupError(`No database at ${target.file}`);
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose a new file name`);
  const source = new SqliteDatabase(target.file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(file);
  } finally {
    source.close();
  }
  return target.file;
}

/**
 * Replaces the SQLite database with a backup. The current file is kept beside it (renamed with
 * the time), so a restore can itself be undone. Stop Mesa before restoring.
 */
export async function restoreDatabase(target: DatabaseTarget, file: string, now: Date): Promise<string | null> {
  if (target.engine === 'postgres') throw new BackupError(PG_EXPLANATION);
  if (!existsSync(file)) throw new BackupError(`No backup at ${file}`);
  const backup = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = backup.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`${file} is damaged: ${String(integrity)}`);
    const isMesa = backup
      .prepare("select count(*) as n from sqlite_master where type = 'table' and name in ('kysely_migration', 'users')")
      .get() as { n: number };
    if (isMesa.n !== 2) throw new BackupError(`${file} is not a Mesa database`);
    let keptAs: string | null = null;
    if (existsSync(target.file)) {
      keptAs = `${target.file}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      // Fold the write-ahead log into the file first, so the kept copy is complete on its own.
      const current = new SqliteDatabase(target.file);
      current.pragma('wal_checkpoint(TRUNCATE)');
      current.close();
      renameSync(target.file, keptAs);
      for (const suffix of ['-wal', '-shm']) {
        if (existsSync(target.file + suffix)) renameSync(target.file + suffix, keptAs + suffix);
      }
    }
    await backup.backup(target.file);
    return keptAs;
  } finally {
    backup.close();
  }
}
