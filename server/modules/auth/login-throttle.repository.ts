import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * Counts one attempt against `key` and returns the count in the current window, atomically:
 * the upsert is a single statement, so parallel requests each get a distinct count and none
 * can slip past the limit. A window older than `windowStart` starts over at 1.
 */
export async function countAttempt(db: Kysely<DB>, key: string, now: string, windowStart: string): Promise<number> {
  const row = await db
    .insertInto('login_throttle')
    .values({ key, attempts: 1, window_started_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when login_throttle.window_started_at < ${windowStart} then 1 else login_throttle.attempts + 1 end`,
        window_started_at: sql<string>`case when login_throttle.window_started_at < ${windowStart} then ${now} else login_throttle.window_started_at end`,
      }),
    )
    .returning(['attempts', 'window_started_at'])
    .executeTakeFirstOrThrow();
  return row.attempts;
}

export function clearAttempts(db: Kysely<DB>, key: string) {
  return db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

export function findThrottle(db: Kysely<DB>, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}
