import type { Kysely } from 'kysely';
import type { ApiTokenRow, DB, SessionRow } from '../../db/schema.js';

export function insertSession(db: Kysely<DB>, row: SessionRow) {
  return db.insertInto('sessions').values(row).execute();
}

export function findLiveSession(db: Kysely<DB>, id: string, now: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
}

export function touchSession(db: Kysely<DB>, id: string, lastSeenAt: string, expiresAt: string) {
  return db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export function deleteSession(db: Kysely<DB>, id: string) {
  return db.deleteFrom('sessions').where('id', '=', id).execute();
}

export function deleteUserSessions(db: Kysely<DB>, userId: string, exceptId: string | null) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.execute();
}

export function deleteExpiredSessions(db: Kysely<DB>, now: string) {
  return db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
}

export function insertToken(db: Kysely<DB>, row: ApiTokenRow) {
  return db.insertInto('api_tokens').values(row).execute();
}

export function findTokenByHash(db: Kysely<DB>, tokenHash: string) {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function listUserTokens(db: Kysely<DB>, userId: string) {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute();
}

export function findUserToken(db: Kysely<DB>, userId: string, id: string) {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

export function revokeToken(db: Kysely<DB>, id: string, at: string) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export function revokeUserTokens(db: Kysely<DB>, userId: string, at: string) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export function touchToken(db: Kysely<DB>, id: string, at: string, ip: string | null) {
  return db.updateTable('api_tokens').set({ last_used_at: at, last_used_ip: ip }).where('id', '=', id).execute();
}
