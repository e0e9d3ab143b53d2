import { type Kysely, type SqlBool, sql } from 'kysely';
import type { ProcedureAudience, ProcedureStatus } from '../../../domain/support/procedures.js';
import { nextCounterValue } from '../../db/counters.js';
import type { DB, ProcedureTable, ProcedureVersionTable } from '../../db/schema.js';

/** Procedures number their search keys from the counters tickets and problems use. */
export function nextSearchKey(db: Kysely<DB>): Promise<number> {
  return nextCounterValue(db, 'procedure');
}

export function insertProcedure(db: Kysely<DB>, row: ProcedureTable) {
  return db.insertInto('procedures').values(row).execute();
}

export function updateProcedure(db: Kysely<DB>, id: string, version: number, changes: Partial<ProcedureTable>) {
  return db
    .updateTable('procedures')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function insertVersion(db: Kysely<DB>, row: ProcedureVersionTable) {
  return db.insertInto('procedure_versions').values(row).execute();
}

export interface ProcedureFilter {
  ids?: string[] | undefined;
  audiences: readonly ProcedureAudience[];
  statuses?: readonly ProcedureStatus[] | undefined;
  afterId?: string | undefined;
  /**
   * Confine to the procedures an organization may read (a requester's tenant scope; null for all):
   * those tied to no service, or to one of its services, or to a category of one of its services
   * or of every service. A procedure linked only to another organization's services is not theirs.
   */
  organizationId: string | null;
  limit: number;
}

/** Procedures with the names of their author and reviewer. */
export function listProcedures(db: Kysely<DB>, filter: ProcedureFilter) {
  let query = db
    .selectFrom('procedures')
    .innerJoin('users as author', 'author.id', 'procedures.author_id')
    .leftJoin('users as reviewer', 'reviewer.id', 'procedures.reviewer_id')
    .selectAll('procedures')
    .select(['author.name as author_name', 'reviewer.name as reviewer_name'])
    .where('procedures.audience', 'in', [...filter.audiences]);
  if (filter.ids) query = query.where('procedures.id', 'in', filter.ids.length ? filter.ids : ['']);
  if (filter.statuses?.length) query = query.where('procedures.status', 'in', [...filter.statuses]);
  if (filter.afterId) query = query.where('procedures.id', '<', filter.afterId);
  if (filter.organizationId !== null) {
    const organizationId = filter.organizationId;
    query = query.where((eb) => {
      const services = eb
        .selectFrom('services')
        .select('services.id')
        .where('services.organization_id', '=', organizationId);
      const scopes = eb
        .selectFrom('procedure_scopes as scope')
        .leftJoin('categories as category', 'category.id', 'scope.category_id')
        .select('scope.procedure_id')
        .whereRef('scope.procedure_id', '=', 'procedures.id');
      return eb.or([
        eb.not(eb.exists(scopes)),
        eb.exists(
          scopes.where((inner) =>
            inner.or([
              inner('scope.service_id', 'in', services),
              inner.and([inner('scope.category_id', 'is not', null), inner('category.service_id', 'is', null)]),
              inner('category.service_id', 'in', services),
            ]),
          ),
        ),
      ]);
    });
  }
  return query.orderBy('procedures.id', 'desc').limit(filter.limit).execute();
}

export type ProcedureListRow = Awaited<ReturnType<typeof listProcedures>>[number];

export function versionsOf(db: Kysely<DB>, keys: { procedureId: string; number: number }[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('procedure_versions')
    .innerJoin('users', 'users.id', 'procedure_versions.author_id')
    .selectAll('procedure_versions')
    .select('users.name as author_name')
    .where((eb) =>
      eb.or(keys.map((k) => eb.and([eb('procedure_id', '=', k.procedureId), eb('number', '=', k.number)]))),
    )
    .execute();
}

export function allVersions(db: Kysely<DB>, procedureId: string) {
  return db
    .selectFrom('procedure_versions')
    .innerJoin('users', 'users.id', 'procedure_versions.author_id')
    .selectAll('procedure_versions')
    .select('users.name as author_name')
    .where('procedure_id', '=', procedureId)
    .orderBy('number', 'desc')
    .execute();
}

export async function replaceScopes(
  db: Kysely<DB>,
  procedureId: string,
  scopes: { serviceIds: readonly string[]; categoryIds: readonly string[] },
) {
  await db.deleteFrom('procedure_scopes').where('procedure_id', '=', procedureId).execute();
  const rows = [
    ...scopes.serviceIds.map((service_id) => ({ procedure_id: procedureId, service_id, category_id: null })),
    ...scopes.categoryIds.map((category_id) => ({ procedure_id: procedureId, service_id: null, category_id })),
  ];
  if (rows.length > 0) await db.insertInto('procedure_scopes').values(rows).execute();
}

export function scopesOf(db: Kysely<DB>, procedureIds: string[]) {
  if (procedureIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('procedure_scopes').selectAll().where('procedure_id', 'in', procedureIds).execute();
}

/** Published procedures linked to a service or to any of the categories. */
export function idsForScope(db: Kysely<DB>, serviceId: string | null, categoryIds: string[]) {
  return db
    .selectFrom('procedure_scopes')
    .select('procedure_id')
    .distinct()
    .where((eb) =>
      eb.or([
        ...(serviceId ? [eb('service_id', '=', serviceId)] : []),
        ...(categoryIds.length ? [eb('category_id', 'in', categoryIds)] : []),
        sql<SqlBool>`1 = 0`,
      ]),
    )
    .execute();
}

export function applicationCounts(db: Kysely<DB>, procedureIds: string[]) {
  if (procedureIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('procedure_applications')
    .select(['procedure_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('procedure_id', 'in', procedureIds)
    .groupBy('procedure_id')
    .execute();
}

export function insertApplication(db: Kysely<DB>, row: DB['procedure_applications']) {
  return db.insertInto('procedure_applications').values(row).execute();
}
