import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../test/support/databases.js';
import { connectDatabase } from './connect.js';

describeOnEachDatabase(
  'PostgreSQL sessions',
  (database) => {
    const setting = async (db = database().db) =>
      (await sql<{ parallel_setup_cost: string }>`show parallel_setup_cost`.execute(db)).rows[0]?.parallel_setup_cost;

    it('leave parallel plans to queries big enough to repay starting the workers', async () => {
      // On every connection of the pool, not only the first.
      const values = await Promise.all(Array.from({ length: 5 }, () => setting()));
      expect(values).toEqual(Array(5).fill('20000'));
    });

    it('take the options the database URL gives instead', async () => {
      const url = new URL(process.env.MESA_TEST_PG_URL as string);
      url.searchParams.set('options', '-c parallel_setup_cost=1000');
      const own = connectDatabase({ engine: 'postgres', url: url.toString(), poolSize: 1 });
      try {
        expect(await setting(own.db)).toBe('1000');
      } finally {
        await own.close();
      }
    });
  },
  ['postgres'],
);
