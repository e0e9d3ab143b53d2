import type { Kysely } from 'kysely';
import type { Me } from '../../../domain/contracts/auth.js';
import type { User } from '../../../domain/contracts/users.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { verifyPassword } from '../../platform/passwords.js';
import { type Principal, type RequestContext, systemContext } from '../../platform/request-context.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import type { UsersService } from '../users/users.service.js';
import { clearAttempts, countAttempt, findThrottle } from './login-throttle.repository.js';
import type { SessionsService } from './sessions.service.js';

export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  perAccount: 5,
  perAddress: 50,
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
}

export class AuthService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly organizations: OrganizationsService,
  ) {}

  /**
   * Each attempt is counted *before* the password is checked, so twenty parallel guesses
   * get twenty distinct counts and only the first few are ever verified.
   */
  private async admitAttempt(key: string, limit: number): Promise<void> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - LOGIN_LIMITS.windowMs).toISOString();
    const attempts = await countAttempt(this.db, key, now.toISOString(), windowStart);
    if (attempts > limit) {
      const throttle = await findThrottle(this.db, key);
      const retryAt = throttle ? Date.parse(throttle.window_started_at) + LOGIN_LIMITS.windowMs : now.getTime();
      const retryAfter = Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000));
      throw new AppError(
        'login_locked',
        `Too many failed attempts; try again in ${Math.ceil(retryAfter / 60)} minutes`,
        {
          headers: { 'retry-after': String(retryAfter) },
        },
      );
    }
  }

  async login(email: string, password: string, meta: ClientMeta) {
    const user = await this.checkCredentials(email, password, meta);
    // A new session id at every login: a session fixed before sign-in is never promoted.
    const session = await this.sessions.startSession(user.id, meta);
    return { ...session, userId: user.id };
  }

  /** The person behind a right email and password, throttled; the session (or second step) is the caller's. */
  async checkCredentials(email: string, password: string, meta: ClientMeta) {
    const accountKey = `account:${email.trim().toLowerCase()}`;
    await this.admitAttempt(accountKey, LOGIN_LIMITS.perAccount);
    if (meta.ip) await this.admitAttempt(`address:${meta.ip}`, LOGIN_LIMITS.perAddress);
    const user = await this.users.findActiveByEmail(email);
    const valid = await verifyPassword(user?.password_hash ?? null, password);
    if (!user || !valid) throw new AppError('invalid_credentials');
    await clearAttempts(this.db, accountKey);
    return user;
  }

  async principalFor(userId: string, via: Principal['via'], session?: { sessionId: string; csrfToken: string }) {
    const user = await this.users.findActiveById(userId);
    return user ? toPrincipal(user, via, session) : null;
  }

  /** Who is calling: a bearer token wins over a cookie; an unknown or dead credential is no one. */
  async resolve(credentials: {
    bearer?: string | undefined;
    sessionSecret?: string | undefined;
  }): Promise<Principal | null> {
    if (credentials.bearer !== undefined) {
      const token = await this.sessions.resolveToken(credentials.bearer);
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

  async changeOwnPassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
    const principal = ctx.principal;
    if (!principal) throw new AppError('unauthenticated');
    const user = await this.users.findActiveByEmail(principal.email);
    if (!user || !(await verifyPassword(user.password_hash, currentPassword))) {
      throw new AppError('validation_failed', 'The current password is wrong', {
        errors: [{ field: 'currentPassword', message: 'is wrong' }],
      });
    }
    await this.users.setPassword(ctx, principal.userId, newPassword, principal.sessionId);
  }
}
