import type { Kysely } from 'kysely';
import type { CannedResponseTable, DB } from '../../db/schema.js';

export function listVisible(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('canned_responses')
    .selectAll()
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', userId)]))
    .orderBy('title')
    .execute();
}

export function insertCanned(db: Kysely<DB>, row: CannedResponseTable) {
  return db.insertInto('canned_responses').values(row).execute();
}

/** Deletes one's own, or a shared one when allowed; says whether anything was deleted. */
export async function deleteCanned(
  db: Kysely<DB>,
  id: string,
  userId: string,
  includeShared: boolean,
): Promise<boolean> {
  const result = await db
    .deleteFrom('canned_responses')
    .where('id', '=', id)
    .where((eb) => eb.or([eb('owner_id', '=', userId), ...(includeShared ? [eb('owner_id', 'is', null)] : [])]))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
