import type { Kysely } from 'kysely';
import { keysetAfter, type SortKey, textContains } from '../../db/dialect.js';
import type { DB, OrganizationRow, ServiceRow } from '../../db/schema.js';

const BY_NAME: SortKey[] = [
  { column: 'name', direction: 'asc' },
  { column: 'id', direction: 'asc' },
];

export interface OrganizationFilter {
  /** Confine to one organization (a requester's scope); null for all. */
  scope: string | null;
  q?: string | undefined;
  status?: 'active' | 'inactive' | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
}

export function listOrganizations(db: Kysely<DB>, filter: OrganizationFilter) {
  let query = db.selectFrom('organizations').selectAll();
  if (filter.scope !== null) query = query.where('id', '=', filter.scope);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([textContains(db, 'name', q), textContains(db, 'code', q)]));
  }
  if (filter.after) query = query.where(keysetAfter(BY_NAME, [filter.after.name, filter.after.id]));
  return query.orderBy('name').orderBy('id').limit(filter.limit).execute();
}

export function findOrganization(db: Kysely<DB>, id: string, scope: string | null) {
  let query = db.selectFrom('organizations').selectAll().where('id', '=', id);
  if (scope !== null) query = query.where('id', '=', scope);
  return query.executeTakeFirst();
}

export function insertOrganization(db: Kysely<DB>, row: OrganizationRow) {
  return db.insertInto('organizations').values(row).execute();
}

/** Updates only if the stored version is the one the change was based on; returns the new row or nothing. */
export function updateOrganization(db: Kysely<DB>, id: string, version: number, changes: Partial<OrganizationRow>) {
  return db
    .updateTable('organizations')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function listServices(db: Kysely<DB>, organizationId: string) {
  return db
    .selectFrom('services')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function findService(db: Kysely<DB>, id: string) {
  return db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertService(db: Kysely<DB>, row: ServiceRow) {
  return db.insertInto('services').values(row).execute();
}

export function updateService(db: Kysely<DB>, id: string, version: number, changes: Partial<ServiceRow>) {
  return db
    .updateTable('services')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
