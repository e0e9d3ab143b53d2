import type { Kysely } from 'kysely';
import type { Me } from '../../../domain/contracts/auth.js';
import type { User } from '../../../domain/contracts/users.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { verifyPassword } from '../../platform/passwords.js';
import { type Principal, type RequestContext, systemContext } from '../../platform/request-context.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import type { SecurityRecorder } from '../security-log/security-log.service.js';
import { normalizeEmail, type UsersService } from '../users/users.service.js';
import * as throttle from './login-throttle.repository.js';
import type { SessionsService } from './sessions.service.js';

/**
 * Sign-in throttling (OWASP ASVS 5.0 §6.3.1). Failures are counted per (account, address) pair,
 * which waits longer after each wrong guess and is locked for the window after `perPair`; an
 * address and an account also have looser ceilings over all their pairs. Only failures count:
 * a sign-in that succeeds hands its attempt back, so an office behind one address is never locked.
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  /** Wrong guesses at one account from one address before that pair is locked for the window. */
  perPair: 5,
  /** Wrong guesses at one account from every address together. */
  perAccount: 50,
  /** Wrong guesses from one address at every account together. */
  perAddress: 100,
  /** After the n-th failure of a pair (n ≥ 2) its next attempt waits 2^(n−1) seconds, at most this. */
  maxDelayMs: 60_000,
};

/** A request context acting as this person, for work done on their behalf (the demo's history). */
export const actingAs = (user: Pick<User, 'id' | 'email' | 'name' | 'roles' | 'organizationId'>): RequestContext => ({
  principal: toPrincipal(user, 'session'),
  requestId: null,
  ip: null,
});

export function toPrincipal(
  user: Pick<User, 'id' | 'email' | 'name' | 'roles' | 'organizationId'>,
  via: Principal['via'],
  session?: { sessionId: string; csrfToken: string },
): Principal {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    organizationId: user.organizationId,
    via,
    sessionId: session?.sessionId ?? null,
    csrfToken: session?.csrfToken ?? null,
  };
}

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
  requestId?: string | null;
}

