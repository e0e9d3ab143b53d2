import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { connectDatabase, type Database, type Engine } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';

const PG_URL = process.env.MESA_TEST_PG_URL;
const REQUIRE_PG = process.env.MESA_TEST_REQUIRE_PG === '1';

export interface TestDatabase extends Database {
  /** Drops what the test created: the SQLite file, or the PostgreSQL database. */
  destroy(): Promise<void>;
}

/** A fresh, migrated database: a temp SQLite file, or a new database on the test PostgreSQL server. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'mesa-test-'));
    const database = connectDatabase({ engine: 'sqlite', file: join(dir, 'mesa.sqlite') });
    await migrateToLatest(database);
    return {
      ...database,
      destroy: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!PG_URL) throw new Error('MESA_TEST_PG_URL is not set');
  // A database per test file, not a schema: schema-wide catalog reads (Kysely's introspection)
  // would otherwise race with another file dropping its schema at the same moment.
  const name = `mesa_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = connectDatabase({ engine: 'postgres', url: url.toString(), poolSize: 5 });
  await migrateToLatest(database);
  return {
    ...database,
    destroy: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: PG_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

const PG_SKIP_REASON = 'set MESA_TEST_PG_URL=postgres://… to run them (CI does).';
let announcedSkip = false;

/**
 * Runs the same tests on SQLite and on PostgreSQL (or on the `engines` named, for what only one
 * engine has), each engine on its own fresh database for this file. PostgreSQL runs when
 * MESA_TEST_PG_URL is set; MESA_TEST_REQUIRE_PG=1 makes its absence a failure instead of a skip.
 */
export function describeOnEachDatabase(
  title: string,
  body: (database: () => TestDatabase, engine: Engine) => void,
  engines: readonly Engine[] = ['sqlite', 'postgres'],
): void {
  for (const engine of engines) {
    if (engine === 'postgres' && !PG_URL) {
      // A suite is registered either way: a file whose tests are all PostgreSQL's would otherwise
      // hold no suite, which Vitest counts as a failed file.
      describe(`${title} [postgres]`, () => {
        it('needs PostgreSQL', (context) => {
          if (REQUIRE_PG) throw new Error('MESA_TEST_REQUIRE_PG=1 but MESA_TEST_PG_URL is not set');
          context.skip(PG_SKIP_REASON);
        });
      });
      if (!REQUIRE_PG && !announcedSkip) {
        announcedSkip = true;
        console.log(`PostgreSQL tests skipped: ${PG_SKIP_REASON}`);
      }
      continue;
    }
    describe(`${title} [${engine}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(engine);
      });
      afterAll(async () => {
        await database?.destroy();
      });
      body(() => {
        if (!database) throw new Error('database not ready');
        return database;
      }, engine);
    });
  }
}
