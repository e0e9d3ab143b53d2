import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The keys of one account's sign-in throttles: one per (account, address) pair, one for the account. */
export const pairPrefix = (email: string) => `pair:${email}|`;
export const accountKey = (email: string) => `account:${email}`;

/**
 * Counts one attempt against `key` and returns the count in the current window, atomically:
 * the upsert is a single statement, so parallel requests each get a distinct count and none
 * can slip past the limit. A window older than `windowStart` starts over at 1 (and unlocked).
 */
export async function countAttempt(
  db: Kysely<DB>,
  key: string,
  now: string,
  windowStart: string,
): Promise<{ attempts: number; windowStartedAt: string }> {
  const row = await db
    .insertInto('login_throttle')
    .values({ key, attempts: 1, window_started_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when login_throttle.window_started_at < ${windowStart} then 1 else login_throttle.attempts + 1 end`,
        locked_until: sql<
          string | null
        >`case when login_throttle.window_started_at < ${windowStart} then null else login_throttle.locked_until end`,
        window_started_at: sql<string>`case when login_throttle.window_started_at < ${windowStart} then ${now} else login_throttle.window_started_at end`,
      }),
    )
    .returning(['attempts', 'window_started_at'])
    .executeTakeFirstOrThrow();
  return { attempts: row.attempts, windowStartedAt: row.window_started_at };
}

/** Takes back one counted attempt (a sign-in that succeeded is not held against its address). */
export function refundAttempt(db: Kysely<DB>, key: string) {
  return db
    .updateTable('login_throttle')
    .set({ attempts: sql<number>`attempts - 1` })
    .where('key', '=', key)
    .where('attempts', '>', 0)
    .execute();
}

export function setLockedUntil(db: Kysely<DB>, key: string, until: string) {
  return db.updateTable('login_throttle').set({ locked_until: until }).where('key', '=', key).execute();
}

/** Lifts every sign-in lock and delay on one account, from every address (an admin's unlock or reset). */
export function clearSignInLocks(db: Kysely<DB>, email: string): Promise<number> {
  return clearByPrefixes(db, [pairPrefix(email), accountKey(email)]);
}

export function clearAttempts(db: Kysely<DB>, key: string) {
  return db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Every key that starts with one of these prefixes, compared exactly (no LIKE wildcards). */
export async function clearByPrefixes(db: Kysely<DB>, prefixes: string[]): Promise<number> {
  let deleted = 0;
  for (const prefix of prefixes) {
    const result = await db
      .deleteFrom('login_throttle')
      .where(sql<string>`substr(key, 1, ${prefix.length})`, '=', prefix)
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}

export function findThrottle(db: Kysely<DB>, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

/** The throttle rows whose key starts with `prefix`, compared exactly. */
export function findByPrefix(db: Kysely<DB>, prefix: string) {
  return db
    .selectFrom('login_throttle')
    .selectAll()
    .where(sql<string>`substr(key, 1, ${prefix.length})`, '=', prefix)
    .execute();
}
