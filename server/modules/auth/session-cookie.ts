import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Me } from '../../../domain/contracts/auth.js';
import { sessionCookieName } from '../../platform/access-control.js';
import type { AuthService } from './auth.service.js';
import type { SessionsService } from './sessions.service.js';

export interface SessionDeps {
  auth: AuthService;
  sessions: SessionsService;
  secureCookies: boolean;
}

/**
 * Opens a session for someone who has just proved who they are (password, second factor, or an
 * identity provider) and sets its cookie. Whatever session the browser had before is ended
 * (rotation: a session fixed before sign-in is never promoted).
 */
export async function openSession(
  request: FastifyRequest,
  reply: FastifyReply,
  { auth, sessions, secureCookies }: SessionDeps,
  userId: string,
): Promise<Me> {
  const cookieName = sessionCookieName(secureCookies);
  const meta = { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
  const previous = request.cookies[cookieName];
  if (previous) {
    const old = await sessions.resolveSession(previous);
    if (old) await sessions.endSession(old.sessionId);
  }
  const session = await sessions.startSession(userId, meta);
  reply.setCookie(cookieName, session.secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies,
    expires: new Date(session.expiresAt),
  });
  const principal = await auth.principalFor(userId, 'session', session);
  return auth.me({ ...request.ctx, principal });
}
