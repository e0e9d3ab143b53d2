import type { Kysely } from 'kysely';
import type { ApiToken, CreateApiTokenBody, CreatedApiToken } from '../../../domain/contracts/auth.js';
import type { ApiTokenRow, DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { notFound, validationError } from '../../platform/errors.js';
import type { CredentialsEnded } from '../../platform/event-bus.js';
import { hashSecret, newId, newSecret } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { SecurityRecorder } from '../security-log/security-log.service.js';
import type { SignIns } from '../users/users.service.js';
import * as throttle from './login-throttle.repository.js';
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
    lastUsedIp: row.last_used_ip,
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
    private readonly securityLog: SecurityRecorder,
    private readonly sessionTtlHours: number,
    /** The absolute lifetime (MESA_SESSION_MAX_HOURS): use slides the idle expiry, never past this. */
    private readonly sessionMaxHours: number = DEFAULT_SESSION_MAX_HOURS,
    /** Told when credentials stop working, so open event streams resting on them close. */
    private readonly ended: (ended: CredentialsEnded) => void = () => {},
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

  async endSession(sessionId: string) {
    const result = await repo.deleteSession(this.db, sessionId);
    this.ended({ scope: 'session', sessionId });
    return result;
  }

  async endSessions(trx: Kysely<DB>, userId: string, keepSessionId: string | null) {
    const result = await repo.deleteUserSessions(trx, userId, keepSessionId);
    this.ended({ scope: 'sessions', userId, keepSessionId });
    return result;
  }

  /** Revokes every live token of the account; returns how many were live. */
  async revokeAllTokens(trx: Kysely<DB>, userId: string): Promise<number> {
    const results = await repo.revokeUserTokens(trx, userId, this.clock.now().toISOString());
    this.ended({ scope: 'tokens', userId });
    return results.reduce((sum, result) => sum + Number(result.numUpdatedRows), 0);
  }

  /** Lifts every sign-in lock and delay on the account (a new password set by an admin or a reset link). */
  liftSignInLocks(trx: Kysely<DB>, email: string): Promise<number> {
    return throttle.clearSignInLocks(trx, email);
  }

  /** An expiry given as a moment or in days (not both), refused when it is not in the future. */
  private expiryOf(body: CreateApiTokenBody, now: Date): string | null {
    if (body.expiresAt !== undefined && body.expiresInDays !== undefined) {
      throw validationError([{ field: 'expiresAt', message: 'give expiresAt or expiresInDays, not both' }]);
    }
    if (body.expiresAt !== undefined) {
      const at = Date.parse(body.expiresAt);
      if (Number.isNaN(at)) throw validationError([{ field: 'expiresAt', message: 'is not a valid date-time' }]);
      if (at <= now.getTime()) throw validationError([{ field: 'expiresAt', message: 'must be in the future' }]);
      return new Date(at).toISOString();
    }
    return body.expiresInDays ? new Date(now.getTime() + body.expiresInDays * 24 * HOUR).toISOString() : null;
  }

  async purgeExpiredSessions(): Promise<number> {
    const result = await repo.deleteExpiredSessions(this.db, this.clock.now().toISOString());
    return Number(result.numDeletedRows);
  }

  async listTokens(userId: string): Promise<ApiToken[]> {
    return (await repo.listUserTokens(this.db, userId)).map(toApiToken);
  }

  async createToken(ctx: RequestContext, userId: string, body: CreateApiTokenBody): Promise<CreatedApiToken> {
    const now = this.clock.now();
    const expiresAt = this.expiryOf(body, now);
    const secret = `${TOKEN_PREFIX}${newSecret()}`;
    const row: ApiTokenRow = {
      id: newId(now.getTime()),
      user_id: userId,
      name: body.name.trim(),
      token_hash: hashSecret(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      created_at: now.toISOString(),
      last_used_at: null,
      expires_at: expiresAt,
      revoked_at: null,
      last_used_ip: null,
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
      await this.securityLog.record(trx, ctx, {
        kind: 'token.created',
        userId,
        details: { tokenId: row.id, name: row.name, prefix: row.prefix, expiresAt: row.expires_at },
      });
    });
    return { token, secret };
  }

  async revokeToken(ctx: RequestContext, userId: string, id: string): Promise<ApiToken> {
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findUserToken(trx, userId, id);
      if (!before) throw notFound('API token');
      await repo.revokeToken(trx, id, this.clock.now().toISOString());
      // A stream does not know which of its user's tokens it rests on: each closes, a live one reconnects.
      this.ended({ scope: 'tokens', userId });
      const after = await repo.findUserToken(trx, userId, id);
      const token = toApiToken(after ?? before);
      await this.audit.record(trx, ctx, {
        action: 'token.revoked',
        entityType: 'api_token',
        entityId: id,
        before: toApiToken(before),
        after: token,
      });
      await this.securityLog.record(trx, ctx, {
        kind: 'token.revoked',
        userId,
        details: { tokenId: id, name: before.name, prefix: before.prefix },
      });
      return token;
    });
  }

  /** The user behind a bearer token, when the token is known, unexpired and not revoked. */
  async resolveToken(
    secret: string,
    ip: string | null = null,
  ): Promise<{ tokenId: string; userId: string } | undefined> {
    if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
    const row = await repo.findTokenByHash(this.db, hashSecret(secret));
    const now = this.clock.now();
    if (!row || row.revoked_at || (row.expires_at && Date.parse(row.expires_at) <= now.getTime())) return undefined;
    const newAddress = ip !== null && ip !== row.last_used_ip;
    if (newAddress || !row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
      await repo.touchToken(this.db, row.id, now.toISOString(), ip ?? row.last_used_ip);
    }
    if (newAddress) {
      await this.securityLog.record(
        null,
        { principal: null, requestId: null, ip },
        {
          kind: 'token.new_address',
          userId: row.user_id,
          details: { tokenId: row.id, name: row.name, prefix: row.prefix, previousIp: row.last_used_ip },
        },
      );
    }
    return { tokenId: row.id, userId: row.user_id };
  }
}
