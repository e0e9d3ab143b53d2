import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IdParams, ItemsOf, Ok } from '../../../domain/contracts/common.js';
import {
  CreateIdentityProviderBody,
  IdentityProvider,
  SignInProvider,
  UpdateIdentityProviderBody,
} from '../../../domain/contracts/mfa.js';
import type { App } from '../../platform/http.js';
import type { MfaService } from './mfa.service.js';
import type { OidcService } from './oidc.service.js';
import { openSession, type SessionDeps } from './session-cookie.js';

interface Deps extends SessionDeps {
  mfa: MfaService;
  oidc: OidcService;
  mailConfig: { publicUrl: string | null };
}

const tags = ['auth'];
const CALLBACK = '/api/v1/auth/oidc/callback';
const STATE_COOKIE = 'mesa_oidc';
const STATE_MS = 10 * 60_000;

/** Where the provider sends the browser back: the public address when configured, else the one asked. */
function redirectUri(request: FastifyRequest, publicUrl: string | null): string {
  // In URL's own form (no default port), as openid-client sends it at the token endpoint.
  return new URL(`${publicUrl ?? `${request.protocol}://${request.host}`}${CALLBACK}`).href;
}

export function registerOidcRoutes(app: App, deps: Deps) {
  const { oidc, mfa, secureCookies, mailConfig } = deps;
  // The state cookie binds the provider's answer to the browser that started it (login CSRF);
  // SameSite=Lax still sends it on the provider's top-level redirect back.
  const stateCookie = secureCookies ? `__Host-${STATE_COOKIE}` : STATE_COOKIE;

  app.get(
    '/auth/providers',
    { config: { permission: 'public' }, schema: { tags, response: { 200: ItemsOf(SignInProvider) } } },
    async () => ({ items: await oidc.forSignIn() }),
  );

  app.get(
    '/auth/oidc/:id/start',
    { config: { permission: 'public' }, schema: { tags, params: IdParams } },
    async (request, reply) => {
      const { url, state } = await oidc.start(request.params.id, redirectUri(request, mailConfig.publicUrl));
      reply.setCookie(stateCookie, state, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        maxAge: STATE_MS / 1000,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        querystring: Type.Object(
          { state: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: true },
        ),
      },
    },
    async (request, reply) => {
      const cookieState = request.cookies[stateCookie];
      reply.clearCookie(stateCookie, { path: '/' });
      const here = new URL(request.url, 'http://callback.invalid');
      const userId = await oidc.finish(here, cookieState, redirectUri(request, mailConfig.publicUrl));
      if (await mfa.isEnrolled(userId)) {
        // The fragment never reaches a server or a log; the sign-in page finishes with the code.
        const { challenge } = await mfa.startChallenge(userId);
        return reply.redirect(`/login#mfa=${encodeURIComponent(challenge)}`, 302);
      }
      await openSession(request, reply, deps, userId);
      return reply.redirect('/', 302);
    },
  );

  app.get(
    '/identity-providers',
    { config: { permission: 'settings.manage' }, schema: { tags, response: { 200: ItemsOf(IdentityProvider) } } },
    async () => ({ items: await oidc.list() }),
  );

  app.post(
    '/identity-providers',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, body: CreateIdentityProviderBody, response: { 201: IdentityProvider } },
    },
    async (request, reply) => reply.code(201).send(await oidc.create(request.ctx, request.body)),
  );

  app.patch(
    '/identity-providers/:id',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, params: IdParams, body: UpdateIdentityProviderBody, response: { 200: IdentityProvider } },
    },
    (request) => oidc.update(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/identity-providers/:id',
    { config: { permission: 'settings.manage' }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await oidc.remove(request.ctx, request.params.id);
      return { status: 'ok' as const };
    },
  );
}
