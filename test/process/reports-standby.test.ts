import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { systemClock } from '../../server/platform/clock.js';
import { systemContext } from '../../server/platform/request-context.js';
import { buildServices, type Services } from '../../server/services.js';

/**
 * Reports read from a real streaming-replication standby: a PostgreSQL primary and a standby of
 * it, both throwaway clusters this test starts (test/support/start-pg-standby.sh), under Mesa
 * with DATABASE_URL on the primary and DATABASE_REPLICA_URL on the standby.
 */

const SCRIPT = 'test/support/start-pg-standby.sh';
const REQUIRE_PG = process.env.MESA_TEST_REQUIRE_PG === '1';
const SERVER_PROGRAMS = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0;

if (!SERVER_PROGRAMS && !REQUIRE_PG)
  console.log('Standby test skipped: it starts PostgreSQL clusters of its own (apt-get install -y postgresql).');

const month = systemClock.now().toISOString().slice(0, 7);

/** Replication is asynchronous: what the primary committed is on the standby within moments. */
async function eventually(check: () => Promise<boolean>) {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
  expect(await check()).toBe(true);
}

describe.runIf(SERVER_PROGRAMS || REQUIRE_PG)('reports on a streaming-replication standby', () => {
  let dir: string;
  let database: Database;
  let services: Services;
  // The standby's own controls (pausing replay) need a session that is not read-only.
  let standby: Database;
  const standbySql = (query: string) => sql.raw(query).execute(standby.db);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mesa-standby-'));
    const [primaryUrl, standbyUrl] = execFileSync('bash', [SCRIPT, dir], { encoding: 'utf8' }).trim().split(' ') as [
      string,
      string,
    ];
    database = connectDatabase({ engine: 'postgres', url: primaryUrl, poolSize: 3, replicaUrl: standbyUrl });
    await migrateToLatest(database);
    services = buildServices(database, systemClock, { sessionTtlHours: 12, dataDir: dir });
    standby = connectDatabase({ engine: 'postgres', url: standbyUrl, poolSize: 1 });
    // The migrations reach the standby a moment after the primary has them.
    await eventually(async () => {
      const { rows } = await sql<{ table: string | null }>`select to_regclass('config_generation') as table`.execute(
        standby.db,
      );
      return rows[0]?.table != null;
    });
  }, 60_000);

  afterAll(async () => {
    await standby?.close();
    await database?.close();
    execFileSync('bash', [SCRIPT, '--stop', dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** An organization with an agreement, which the month's compliance lists. */
  async function clientWithAgreement(name: string) {
    const organization = await services.organizations.create(systemContext, { name, code: name.slice(0, 8) });
    const calendar = await services.agreements.createCalendar(systemContext, {
      name: `${name} 24x7`,
      timeZone: 'UTC',
      weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
    });
    await services.agreements.createAgreement(systemContext, {
      organizationId: organization.id,
      name: `${name} agreement`,
      calendarId: calendar.id,
      targets: [{ priority: 3, firstResponseMinutes: 30, resolutionMinutes: 240 }],
    });
    return organization;
  }

  const listed = async () => (await services.supervision.compliance({ month })).items.map((i) => i.organization.name);

  it('reads the month’s compliance on the standby, as the standby has replayed it', async () => {
    const inRecovery = await database.report(
      async (db) => (await sql<{ standby: boolean }>`select pg_is_in_recovery() as standby`.execute(db)).rows[0],
    );
    expect(inRecovery?.standby).toBe(true);

    await clientWithAgreement('Austral');
    await eventually(async () => (await listed()).includes('Austral'));

    // With replay paused, what the primary commits is not on the standby yet: the report does not
    // show it, though the primary has it.
    await standbySql('select pg_wal_replay_pause()');
    try {
      await clientWithAgreement('Boreal');
      const onPrimary = await database.db.selectFrom('organizations').select('name').execute();
      expect(onPrimary.map((o) => o.name)).toContain('Boreal');
      expect(await listed()).toEqual(['Austral']);
    } finally {
      await standbySql('select pg_wal_replay_resume()');
    }
    await eventually(async () => (await listed()).includes('Boreal'));
  });

  it('is refused a write by the standby, and does not take it to the primary', async () => {
    // A write the primary would take.
    await expect(
      database.report((db) => sql`update config_generation set stamp = 'written by a report'`.execute(db)),
    ).rejects.toThrow(/read-only transaction/);
    const { stamp } = await database.db.selectFrom('config_generation').select('stamp').executeTakeFirstOrThrow();
    expect(stamp).not.toBe('written by a report');
  });
});
