import type { Kysely } from 'kysely';
import type { AuditEvent, AuditListQuery } from '../../../domain/contracts/audit.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, pageOf } from '../../platform/cursor.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import { insertAuditEvent, listAuditEvents, namesOf } from './audit.repository.js';

type Snapshot = Record<string, unknown>;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  organizationId?: string | null;
  before?: Snapshot | null;
  after?: Snapshot | null;
}

/** Keeps only the fields that changed, so an update's record reads as a diff. */
function diff(before: Snapshot | null, after: Snapshot | null): { before: Snapshot | null; after: Snapshot | null } {
  if (!before || !after) return { before, after };
  const changedBefore: Snapshot = {};
  const changedAfter: Snapshot = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key];
      changedAfter[key] = after[key];
    }
  }
  return { before: changedBefore, after: changedAfter };
}

export class AuditService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  /** Called by other services inside their own transaction, so the change and its record commit together. */
  async record(trx: Kysely<DB>, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    const changes = diff(entry.before ?? null, entry.after ?? null);
    await insertAuditEvent(trx, {
      id: newId(this.clock.now().getTime()),
      at: this.clock.now().toISOString(),
      actor_user_id: ctx.principal?.userId ?? null,
      actor_name: ctx.principal?.name ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      organization_id: entry.organizationId ?? null,
      changes: JSON.stringify(changes),
      request_id: ctx.requestId,
      ip: ctx.ip,
    });
  }

  async list(query: AuditListQuery): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const [beforeId] = decodeCursor(query.cursor, ['id']) ?? [];
    const rows = await listAuditEvents(this.db, {
      entityType: query.entityType,
      entityId: query.entityId,
      actorId: query.actorId,
      beforeId: beforeId === undefined ? undefined : String(beforeId),
      limit: limit + 1,
    });
    const page = pageOf(rows, limit, (row) => [row.id]);
    const events = page.items.map((row) => {
      const changes = JSON.parse(row.changes) as AuditEvent['changes'];
      return { row, changes, ids: [row.entity_id, ...referencedIds(changes)] };
    });
    // One query names every record the page mentions: the records changed and the ones they point at.
    const names = await namesOf(this.db, [...new Set(events.flatMap((event) => event.ids))]);
    return {
      nextCursor: page.nextCursor,
      items: events.map(({ row, changes, ids }) => ({
        id: row.id,
        at: row.at,
        actorId: row.actor_user_id,
        actorName: row.actor_name,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        entityName: names.get(row.entity_id) ?? nameIn(changes),
        changes,
        names: Object.fromEntries(ids.flatMap((id) => (names.has(id) ? [[id, names.get(id) as string]] : []))),
        requestId: row.request_id,
        ip: row.ip,
      })),
    };
  }
}

/** Ids a change points at: values of fields named `…Id` or `…Ids` (an organization, a group, people). */
function referencedIds(changes: AuditEvent['changes']): string[] {
  const ids: string[] = [];
  for (const side of [changes.before, changes.after]) {
    for (const [key, value] of Object.entries(side ?? {})) {
      if (/Id$/.test(key) && typeof value === 'string') ids.push(value);
      if (/Ids$/.test(key) && Array.isArray(value))
        ids.push(...value.filter((v): v is string => typeof v === 'string'));
    }
  }
  return ids;
}

/** A record deleted since is still named by what its change held. */
function nameIn(changes: AuditEvent['changes']): string | null {
  const side = changes.after ?? changes.before ?? {};
  for (const key of ['name', 'title', 'address', 'domain']) {
    if (typeof side[key] === 'string') return side[key] as string;
  }
  return null;
}
