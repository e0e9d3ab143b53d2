import type { Kysely } from 'kysely';
import type { ApiToken, CreateApiTokenBody, CreatedApiToken } from '../../../domain/contracts/auth.js';
import type { ApiTokenRow, DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { hashSecret, newId, newSecret } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { SignIns } from '../users/users.service.js';
import * as repo from './sessions.repository.js';

const TOKEN_PREFIX = 'mesa_';
const HOUR = 3_600_000;
// Sliding expiry is renewed at most this often, so a busy agent does not write on every request.
const TOUCH_EVERY_MS = 5 * 60_000;
/** A week: an agent signs in again each Monday however busy the session was. */
export const DEFAULT_SESSION_MAX_HOURS = 7 * 24;

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** Server-side sessions and personal API tokens: both are random secrets stored only as hashes. */
export class SessionsService implements SignIns {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sessionTtlHours: number,
    /** The absolute lifetime (MESA_SESSION_MAX_HOURS): use slides the idle expiry, never past this. */
    private readonly sessionMaxHours: number = DEFAULT_SESSION_MAX_HOURS,
  ) {}

  /** The idle expiry slid from `now`, capped by the absolute lifetime counted from the sign-in. */
  private expiryFrom(now: Date, createdAt: Date): string {
    const idle = now.getTime() + this.sessionTtlHours * HOUR;
    const absolute = createdAt.getTime() + this.sessionMaxHours * HOUR;
    return new Date(Math.min(idle, absolute)).toISOString();
  }

  async startSession(userId: string, meta: { ip: string | null; userAgent: string | null }) {
    const secret = newSecret();
    const now = this.clock.now();
    const row = {
      id: hashSecret(secret),
      user_id: userId,
      csrf_token: newSecret(),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: this.expiryFrom(now, now),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    };
    await repo.insertSession(this.db, row);
    return { secret, sessionId: row.id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  /** The live session behind a cookie value, with its expiry slid forward. */
  async resolveSession(secret: string) {
    const now = this.clock.now();
    const session = await repo.findLiveSession(this.db, hashSecret(secret), now.toISOString());
    if (!session) return undefined;
    if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
      const expiresAt = this.expiryFrom(now, new Date(session.created_at));
      await repo.touchSession(this.db, session.id, now.toISOString(), expiresAt);
    }
    return { sessionId: session.id, userId: session.user_id, csrfToken: session.csrf_token };
  }

  endSession(sessionId: string) {
    return repo.deleteSession(this.db, sessionId);
  }

  endSessions(trx: Kysely<DB>, userId: string, keepSessionId: string | null) {
    return repo.deleteUserSessions(trx, userId, keepSessionId);
  }

  revokeAllTokens(trx: Kysely<DB>, userId: string) {
    return repo.revokeUserTokens(trx, userId, this.clock.now().toISOString());
  }

  async purgeExpiredSessions(): Promise<number> {
    const result = await repo.deleteExpiredSessions(this.db, this.clock.now().toISOString());
    return Number(result.numDeletedRows);
  }

  async listTokens(userId: string): Promise<ApiToken[]> {
    return (await repo.listUserTokens(this.db, userId)).map(toApiToken);
  }

  async createToken(ctx: RequestContext, userId: string, body: CreateApiTokenBody): Promise<CreatedApiToken> {
    const secret = `${TOKEN_PREFIX}${newSecret()}`;
    const now = this.clock.now();
    const row: ApiTokenRow = {
      id: newId(now.getTime()),
      user_id: userId,
      name: body.name.trim(),
      token_hash: hashSecret(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      created_at: now.toISOString(),
      last_used_at: null,
      expires_at: body.expiresInDays ? new Date(now.getTime() + body.expiresInDays * 24 * HOUR).toISOString() : null,
      revoked_at: null,
    };
    const token = toApiToken(row);
    await this.db.transaction().execute(async (trx) => {
      await repo.insertToken(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'token.created',
        entityType: 'api_token',
        entityId: row.id,
        after: token,
      });
    });
    return { token, secret };
  }

  async revokeToken(ctx: RequestContext, userId: string, id: string): Promise<ApiToken> {
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findUserToken(trx, userId, id);
      if (!before) throw notFound('API token');
      await repo.revokeToken(trx, id, this.clock.now().toISOString());
      const after = await repo.findUserToken(trx, userId, id);
      const token = toApiToken(after ?? before);
      await this.audit.record(trx, ctx, {
        action: 'token.revoked',
        entityType: 'api_token',
        entityId: id,
        before: toApiToken(before),
        after: token,
      });
      return token;
    });
  }

  /** The user behind a bearer token, when the token is known, unexpired and not revoked. */
  async resolveToken(secret: string): Promise<{ tokenId: string; userId: string } | undefined> {
    if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
    const row = await repo.findTokenByHash(this.db, hashSecret(secret));
    const now = this.clock.now();
    if (!row || row.revoked_at || (row.expires_at && Date.parse(row.expires_at) <= now.getTime())) return undefined;
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
      await repo.touchToken(this.db, row.id, now.toISOString());
    }
    return { tokenId: row.id, userId: row.user_id };
  }
}
