import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import Provider from 'oidc-provider';
import { Secret, TOTP } from 'otpauth';
import type { Role } from '../../domain/roles.js';
import { buildApp } from '../../server/app.js';
import type { WebhooksConfig } from '../../server/config.js';
import type { Database } from '../../server/db/connect.js';
import type { Clock } from '../../server/platform/clock.js';
import { createLogger } from '../../server/platform/logger.js';
import { TEST_CONFIG } from './test-app.js';

/** The test app with the sign-in settings a test chooses (second factor, lifetimes, HTTPS cookies, OIDC). */
export async function buildAuthApp(
  database: Database,
  options: {
    clock?: Clock;
    /** MESA_MFA_REQUIRED_FOR as the environment would set it; absent leaves it to the desk setting. */
    mfaRequiredFor?: Role[];
    sessionTtlHours?: number;
    sessionMaxHours?: number;
    secureCookies?: boolean;
    webhooks?: WebhooksConfig;
  } = {},
) {
  const built = await buildApp({
    database,
    config: {
      ...TEST_CONFIG,
      secureCookies: options.secureCookies ?? false,
      sessionTtlHours: options.sessionTtlHours ?? TEST_CONFIG.sessionTtlHours,
      ...(options.sessionMaxHours ? { sessionMaxHours: options.sessionMaxHours } : {}),
      mfaRequiredFor: options.mfaRequiredFor ?? null,
      oidcOptions: { allowHttpIssuer: true },
      ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    },
    logger: createLogger('silent'),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await built.app.ready();
  return built;
}

/** The code an authenticator app shows for this secret at this instant. */
export function totpCode(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: at.getTime(),
  });
}

export function cookieOf(response: LightMyRequestResponse, name: string): string | undefined {
  return response.cookies.find((c) => c.name === name)?.value;
}

export interface TestAccount {
  email: string;
  email_verified: boolean;
  name: string;
  groups?: string[];
}

/** Where the app under `inject` says the provider should send the browser back. */
export const TEST_REDIRECT_URI = 'http://localhost/api/v1/auth/oidc/callback';

/**
 * A real OpenID Connect provider (oidc-provider) on loopback, with one client for Mesa. The
 * interaction (login and consent screens) is answered by code: whoever `signInAs` names. A browser
 * test passes the Mesa it runs as `redirectUri`.
 */
export async function startTestProvider(options: { redirectUri?: string } = {}) {
  const redirectUri = options.redirectUri ?? TEST_REDIRECT_URI;
  const accounts = new Map<string, TestAccount>();
  let signInAs = '';
  // Listen first: the issuer must name the port, and the provider is made with its issuer.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'mesa',
        client_secret: 'mesa-secret-for-tests-only',
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
  });
  const callback = provider.callback();
  handle = async (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      try {
        const details = await provider.interactionDetails(req, res);
        const grant = new provider.Grant({ accountId: signInAs, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: signInAs }, consent: { grantId } },
          {
            mergeWithLastSubmission: false,
          },
        );
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
      return;
    }
    callback(req, res);
  };

  return {
    issuer,
    accounts,
    /** Who the provider signs in next, when a browser goes through it. */
    signInAs(subject: string) {
      signInAs = subject;
    },
    /**
     * Follows the browser from the authorization URL through the provider until it is sent back to
     * Mesa, keeping the provider's cookies; answers the callback URL (path and query).
     */
    async authorize(authorizationUrl: string, subject: string): Promise<string> {
      signInAs = subject;
      const jar = new Map<string, string>();
      let url = authorizationUrl;
      const hops: string[] = [];
      for (let hop = 0; hop < 10; hop += 1) {
        hops.push(url);
        const response = await fetch(url, {
          redirect: 'manual',
          headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
        });
        for (const set of response.headers.getSetCookie()) {
          const [pair] = set.split(';');
          const at = pair?.indexOf('=') ?? -1;
          if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
        }
        const location = response.headers.get('location');
        if (!location)
          throw new Error(`the provider stopped (${hops.join(' → ')}): ${response.status} ${await response.text()}`);
        const next = new URL(location, url);
        const back = new URL(redirectUri);
        if (next.origin === back.origin && next.pathname === back.pathname) return `${next.pathname}${next.search}`;
        url = next.href;
      }
      throw new Error('too many redirects at the provider');
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A six-digit code that is surely wrong for this secret around this instant (not one of the accepted steps). */
export function wrongCode(secret: string, at: Date, start = 0): string {
  const accepted = new Set([-30_000, 0, 30_000].map((offset) => totpCode(secret, new Date(at.getTime() + offset))));
  let n = start;
  while (accepted.has(String(n).padStart(6, '0'))) n += 1;
  return String(n).padStart(6, '0');
}
