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
import { MfaChallenge } from '../../../domain/contracts/mfa.js';
import { checkSameOrigin, sessionCookieName } from '../../platform/access-control.js';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http.js';
import type { UsersService } from '../users/users.service.js';
import type { AuthService } from './auth.service.js';
import type { MfaService } from './mfa.service.js';
import { openSession } from './session-cookie.js';
import type { SessionsService } from './sessions.service.js';

interface Deps {
  auth: AuthService;
  sessions: SessionsService;
  users: UsersService;
  mfa: MfaService;
  secureCookies: boolean;
}

const tags = ['auth'];

function principalOf(ctx: { principal: { userId: string } | null }) {
  if (!ctx.principal) throw new AppError('unauthenticated');
  return ctx.principal;
}

export function registerAuthRoutes(app: App, { auth, sessions, users, mfa, secureCookies }: Deps) {
  app.post(
    '/auth/login',
    {
      config: { permission: 'public' },
      schema: { tags, body: LoginBody, response: { 200: Type.Union([Me, MfaChallenge]) } },
    },
    async (request, reply) => {
      checkSameOrigin(request);
      const meta = {
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
      };
      const user = await auth.checkCredentials(request.body.email, request.body.password, meta);
      // Enrolled in a second factor: no session yet, a short-lived challenge for POST /auth/mfa.
      if (await mfa.isEnrolled(user.id)) return mfa.startChallenge(user.id);
      return openSession(request, reply, { auth, sessions, secureCookies }, user.id);
    },
  );

  app.post(
    '/auth/logout',
    { config: { permission: 'authenticated', beforeMfa: true }, schema: { tags, response: { 200: Ok } } },
    async (request, reply) => {
      if (request.principal?.sessionId) await sessions.endSession(request.principal.sessionId);
      reply.clearCookie(sessionCookieName(secureCookies), { path: '/' });
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/me',
    { config: { permission: 'authenticated', beforeMfa: true }, schema: { tags, response: { 200: Me } } },
    (request) => auth.me(request.ctx),
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
