import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../test/support/databases.js';
import { buildTestApp, type Client, login, makeUser, TEST_CONFIG } from '../test/support/test-app.js';
import { buildApp } from './app.js';
import { createLogger } from './platform/logger.js';

describeOnEachDatabase('the HTTP application', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: Client;
  const webDir = mkdtempSync(join(tmpdir(), 'mesa-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Mesa test shell</title>');

  beforeAll(async () => {
    built = await buildTestApp(database(), { webDir });
    admin = await login(built, (await makeUser(built, ['admin'])).email);
  });

  it('declares a permission on every registered route', () => {
    const undeclared = built.routes.filter((route) => !route.config?.permission).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    // The walk saw the API itself, not an empty list.
    const urls = built.routes.map((r) => r.url);
    expect(urls).toEqual(expect.arrayContaining(['/api/v1/users', '/api/v1/organizations/:id', '/api/v1/auth/login']));
    const publicApi = built.routes
      .filter((r) => r.config?.permission === 'public' && r.url.startsWith('/api/v1'))
      .map((r) => r.url);
    // The mail endpoint checks its own bearer token (an MTA has no session); the sign-in's second
    // step, the identity providers' round trip and the forgotten-password link come before any
    // session exists; a survey's mailed link is answered without an account.
    expect(new Set(publicApi)).toEqual(
      new Set([
        '/api/v1/health',
        '/api/v1/auth/login',
        '/api/v1/auth/mfa',
        '/api/v1/auth/providers',
        '/api/v1/auth/oidc/:id/start',
        '/api/v1/auth/oidc/callback',
        '/api/v1/auth/forgot-password',
        '/api/v1/auth/reset-password',
        '/api/v1/mail/inbound/raw',
        '/api/v1/surveys/by-link',
        '/api/v1/surveys/by-link/answers',
        '/api/v1/campaign-surveys/by-link',
        '/api/v1/campaign-surveys/by-link/answers',
      ]),
    );
  });

  it('refuses to start when a route forgets its permission', async () => {
    const fresh = await buildApp({ database: database(), config: TEST_CONFIG, logger: createLogger('silent') });
    fresh.app.get('/api/v1/forgotten', () => 'oops');
    await expect(fresh.app.ready()).rejects.toThrow(/without a declared permission: GET \/api\/v1\/forgotten/);
  });

  it('answers health after checking the database', async () => {
    const response = await built.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await built.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/organizations', '/api/v1/users/{id}']),
    );
    expect(document.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['email', 'name', 'roles']),
    );
    expect((await built.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('sends security headers and a request id on every response', async () => {
    const response = await built.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API paths with problem+json and other paths with the web app', async () => {
    const api = await built.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toMatchObject({ status: 404, code: 'not_found', requestId: api.headers['x-request-id'] });
    const page = await built.app.inject({ method: 'GET', url: '/admin/users' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Mesa test shell');
    const staleAsset = await built.app.inject({ method: 'GET', url: '/assets/index-0ld.js' });
    expect(staleAsset.statusCode).toBe(404);
  });

  it('requires a session for anything but public routes', async () => {
    const response = await built.app.inject({ method: 'GET', url: '/api/v1/organizations' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthenticated');
  });

  it('reports every failing field of a bad body, and changes nothing', async () => {
    const response = await admin.request('POST', '/api/v1/users', {
      email: 'not-an-email',
      name: 42,
      roles: ['wizard'],
      favouriteColour: 'blue',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body.code).toBe('validation_failed');
    const fields = body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['email', 'favouriteColour', 'name', 'roles.0']);
    expect(body.errors.find((e: { field: string }) => e.field === 'favouriteColour').message).toBe(
      'is not a known field',
    );
    const users = await database().db.selectFrom('users').select('email').where('email', '=', 'not-an-email').execute();
    expect(users).toHaveLength(0);
  });

  it('names missing fields', async () => {
    const response = await admin.request('POST', '/api/v1/organizations', {});
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'is required' },
        { field: 'code', message: 'is required' },
      ]),
    );
  });

  it('does not coerce JSON types: a number is not a string', async () => {
    const response = await admin.request('POST', '/api/v1/organizations', { name: 12345, code: 'NUMERIC' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'name', message: 'must be string' }]);
  });

  it('validates query strings with coercion and reports bad values', async () => {
    const response = await admin.request('GET', '/api/v1/organizations?limit=5000&sort=name');
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['limit', 'sort']);
    expect((await admin.request('GET', '/api/v1/organizations?limit=5')).statusCode).toBe(200);
  });

  it('refuses oversized bodies, broken JSON and other content types', async () => {
    const big = await admin.request('POST', '/api/v1/organizations', { name: 'x'.repeat(300_000), code: 'BIG' });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('payload_too_large');
    const broken = await admin.request('POST', '/api/v1/organizations', '{"name": "half', {
      'content-type': 'application/json',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('bad_request');
    const form = await admin.request('POST', '/api/v1/organizations', 'name=x&code=FORM', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().code).toBe('unsupported_media_type');
  });
});
