import { type Kysely, sql } from 'kysely';
import type { AuditEventRow, DB } from '../../db/schema.js';

export function insertAuditEvent(db: Kysely<DB>, row: AuditEventRow) {
  return db.insertInto('audit_events').values(row).execute();
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  /** Newest first: rows with an id below this one. */
  beforeId?: string | undefined;
  limit: number;
}

export function listAuditEvents(db: Kysely<DB>, filter: AuditFilter) {
  let query = db.selectFrom('audit_events').selectAll();
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorId) query = query.where('actor_user_id', '=', filter.actorId);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

/**
 * The tables whose records the audit names, with the column that names them. The audit shows
 * names, not ids; a record deleted since keeps showing its id.
 */
const NAMED_TABLES = [
  ['organizations', 'name'],
  ['services', 'name'],
  ['users', 'name'],
  ['api_tokens', 'name'],
  ['categories', 'name'],
  ['support_groups', 'name'],
  ['routing_rules', 'name'],
  ['calendars', 'name'],
  ['agreements', 'name'],
  ['mailboxes', 'address'],
  ['identity_providers', 'name'],
] as const;

/** The names of these records, whatever their kind, in one query (a UNION over the named tables). */
export async function namesOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const [first, ...rest] = NAMED_TABLES.map(([table, column]) =>
    db
      .selectFrom(table)
      .select([sql<string>`id`.as('id'), sql<string>`${sql.ref(column)}`.as('name')])
      .where(sql.ref('id'), 'in', ids),
  );
  if (!first) return new Map();
  const query = rest.reduce((union, next) => union.unionAll(next as never), first);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