export class AuthService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly organizations: OrganizationsService,
    private readonly securityLog: SecurityRecorder,
  ) {}

  private locked(retryAtMs: number, nowMs: number): AppError {
    const retryAfter = Math.max(1, Math.ceil((retryAtMs - nowMs) / 1000));
    const wait = retryAfter < 120 ? `${retryAfter} seconds` : `${Math.ceil(retryAfter / 60)} minutes`;
    return new AppError('login_locked', `Too many failed attempts; try again in ${wait}`, {
      headers: { 'retry-after': String(retryAfter) },
    });
  }

  /**
   * Each attempt is counted *before* the password is checked, so twenty parallel guesses
   * get twenty distinct counts and only the first few are ever verified. Returns the count and
   * when its window ends.
   */
  private async admitAttempt(key: string, limit: number, now: Date) {
    const windowStart = new Date(now.getTime() - LOGIN_LIMITS.windowMs).toISOString();
    const { attempts, windowStartedAt } = await throttle.countAttempt(this.db, key, now.toISOString(), windowStart);
    if (attempts > limit) {
      const row = await throttle.findThrottle(this.db, key);
      const retryAt = row ? Date.parse(row.window_started_at) + LOGIN_LIMITS.windowMs : now.getTime();
      throw this.locked(retryAt, now.getTime());
    }
    return { attempts, windowEndsAt: Date.parse(windowStartedAt) + LOGIN_LIMITS.windowMs };
  }

  /**
   * A wrong email or password, saying how many tries this account has left from this address
   * and how long the lock that follows lasts. The count is the pair's, kept alike for accounts
   * that do not exist, so it tells nothing about which addresses have an account.
   */
  private wrongCredentials(pairFailures: number, windowEndsAt: number, nowMs: number): AppError {
    const attemptsLeft = Math.max(0, LOGIN_LIMITS.perPair - pairFailures);
    const lockMinutes = Math.max(1, Math.ceil((windowEndsAt - nowMs) / 60_000));
    const said =
      attemptsLeft === 0
        ? `sign-in from this address is locked for ${lockMinutes} minutes`
        : `${attemptsLeft} attempts left before sign-in is locked for ${lockMinutes} minutes`;
    return new AppError('invalid_credentials', `Email or password is wrong; ${said}`, {
      extensions: { attemptsLeft, lockMinutes },
    });
  }

  async login(email: string, password: string, meta: ClientMeta) {
    const user = await this.checkCredentials(email, password, meta);
    // A new session id at every login: a session fixed before sign-in is never promoted.
    const session = await this.sessions.startSession(user.id, meta);
    return { ...session, userId: user.id };
  }

  /**
   * The person behind a right email and password, throttled per (account, address) pair with
   * growing delays and failure-only ceilings; the session (or the second step) is the caller's.
   */
  async checkCredentials(email: string, password: string, meta: ClientMeta) {
    const account = normalizeEmail(email);
    const now = this.clock.now();
    const ctx: RequestContext = { principal: null, requestId: meta.requestId ?? null, ip: meta.ip };
    const event = { email: account, ip: meta.ip, userAgent: meta.userAgent };
    const pairKey = `${throttle.pairPrefix(account)}${meta.ip ?? 'unknown'}`;
    const accountThrottle = throttle.accountKey(account);
    const addressKey = meta.ip ? `address:${meta.ip}` : null;
    // A pair still waiting out its delay is refused before anything is counted.
    const pair = await throttle.findThrottle(this.db, pairKey);
    if (pair?.locked_until && Date.parse(pair.locked_until) > now.getTime()) {
      throw this.locked(Date.parse(pair.locked_until), now.getTime());
    }
    const { attempts: pairFailures, windowEndsAt } = await this.admitAttempt(pairKey, LOGIN_LIMITS.perPair, now);
    const accountFailures = (await this.admitAttempt(accountThrottle, LOGIN_LIMITS.perAccount, now)).attempts;
    const addressFailures = addressKey
      ? (await this.admitAttempt(addressKey, LOGIN_LIMITS.perAddress, now)).attempts
      : 0;
    const user = await this.users.findActiveByEmail(account);
    const valid = await verifyPassword(user?.password_hash ?? null, password);
    if (!user || !valid) {
      if (pairFailures >= 2) {
        const delay = Math.min(2 ** (pairFailures - 1) * 1000, LOGIN_LIMITS.maxDelayMs);
        await throttle.setLockedUntil(this.db, pairKey, new Date(now.getTime() + delay).toISOString());
      }
      await this.securityLog.record(null, ctx, {
        ...event,
        kind: 'sign_in.failed',
        userId: user?.id ?? null,
        details: { reason: user ? 'wrong_password' : 'unknown_or_inactive_account', failures: pairFailures },
      });
      const reached = [
        pairFailures === LOGIN_LIMITS.perPair ? 'account_and_address' : null,
        accountFailures === LOGIN_LIMITS.perAccount ? 'account' : null,
        addressFailures === LOGIN_LIMITS.perAddress ? 'address' : null,
      ].filter((scope) => scope !== null);
      for (const scope of reached) {
        await this.securityLog.record(null, ctx, {
          ...event,
          kind: 'sign_in.locked',
          userId: user?.id ?? null,
          details: { scope, until: new Date(now.getTime() + LOGIN_LIMITS.windowMs).toISOString() },
        });
      }
      throw this.wrongCredentials(pairFailures, windowEndsAt, now.getTime());
    }
    // Right password: this pair starts afresh, and the attempt is handed back to the wider ceilings.
    await throttle.clearAttempts(this.db, pairKey);
    await throttle.refundAttempt(this.db, accountThrottle);
    if (addressKey) await throttle.refundAttempt(this.db, addressKey);
    await this.securityLog.record(null, ctx, { ...event, kind: 'sign_in.succeeded', userId: user.id });
    return user;
  }

  /** Whether an account is locked from signing in anywhere, and from how many addresses. */
  async lockState(userId: string) {
    const user = await this.users.get(userId);
    const now = this.clock.now().getTime();
    const windowStart = now - LOGIN_LIMITS.windowMs;
    const live = (row: { window_started_at: string }) => Date.parse(row.window_started_at) >= windowStart;
    const pairs = (await throttle.findByPrefix(this.db, throttle.pairPrefix(user.email))).filter(
      (row) => live(row) && (row.attempts > LOGIN_LIMITS.perPair || Date.parse(row.locked_until ?? '') > now),
    );
    const account = await throttle.findThrottle(this.db, throttle.accountKey(user.email));
    return {
      locked: pairs.length > 0 || (!!account && live(account) && account.attempts >= LOGIN_LIMITS.perAccount),
      lockedAddresses: pairs.length,
    };
  }

  /** An admin lifts every sign-in lock and delay on an account, from every address. */
  async unlock(ctx: RequestContext, userId: string): Promise<void> {
    const user = await this.users.get(userId);
    await this.db.transaction().execute(async (trx) => {
      const cleared = await throttle.clearSignInLocks(trx, user.email);
      await this.securityLog.record(trx, ctx, {
        kind: 'account.unlocked',
        userId: user.id,
        email: user.email,
        details: { cleared, by: 'unlock' },
      });
    });
  }

  async principalFor(userId: string, via: Principal['via'], session?: { sessionId: string; csrfToken: string }) {
    const user = await this.users.findActiveById(userId);
    return user ? toPrincipal(user, via, session) : null;
  }

  /** Who is calling: a bearer token wins over a cookie; an unknown or dead credential is no one. */
  async resolve(credentials: {
    bearer?: string | undefined;
    sessionSecret?: string | undefined;
    ip?: string | null | undefined;
  }): Promise<Principal | null> {
    if (credentials.bearer !== undefined) {
      const token = await this.sessions.resolveToken(credentials.bearer, credentials.ip ?? null);
      return token ? this.principalFor(token.userId, 'token') : null;
    }
    if (credentials.sessionSecret) {
      const session = await this.sessions.resolveSession(credentials.sessionSecret);
      return session ? this.principalFor(session.userId, 'session', session) : null;
    }
    return null;
  }

  async me(ctx: RequestContext): Promise<Me> {
    const principal = ctx.principal;
    if (!principal) throw new AppError('unauthenticated');
    const user = await this.users.get(principal.userId);
    const organization = user.organizationId
      ? await this.organizations.get(systemContext, user.organizationId).catch(() => null)
      : null;
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      organizationId: user.organizationId,
      organizationName: organization?.name ?? null,
      locale: user.locale,
      csrfToken: principal.csrfToken,
    };
  }

  async changeOwnPassword(
    ctx: RequestContext,
    currentPassword: string,
    newPassword: string,
    options: { revokeTokens?: boolean | undefined } = {},
  ): Promise<void> {
    const principal = ctx.principal;
    if (!principal) throw new AppError('unauthenticated');
    const user = await this.users.findActiveByEmail(principal.email);
    if (!user || !(await verifyPassword(user.password_hash, currentPassword))) {
      throw new AppError('validation_failed', 'The current password is wrong', {
        errors: [{ field: 'currentPassword', message: 'is wrong' }],
      });
    }
    await this.users.setPassword(ctx, principal.userId, newPassword, principal.sessionId, {
      field: 'newPassword',
      revokeTokens: options.revokeTokens === true,
    });
  }
}
