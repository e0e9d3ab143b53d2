import type { Kysely } from 'kysely';
import type { DB, KpiTargetVersionTable } from '../../db/schema.js';

/** An agreement's target versions, oldest first. */
export function listVersions(db: Kysely<DB>, agreementId: string) {
  return db
    .selectFrom('kpi_target_versions')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('version')
    .execute();
}

/** The agreement's highest version number, 0 when none was saved. */
export async function lastVersion(db: Kysely<DB>, agreementId: string): Promise<number> {
  const row = await db
    .selectFrom('kpi_target_versions')
    .select((eb) => eb.fn.max('version').as('last'))
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

export async function insertVersion(db: Kysely<DB>, row: KpiTargetVersionTable) {
  await db.insertInto('kpi_target_versions').values(row).execute();
}
