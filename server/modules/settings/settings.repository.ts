import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export function findSetting(db: Kysely<DB>, key: string) {
  return db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
}

export function upsertSetting(db: Kysely<DB>, key: string, value: string, updatedAt: string) {
  return db
    .insertInto('settings')
    .values({ key, value, updated_at: updatedAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
}
