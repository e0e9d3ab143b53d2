import { Me } from '../../../domain/contracts/auth.js';
import { IdParams, Ok } from '../../../domain/contracts/common.js';
import { CodeBody, MfaSignInBody, MfaStatus, RecoveryCodes, TotpEnrolment } from '../../../domain/contracts/mfa.js';
import { checkSameOrigin } from '../../platform/access-control.js';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http.js';
import type { Principal } from '../../platform/request-context.js';
import type { MfaService } from './mfa.service.js';
import { openSession, type SessionDeps } from './session-cookie.js';

interface Deps extends SessionDeps {
  mfa: MfaService;
}

const tags = ['auth'];

function principalOf(ctx: { principal: Principal | null }): Principal {
  if (!ctx.principal) throw new AppError('unauthenticated');
  return ctx.principal;
}

/** The second sign-in factor: enrolment and removal on one's account, the sign-in step, an admin's reset. */
export function registerMfaRoutes(app: App, deps: Deps) {
  const { mfa } = deps;
  // Open before enrolment even when the desk requires it: these are how one enrols.
  const enrolment = { permission: 'authenticated', beforeMfa: true } as const;

  app.get('/me/mfa', { config: enrolment, schema: { tags, response: { 200: MfaStatus } } }, (request) =>
    mfa.status(principalOf(request.ctx)),
  );

  app.post('/me/mfa/totp', { config: enrolment, schema: { tags, response: { 200: TotpEnrolment } } }, (request) =>
    mfa.startEnrolment(principalOf(request.ctx)),
  );

  app.post(
    '/me/mfa/totp/confirm',
    { config: enrolment, schema: { tags, body: CodeBody, response: { 200: RecoveryCodes } } },
    (request) => mfa.confirmEnrolment(request.ctx, principalOf(request.ctx), request.body.code),
  );

  app.post(
    '/me/mfa/totp/disable',
    { config: { permission: 'authenticated' }, schema: { tags, body: CodeBody, response: { 200: Ok } } },
    async (request) => {
      await mfa.disable(request.ctx, principalOf(request.ctx), request.body.code);
      return { status: 'ok' as const };
    },
  );

  app.post(
    '/users/:id/mfa/reset',
    { config: { permission: 'users.manage' }, schema: { tags: ['users'], params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await mfa.reset(request.ctx, request.params.id);
      return { status: 'ok' as const };
    },
  );

  app.post(
    '/auth/mfa',
    { config: { permission: 'public' }, schema: { tags, body: MfaSignInBody, response: { 200: Me } } },
    async (request, reply) => {
      checkSameOrigin(request);
      const userId = await mfa.completeChallenge(request.body.challenge, request.body.code);
      return openSession(request, reply, deps, userId);
    },
  );
}
