import type { Kysely } from 'kysely';
import type {
  SecurityEvent,
  SecurityEventKind,
  SecurityEventListQuery,
} from '../../../domain/contracts/security-events.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, pageOf } from '../../platform/cursor.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import { insertSecurityEvent, listSecurityEvents } from './security-log.repository.js';

export interface SecurityEventEntry {
  kind: SecurityEventKind;
  /** The account the event is about (null for a sign-in with an unknown email). */
  userId?: string | null;
  email?: string | null;
  /** Overrides of what the request context says (sign-in has no principal yet). */
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The port auth and users record through: they hold this interface, not the log's tables, and the
 * security-log module imports neither of them.
 */
export interface SecurityRecorder {
  record(db: Kysely<DB> | null, ctx: RequestContext, entry: SecurityEventEntry): Promise<void>;
}

// A key that could hold a secret is dropped, whatever a caller hands in: the log never keeps one.
const SECRET_KEY = /pass|secret|hash|csrf|cookie|authorization|^token$/i;

function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([key, inner]) => [key, scrub(inner)]),
    );
  }
  return value;
}

/** The security event log: who signed in, failed, was locked, made tokens, changed roles or passwords. */
export class SecurityLogService implements SecurityRecorder {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  /** In the caller's transaction when it hands one, so the change and its record commit together. */
  async record(db: Kysely<DB> | null, ctx: RequestContext, entry: SecurityEventEntry): Promise<void> {
    const at = this.clock.now();
    await insertSecurityEvent(db ?? this.db, {
      id: newId(at.getTime()),
      at: at.toISOString(),
      kind: entry.kind,
      user_id: entry.userId ?? null,
      email: entry.email?.slice(0, 254) ?? null,
      actor_user_id: ctx.principal?.userId ?? null,
      ip: entry.ip !== undefined ? entry.ip : ctx.ip,
      user_agent: entry.userAgent?.slice(0, 300) ?? null,
      details: JSON.stringify(scrub(entry.details ?? {})),
      request_id: ctx.requestId,
    });
  }

  async list(query: SecurityEventListQuery): Promise<{ items: SecurityEvent[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const [beforeId] = decodeCursor(query.cursor, ['id']) ?? [];
    const rows = await listSecurityEvents(this.db, {
      kind: query.kind,
      userId: query.userId,
      beforeId: beforeId === undefined ? undefined : String(beforeId),
      limit: limit + 1,
    });
    const page = pageOf(rows, limit, (row) => [row.id]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => ({
        id: row.id,
        at: row.at,
        kind: row.kind as SecurityEventKind,
        userId: row.user_id,
        email: row.email,
        actorId: row.actor_user_id,
        ip: row.ip,
        userAgent: row.user_agent,
        details: JSON.parse(row.details) as Record<string, unknown>,
        requestId: row.request_id,
      })),
    };
  }
}
