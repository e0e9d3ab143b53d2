import type { Kysely } from 'kysely';
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
