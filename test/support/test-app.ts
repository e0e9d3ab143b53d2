import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../domain/roles.js';
import { buildApp } from '../../server/app.js';
import type { MailConfig, WebhooksConfig } from '../../server/config.js';
import type { Database } from '../../server/db/connect.js';
import type { Clock } from '../../server/platform/clock.js';
import { createLogger } from '../../server/platform/logger.js';
import { systemContext } from '../../server/platform/request-context.js';
import { SecretBox } from '../../server/platform/secret-box.js';

/** This test process's MESA_SECRET_KEY. */
export const TEST_SECRET_KEY = randomBytes(32);

export const TEST_CONFIG = {
  secureCookies: false,
  trustProxy: false,
  logLevel: 'silent',
  webDir: 'dist/web',
  sessionTtlHours: 12,
  dataDir: mkdtempSync(join(tmpdir(), 'mesa-files-')),
  /** A key of this test process: secrets are sealed in tests as in production. */
  secrets: new SecretBox({ current: TEST_SECRET_KEY, previous: [] }),
} as const;

export async function buildTestApp(
  database: Database,
  options: {
    clock?: Clock;
    webDir?: string;
    mail?: MailConfig;
    webhooks?: WebhooksConfig;
    clamd?: string;
    /** Accept an http:// identity provider on loopback (browser tests of OIDC sign-in). */
    oidcOptions?: { allowHttpIssuer: boolean };
  } = {},
) {
  const built = await buildApp({
    database,
    config: {
      ...TEST_CONFIG,
      webDir: options.webDir ?? TEST_CONFIG.webDir,
      ...(options.mail ? { mail: options.mail } : {}),
      ...(options.webhooks ? { webhooks: options.webhooks } : {}),
      ...(options.clamd ? { clamd: options.clamd } : {}),
      ...(options.oidcOptions ? { oidcOptions: options.oidcOptions } : {}),
    },
    logger: createLogger('silent'),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await built.app.ready();
  return built;
}

export type Built = Awaited<ReturnType<typeof buildTestApp>>;

let counter = 0;
export const TEST_PASSWORD = 'correct horse battery';

/** A user made directly through the service (no HTTP), with a known password. */
export async function makeUser(
  built: Built,
  roles: Role[],
  organizationId: string | null = null,
  overrides: { email?: string; name?: string } = {},
) {
  counter += 1;
  return built.services.users.create(systemContext, {
    email: overrides.email ?? `${roles.join('-')}-${counter}-${Date.now()}@test.mesa`,
    name: overrides.name ?? `Test ${roles.join(' ')} ${counter}`,
    roles,
    organizationId,
    password: TEST_PASSWORD,
  });
}

export async function makeOrganization(built: Built, name?: string) {
  counter += 1;
  return built.services.organizations.create(systemContext, {
    name: name ?? `Org ${counter}`,
    code: `ORG${counter}-${Date.now() % 1_000_000}`,
  });
}

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF token on changes. */
export interface Client {
  cookie: string;
  csrfToken: string;
  request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name === 'mesa_session');
  return cookie?.value;
}

export async function login(built: Built, email: string, password = TEST_PASSWORD): Promise<Client> {
  const response = await built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const secret = sessionCookieOf(response);
  if (!secret) throw new Error('login set no session cookie');
  const cookie = `mesa_session=${secret}`;
  const csrfToken = response.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    request: (method, url, body, headers = {}) =>
      built.app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrfToken, ...headers },
        ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
      }),
  };
}
