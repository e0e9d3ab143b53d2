import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../test/support/databases.js';
import { ConfigCache } from './config-cache.js';
import { connectDatabase, type Database } from './connect.js';

describeOnEachDatabase('configuration kept in memory', (database, engine) => {
  let other: Database;
  const cache = new ConfigCache();
  let loads = 0;
  const readSetting = (db = database().db) =>
    cache.read(db, 'setting:probe', async () => {
      loads++;
      const row = await db.selectFrom('settings').select('value').where('key', '=', 'probe').executeTakeFirst();
      return row?.value ?? null;
    });
  const writeSetting = (db: Database['db'], value: string) =>
    db
      .insertInto('settings')
      .values({ key: 'probe', value, updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();

  beforeAll(() => {
    // Another instance: its own connection (pool) to the same database.
    other =
      engine === 'sqlite'
        ? connectDatabase({ engine: 'sqlite', file: database().location })
        : connectDatabase({ engine: 'postgres', url: database().location, poolSize: 2 });
  });
  afterAll(() => other.close());

  it('reads once until the configuration changes, whoever changes it', async () => {
    await writeSetting(database().db, 'one');
    loads = 0;
    expect(await readSetting()).toBe('one');
    expect(await readSetting()).toBe('one');
    expect(loads).toBe(1);

    await writeSetting(other.db, 'two');
    expect(await readSetting()).toBe('two');
    expect(loads).toBe(2);
  });

  it("does not take a group's turn for a change of configuration", async () => {
    const now = new Date().toISOString();
    await database()
      .db.insertInto('support_groups')
      .values({
        id: 'g1',
        name: 'Desk',
        level: 'L1',
        specialty: null,
        lead_id: null,
        assignment: 'round_robin',
        is_default: 0,
        status: 'active',
        turn: 0,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await readSetting();
    loads = 0;
    await sql`update support_groups set turn = turn + 1 where id = 'g1'`.execute(other.db);
    await readSetting();
    expect(loads).toBe(0);
    await sql`update support_groups set name = 'Service desk' where id = 'g1'`.execute(other.db);
    await readSetting();
    expect(loads).toBe(1);
  });

  it('sees a change inside its own transaction, and forgets it when the transaction rolls back', async () => {
    await writeSetting(database().db, 'kept');
    const rollback = new Error('roll back');
    await expect(
      database()
        .db.transaction()
        .execute(async (trx) => {
          await writeSetting(trx, 'undone');
          expect(await readSetting(trx)).toBe('undone');
          throw rollback;
        }),
    ).rejects.toBe(rollback);
    expect(await readSetting()).toBe('kept');
  });
});
