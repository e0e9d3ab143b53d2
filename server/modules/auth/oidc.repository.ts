import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, IdentityProviderTable, OidcSignInTable } from '../../db/schema.js';

export function insertProvider(db: Kysely<DB>, row: Insertable<IdentityProviderTable>) {
  return db.insertInto('identity_providers').values(row).execute();
}

export function listProviders(db: Kysely<DB>) {
  return db.selectFrom('identity_providers').selectAll().orderBy('name').orderBy('id').execute();
}

export function findProvider(db: Kysely<DB>, id: string) {
  return db.selectFrom('identity_providers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Writes an edit when the provider is still at `version`; answers the row, or nothing when it moved on. */
export function updateProvider(
  db: Kysely<DB>,
  id: string,
  version: number,
  changes: Updateable<IdentityProviderTable> & { version: number; updated_at: string },
) {
  return db
    .updateTable('identity_providers')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Forgets which accounts this provider's subjects were matched to. */
export function deleteIdentitiesOf(db: Kysely<DB>, providerId: string) {
  return db.deleteFrom('user_identities').where('provider_id', '=', providerId).executeTakeFirst();
}

export function deleteProvider(db: Kysely<DB>, id: string) {
  return db.deleteFrom('identity_providers').where('id', '=', id).executeTakeFirst();
}

export function insertSignIn(db: Kysely<DB>, row: OidcSignInTable) {
  return db.insertInto('oidc_sign_ins').values(row).execute();
}

/** Takes a pending sign-in once: the delete that finds it live is the only one that returns it. */
export function takeSignIn(db: Kysely<DB>, id: string, now: string) {
  return db
    .deleteFrom('oidc_sign_ins')
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
}

export function deleteExpiredSignIns(db: Kysely<DB>, now: string) {
  return db.deleteFrom('oidc_sign_ins').where('expires_at', '<=', now).executeTakeFirst();
}

export function findIdentity(db: Kysely<DB>, providerId: string, subject: string) {
  return db
    .selectFrom('user_identities')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('subject', '=', subject)
    .executeTakeFirst();
}

export function insertIdentity(
  db: Kysely<DB>,
  row: { provider_id: string; subject: string; user_id: string; created_at: string },
) {
  return db.insertInto('user_identities').values(row).execute();
}
