import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../platform/clock.js';
import { systemContext } from '../platform/request-context.js';
import { buildServices } from '../services.js';
import { BackupError, backupDatabase, restoreDatabase } from './backup.js';
import { connectDatabase, type DatabaseTarget } from './connect.js';
import { migrateToLatest } from './migrate.js';

async function withServices<T>(
  target: DatabaseTarget,
  run: (services: ReturnType<typeof buildServices>) => Promise<T>,
) {
  const database = connectDatabase(target);
  try {
    await migrateToLatest(database);
    return await run(buildServices(database, systemClock, { sessionTtlHours: 12, dataDir: tmpdir() }));
  } finally {
    await database.close();
  }
}

const staff = (email: string) => ({ email, name: email, roles: ['agent' as const] });

describe('backup and restore (SQLite)', () => {
  it('copies a live database and restores it, keeping the replaced file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesa-backup-'));
    const target: DatabaseTarget = { engine: 'sqlite', file: join(dir, 'mesa.sqlite') };
    const backupFile = join(dir, 'backup.sqlite');

    const database = connectDatabase(target);
    await migrateToLatest(database);
    const services = buildServices(database, systemClock, { sessionTtlHours: 12, dataDir: tmpdir() });
    await services.users.create(systemContext, staff('before@test.mesa'));
    // Taken while the database is open and has uncheckpointed WAL content.
    await backupDatabase(target, backupFile);
    await services.users.create(systemContext, staff('after@test.mesa'));
    await database.close();

    await expect(backupDatabase(target, backupFile)).rejects.toThrow(/already exists/);
    const keptAs = await restoreDatabase(target, backupFile, new Date('2026-11-29T12:00:00Z'));
    expect(keptAs).toMatch(/before-restore-2026-11-29T12-00-00-000Z$/);

    await withServices(target, async (restored) => {
      expect(await restored.users.findByEmail('before@test.mesa')).toBeDefined();
      expect(await restored.users.findByEmail('after@test.mesa')).toBeUndefined();
    });
    await withServices({ engine: 'sqlite', file: keptAs as string }, async (kept) => {
      expect(await kept.users.findByEmail('after@test.mesa')).toBeDefined();
    });
  });

  it('refuses a file that is not a Mesa database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesa-backup-'));
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not sqlite at all, just text that is long enough to look like a header');
    const target: DatabaseTarget = { engine: 'sqlite', file: join(dir, 'mesa.sqlite') };
    await expect(restoreDatabase(target, junk, new Date())).rejects.toThrow();
  });

  it('explains pg_dump on PostgreSQL', async () => {
    const target: DatabaseTarget = { engine: 'postgres', url: 'postgres://localhost/x' };
    await expect(backupDatabase(target, 'x')).rejects.toThrow(BackupError);
    await expect(backupDatabase(target, 'x')).rejects.toThrow(/pg_dump/);
  });
});
