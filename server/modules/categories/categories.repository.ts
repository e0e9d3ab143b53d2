import type { Kysely } from 'kysely';
import type { CategoryRow, DB } from '../../db/schema.js';

/**
 * Categories for a service: its own and the ones that apply to every service (service_id null).
 * `organizationId` confines them to the ones of that organization's services and the global ones.
 */
export function listCategories(
  db: Kysely<DB>,
  filter: { serviceId?: string | undefined; includeInactive: boolean; organizationId: string | null },
) {
  let query = db.selectFrom('categories').selectAll();
  if (filter.organizationId !== null) {
    const organizationId = filter.organizationId;
    query = query.where((eb) =>
      eb.or([
        eb('service_id', 'is', null),
        eb(
          'service_id',
          'in',
          eb.selectFrom('services').select('services.id').where('services.organization_id', '=', organizationId),
        ),
      ]),
    );
  }
  if (filter.serviceId) {
    const serviceId = filter.serviceId;
    query = query.where((eb) => eb.or([eb('service_id', '=', serviceId), eb('service_id', 'is', null)]));
  }
  if (!filter.includeInactive) query = query.where('status', '=', 'active');
  return query.orderBy('name').orderBy('id').execute();
}

export function findCategory(db: Kysely<DB>, id: string) {
  return db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertCategory(db: Kysely<DB>, row: CategoryRow) {
  return db.insertInto('categories').values(row).execute();
}

export function updateCategory(db: Kysely<DB>, id: string, version: number, changes: Partial<CategoryRow>) {
  return db
    .updateTable('categories')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
