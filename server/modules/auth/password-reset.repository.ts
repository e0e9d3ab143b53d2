import type { Kysely } from 'kysely';
import type { DB, PasswordResetTable } from '../../db/schema.js';

export function insertReset(db: Kysely<DB>, row: PasswordResetTable) {
  return db.insertInto('password_resets').values(row).execute();
}

/** The reset a link's secret names, used or not. */
export function findByTokenHash(db: Kysely<DB>, tokenHash: string) {
  return db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * Spends a reset, once: the update only lands while it is unused and unexpired, so of two
 * requests racing with the same link only one changes the password.
 */
export async function spend(db: Kysely<DB>, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every other open link of the person ends once one of them has set a new password. */
export function spendAllOf(db: Kysely<DB>, userId: string, now: string) {
  return db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** Links that can no longer be used are kept a day for the record, then removed. */
export async function purgeBefore(db: Kysely<DB>, before: string): Promise<number> {
  const result = await db.deleteFrom('password_resets').where('expires_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
