import { Type } from 'typebox';
import {
  ApiToken,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  LoginBody,
  Me,
  SignInLock,
  UpdateMeBody,
} from '../../../domain/contracts/auth.js';
import { IdParams, Ok } from '../../../domain/contracts/common.js';
import { checkSameOrigin, SESSION_COOKIE } from '../../platform/access-control.js';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http.js';
import type { UsersService } from '../users/users.service.js';
import type { AuthService } from './auth.service.js';
import type { SessionsService } from './sessions.service.js';

interface Deps {
  auth: AuthService;
  sessions: SessionsService;
  users: UsersService;
  secureCookies: boolean;
}

const tags = ['auth'];

function principalOf(ctx: { principal: { userId: string } | null }) {
  if (!ctx.principal) throw new AppError('unauthenticated');
  return ctx.principal;
}

export function registerAuthRoutes(app: App, { auth, sessions, users, secureCookies }: Deps) {
  app.post(
    '/auth/login',
    { config: { permission: 'public' }, schema: { tags, body: LoginBody, response: { 200: Me } } },
    async (request, reply) => {
      checkSameOrigin(request);
      const meta = {
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
      };
      const session = await auth.login(request.body.email, request.body.password, meta);
      // Rotation: whatever session the browser had before signing in is ended.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) {
        const old = await sessions.resolveSession(previous);
        if (old) await sessions.endSession(old.sessionId);
      }
      reply.setCookie(SESSION_COOKIE, session.secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        expires: new Date(session.expiresAt),
      });
      const principal = await auth.principalFor(session.userId, 'session', session);
      return auth.me({ ...request.ctx, principal });
    },
  );

  app.post(
    '/auth/logout',
    { config: { permission: 'authenticated' }, schema: { tags, response: { 200: Ok } } },
    async (request, reply) => {
      if (request.principal?.sessionId) await sessions.endSession(request.principal.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { status: 'ok' as const };
    },
  );

  app.get('/me', { config: { permission: 'authenticated' }, schema: { tags, response: { 200: Me } } }, (request) =>
    auth.me(request.ctx),
  );

  app.patch(
    '/me',
    { config: { permission: 'authenticated' }, schema: { tags, body: UpdateMeBody, response: { 200: Me } } },
    async (request) => {
      const { userId } = principalOf(request.ctx);
      const current = await users.get(userId);
      await users.update(request.ctx, userId, { version: current.version, ...request.body });
      return auth.me(request.ctx);
    },
  );

  app.post(
    '/me/password',
    { config: { permission: 'authenticated' }, schema: { tags, body: ChangePasswordBody, response: { 200: Ok } } },
    async (request) => {
      await auth.changeOwnPassword(request.ctx, request.body.currentPassword, request.body.newPassword, {
        revokeTokens: request.body.revokeTokens,
      });
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/users/:id/sign-in-lock',
    {
      config: { permission: 'users.manage' },
      schema: { tags, params: IdParams, response: { 200: SignInLock } },
    },
    (request) => auth.lockState(request.params.id),
  );

  app.post(
    '/users/:id/unlock',
    { config: { permission: 'users.manage' }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await auth.unlock(request.ctx, request.params.id);
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/me/tokens',
    {
      config: { permission: 'authenticated' },
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(ApiToken) }) } },
    },
    async (request) => ({ items: await sessions.listTokens(principalOf(request.ctx).userId) }),
  );

  app.post(
    '/me/tokens',
    {
      config: { permission: 'authenticated' },
      schema: { tags, body: CreateApiTokenBody, response: { 201: CreatedApiToken } },
    },
    async (request, reply) => {
      const created = await sessions.createToken(request.ctx, principalOf(request.ctx).userId, request.body);
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/me/tokens/:id',
    { config: { permission: 'authenticated' }, schema: { tags, params: IdParams, response: { 200: ApiToken } } },
    (request) => sessions.revokeToken(request.ctx, principalOf(request.ctx).userId, request.params.id),
  );
}
