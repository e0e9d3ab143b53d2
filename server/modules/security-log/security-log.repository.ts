import type { Kysely } from 'kysely';
import type { DB, SecurityEventRow } from '../../db/schema.js';

export function insertSecurityEvent(db: Kysely<DB>, row: SecurityEventRow) {
  return db.insertInto('security_events').values(row).execute();
}

export interface SecurityEventFilter {
  kind?: string | undefined;
  userId?: string | undefined;
  /** Newest first: rows with an id below this one. */
  beforeId?: string | undefined;
  limit: number;
}

export function listSecurityEvents(db: Kysely<DB>, filter: SecurityEventFilter) {
  let query = db.selectFrom('security_events').selectAll();
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}
