import { type AddressInfo, createServer } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestDatabase, describeOnEachDatabase, type TestDatabase } from '../../test/support/databases.js';
import { connectDatabase, type Database } from './connect.js';

/** The database a report read from, and the one a URL names, to compare. */
const databaseName = async (read: Database['report']) =>
  read(async (db) => (await sql<{ name: string }>`select current_database() as name`.execute(db)).rows[0]?.name);
const nameIn = (location: string) => new URL(location).pathname.slice(1);

describeOnEachDatabase(
  'reports on a PostgreSQL standby',
  (primary) => {
    // A database of its own stands in for the standby: what Mesa must do is read reports there
    // and never write to it; keeping it in step with the primary is PostgreSQL's replication.
    let standby: TestDatabase;
    const withStandby = (replicaUrl: string) =>
      connectDatabase({ engine: 'postgres', url: primary().location, poolSize: 2, replicaUrl });

    beforeAll(async () => {
      standby = await createTestDatabase('postgres');
    });
    afterAll(async () => {
      await standby?.destroy();
    });

    it('read reports from the standby and everything else from the primary', async () => {
      const database = withStandby(standby.location);
      try {
        expect(database.replicaLocation).toBe(standby.location);
        expect(await databaseName(database.report)).toBe(nameIn(standby.location));
        expect(await databaseName((reads) => reads(database.db))).toBe(nameIn(primary().location));
      } finally {
        await database.close();
      }
    });

    it('never write through a report, and do not take a refused write to the primary', async () => {
      const database = withStandby(standby.location);
      try {
        await expect(database.report((db) => sql`create table report_wrote (id int)`.execute(db))).rejects.toThrow(
          /read-only transaction/,
        );
        for (const db of [primary().db, standby.db]) {
          const { rows } = await sql<{ found: string | null }>`select to_regclass('report_wrote') as found`.execute(db);
          expect(rows[0]?.found).toBeNull();
        }
      } finally {
        await database.close();
      }
    });

    it('read from the primary while the standby cannot be reached, warning once', async () => {
      const unreachable = new URL(standby.location);
      unreachable.port = '1';
      const database = withStandby(unreachable.toString());
      const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
      try {
        const primaryName = nameIn(primary().location);
        expect(await databaseName(database.report)).toBe(primaryName);
        expect(await databaseName(database.report)).toBe(primaryName);
        expect(warn).toHaveBeenCalledTimes(1);
        expect(String(warn.mock.calls[0]?.[0])).toMatch(/Reports read from the primary: the standby .*:1\//);
      } finally {
        warn.mockRestore();
        await database.close();
      }
    });

    it('give up on a standby that never answers after a few seconds, and read from the primary', async () => {
      // Accepts the connection and then says nothing, like a host that has stopped answering.
      const silent = createServer(() => {});
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const mute = new URL(standby.location);
      mute.port = String((silent.address() as AddressInfo).port);
      const database = withStandby(mute.toString());
      const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
      try {
        expect(await databaseName(database.report)).toBe(nameIn(primary().location));
        // Given up by the connect timeout (REPLICA_CONNECT_TIMEOUT_MS), not by TCP's own minutes.
        expect(String(warn.mock.calls[0]?.[0])).toMatch(/connection timeout/);
      } finally {
        warn.mockRestore();
        await database.close();
        silent.close();
      }
    });

    it('let a report fail on its own mistakes without trying the primary', async () => {
      const database = withStandby(standby.location);
      let attempts = 0;
      try {
        await expect(
          database.report(async (db) => {
            attempts++;
            return sql`select no_such_column from tickets`.execute(db);
          }),
        ).rejects.toThrow(/no_such_column/);
        expect(attempts).toBe(1);
      } finally {
        await database.close();
      }
    });
  },
  ['postgres'],
);
