import type { FastifyRequest } from 'fastify';
import { rolesGrant } from '../../domain/permissions.js';
import { AppError } from './errors.js';
import type { App } from './http.js';
import { sameSecret } from './ids.js';
import { checkPermission } from './policies.js';
import type { Principal } from './request-context.js';

export const SESSION_COOKIE = 'mesa_session';
/**
 * Over HTTPS the session cookie takes the `__Host-` prefix: browsers then accept it only when
 * Secure, with path "/" and no Domain, so a sibling subdomain cannot plant or overwrite it.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

export function sessionCookieName(secureCookies: boolean): string {
  return secureCookies ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export interface AccessControlOptions {
  /** The session cookie's name (sessionCookieName). */
  sessionCookie?: string;
  /** Whether this caller must enrol a second factor before anything but the routes marked `beforeMfa`. */
  mustEnrolMfa?: (principal: Principal) => Promise<boolean>;
}
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type ResolvePrincipal = (credentials: {
  bearer?: string;
  sessionSecret?: string;
  /** The caller's address, so a token's last use (and a use from a new address) is known. */
  ip?: string | null;
}) => Promise<Principal | null>;

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>"');
  return match[1];
}

/**
 * Who is calling, and may they: resolves the session cookie or bearer token, checks CSRF on
 * cookie-authenticated changes, then the permission the route declared — all before the body
 * is parsed, so a caller without the permission learns nothing from validation errors.
 */
export function registerAccessControl(
  app: App,
  resolvePrincipal: ResolvePrincipal,
  options: AccessControlOptions = {},
): void {
  const cookieName = options.sessionCookie ?? SESSION_COOKIE;
  app.decorateRequest('principal', null);
  app.decorateRequest('ctx', null as never);
  app.addHook('onRequest', async (request) => {
    request.ctx = { principal: null, requestId: String(request.id), ip: request.ip ?? null };
    if (request.is404) return;
    const permission = request.routeOptions.config.permission;
    if (!permission) throw new AppError('internal', 'Route has no declared permission');
    // Public routes ignore credentials: a stale cookie must not stand between a user and signing in.
    if (permission === 'public') return;
    const bearer = bearerOf(request);
    const sessionSecret = bearer === undefined ? request.cookies[cookieName] : undefined;
    if (bearer !== undefined || sessionSecret) {
      const principal = await resolvePrincipal({
        ...(bearer !== undefined ? { bearer } : {}),
        ...(sessionSecret ? { sessionSecret } : {}),
        ip: request.ip ?? null,
      });
      if (principal?.via === 'session' && !SAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !principal.csrfToken || !sameSecret(sent, principal.csrfToken)) {
          throw new AppError('csrf_failed', `Send the session's CSRF token in the ${CSRF_HEADER} header`);
        }
      }
      if (bearer !== undefined && !principal)
        throw new AppError('unauthenticated', 'The API token is unknown, expired or revoked');
      request.principal = principal;
      request.ctx.principal = principal;
      if (principal && !request.routeOptions.config.beforeMfa && (await options.mustEnrolMfa?.(principal))) {
        throw new AppError('mfa_enrolment_required');
      }
    }
    const hiddenWithout = request.routeOptions.config.hiddenWithout;
    if (hiddenWithout && request.principal && !rolesGrant(request.principal.roles, hiddenWithout)) {
      throw new AppError('not_found', 'Not found');
    }
    checkPermission(request.principal, permission);
  });
}

/** For routes used without a session (sign-in): refuse a cross-site browser post by its Origin. */
export function checkSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  const host = request.headers['x-forwarded-host'] ?? request.headers.host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError('csrf_failed', 'Unreadable Origin header');
  }
  if (originHost !== host) throw new AppError('csrf_failed', 'Cross-site sign-in is not allowed');
}
