import type { Insertable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import type { DB, MfaTotpTable } from '../../db/schema.js';
import { SECRET_COLUMNS, secretContext } from '../../db/secret-columns.js';
import type { SecretBox } from '../../platform/secret-box.js';

/** A person's authenticator, its secret opened (it is stored sealed, see platform/secret-box.ts). */
export async function findTotp(db: Kysely<DB>, box: SecretBox, userId: string) {
  const row = await db.selectFrom('mfa_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return row && { ...row, secret: box.open(row.secret, secretContext(SECRET_COLUMNS.totp, userId)) };
}

/** A new, unconfirmed authenticator replaces an earlier unconfirmed one; a confirmed one stays. */
export function upsertPendingTotp(db: Kysely<DB>, box: SecretBox, row: Insertable<MfaTotpTable>) {
  const secret = box.seal(row.secret, secretContext(SECRET_COLUMNS.totp, row.user_id));
  return db
    .insertInto('mfa_totp')
    .values({ ...row, secret })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ secret, created_at: row.created_at, last_step: null })
        .where('mfa_totp.confirmed_at', 'is', null),
    )
    .executeTakeFirst();
}

export function confirmTotp(db: Kysely<DB>, userId: string, at: string) {
  return db.updateTable('mfa_totp').set({ confirmed_at: at }).where('user_id', '=', userId).execute();
}

/** Takes a time step for the person, once: a code seen before (or an older one) changes no row. */
export async function claimStep(db: Kysely<DB>, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('mfa_totp')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Counts one second-factor attempt for the person and returns the count in the window, atomically. */
export async function countFailure(db: Kysely<DB>, userId: string, now: string, windowStart: string) {
  const row = await db
    .updateTable('mfa_totp')
    .set({
      failures: sql<number>`case when failures_started_at is null or failures_started_at < ${windowStart} then 1 else failures + 1 end`,
      failures_started_at: sql<string>`case when failures_started_at is null or failures_started_at < ${windowStart} then ${now} else failures_started_at end`,
    })
    .where('user_id', '=', userId)
    .returning(['failures', 'failures_started_at'])
    .executeTakeFirst();
  return row;
}

export function clearFailures(db: Kysely<DB>, userId: string) {
  return db
    .updateTable('mfa_totp')
    .set({ failures: 0, failures_started_at: null })
    .where('user_id', '=', userId)
    .execute();
}

export function deleteTotp(db: Kysely<DB>, userId: string) {
  return db.deleteFrom('mfa_totp').where('user_id', '=', userId).execute();
}

export function insertRecoveryCodes(db: Kysely<DB>, rows: { id: string; user_id: string; code_hash: string }[]) {
  return db
    .insertInto('mfa_recovery_codes')
    .values(rows.map((row) => ({ ...row, used_at: null })))
    .execute();
}

export function deleteRecoveryCodes(db: Kysely<DB>, userId: string) {
  return db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
}

/** A person's unused recovery codes, each as its argon2id hash. */
export function unusedRecoveryCodes(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('mfa_recovery_codes')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** Spends a recovery code: only the update that finds it unused changes a row. */
export async function spendRecoveryCode(db: Kysely<DB>, id: string, at: string) {
  const result = await db
    .updateTable('mfa_recovery_codes')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Kysely<DB>, userId: string) {
  const row = await db
    .selectFrom('mfa_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertChallenge(
  db: Kysely<DB>,
  row: { id: string; user_id: string; created_at: string; expires_at: string },
) {
  return db.insertInto('mfa_challenges').values(row).execute();
}

/** Counts one attempt on a live challenge and returns it, atomically; an unknown or expired one returns nothing. */
export function countChallengeAttempt(db: Kysely<DB>, id: string, now: string) {
  return db
    .updateTable('mfa_challenges')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .returning(['user_id', 'attempts'])
    .executeTakeFirst();
}

export function deleteChallenge(db: Kysely<DB>, id: string) {
  return db.deleteFrom('mfa_challenges').where('id', '=', id).execute();
}

export function deleteUserChallenges(db: Kysely<DB>, userId: string) {
  return db.deleteFrom('mfa_challenges').where('user_id', '=', userId).execute();
}

export function deleteExpiredChallenges(db: Kysely<DB>, now: string) {
  return db.deleteFrom('mfa_challenges').where('expires_at', '<=', now).executeTakeFirst();
}
