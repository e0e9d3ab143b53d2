import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, IdentityProviderTable, OidcSignInTable } from '../../db/schema.js';
import { SECRET_COLUMNS, secretContext } from '../../db/secret-columns.js';
import type { SecretBox } from '../../platform/secret-box.js';

/** The client secret is stored sealed (platform/secret-box.ts) and opened as it is read. */
function opened<Row extends { id: string; client_secret: string }>(box: SecretBox, row: Row): Row {
  return { ...row, client_secret: box.open(row.client_secret, secretContext(SECRET_COLUMNS.identityProvider, row.id)) };
}

export function insertProvider(db: Kysely<DB>, box: SecretBox, row: Insertable<IdentityProviderTable>) {
  const sealed = box.seal(row.client_secret, secretContext(SECRET_COLUMNS.identityProvider, row.id));
  return db
    .insertInto('identity_providers')
    .values({ ...row, client_secret: sealed })
    .execute();
}

export async function listProviders(db: Kysely<DB>, box: SecretBox) {
  const rows = await db.selectFrom('identity_providers').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map((row) => opened(box, row));
}

export async function findProvider(db: Kysely<DB>, box: SecretBox, id: string) {
  const row = await db.selectFrom('identity_providers').selectAll().where('id', '=', id).executeTakeFirst();
  return row && opened(box, row);
}

/** Writes an edit when the provider is still at `version`; answers the row, or nothing when it moved on. */
export async function updateProvider(
  db: Kysely<DB>,
  box: SecretBox,
  id: string,
  version: number,
  changes: Updateable<IdentityProviderTable> & { version: number; updated_at: string },
) {
  const context = secretContext(SECRET_COLUMNS.identityProvider, id);
  const sealed =
    changes.client_secret === undefined
      ? changes
      : { ...changes, client_secret: box.seal(changes.client_secret, context) };
  const row = await db
    .updateTable('identity_providers')
    .set(sealed)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row && opened(box, row);
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
