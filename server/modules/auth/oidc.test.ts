import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildAuthApp, cookieOf, startTestProvider } from '../../../test/support/auth-app.js';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { login, makeOrganization, makeUser } from '../../../test/support/test-app.js';

describeOnEachDatabase('sign-in with OpenID Connect', (database) => {
  let built: Awaited<ReturnType<typeof buildAuthApp>>;
  let idp: Awaited<ReturnType<typeof startTestProvider>>;
  let admin: Awaited<ReturnType<typeof login>>;

  beforeAll(async () => {
    idp = await startTestProvider();
    built = await buildAuthApp(database());
    admin = await login(built, (await makeUser(built, ['admin'])).email);
  });
  afterAll(async () => {
    await built.app.close();
    await idp.close();
  });

  async function addProvider(body: Record<string, unknown>) {
    const response = await admin.request('POST', '/api/v1/identity-providers', {
      name: 'Corp SSO',
      issuer: idp.issuer,
      clientId: 'mesa',
      clientSecret: 'mesa-secret-for-tests-only',
      organizationId: null,
      defaultRole: 'agent',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  }

  /** Start at Mesa, go through the provider as `subject`, and come back: the callback's answer. */
  async function signIn(providerId: string, subject: string) {
    const start = await built.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${providerId}/start` });
    expect(start.statusCode, start.body).toBe(302);
    const state = cookieOf(start, 'mesa_oidc') as string;
    const callbackPath = await idp.authorize(start.headers.location as string, subject);
    return built.app.inject({ method: 'GET', url: callbackPath, headers: { cookie: `mesa_oidc=${state}` } });
  }

  it('creates a staff account on first sign-in with the roles the claim maps to, and signs it in', async () => {
    const provider = await addProvider({ roleClaim: 'groups', roleMapping: { 'desk-leads': 'supervisor' } });
    idp.accounts.set('lead-1', {
      email: 'lead1@corp.test',
      email_verified: true,
      name: 'Lea Lead',
      groups: ['desk-leads', 'x'],
    });
    const back = await signIn(provider.id, 'lead-1');
    expect(back.statusCode, back.body).toBe(302);
    expect(back.headers.location).toBe('/');
    const session = cookieOf(back, 'mesa_session');
    const me = await built.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `mesa_session=${session}` },
    });
    expect(me.json()).toMatchObject({
      email: 'lead1@corp.test',
      name: 'Lea Lead',
      roles: ['supervisor'],
      organizationId: null,
    });
    // A second sign-in finds the same person by the provider's subject.
    const again = await signIn(provider.id, 'lead-1');
    expect(again.statusCode).toBe(302);
    expect((await built.services.users.findByEmail('lead1@corp.test'))?.roles).toEqual(['supervisor']);
  });

  it("makes requesters of an organization's provider, and matches an existing account by verified email", async () => {
    const organization = await makeOrganization(built);
    const existing = await makeUser(built, ['requester'], organization.id, { email: 'ana@client.test' });
    const provider = await addProvider({
      name: 'Client SSO',
      organizationId: organization.id,
      defaultRole: 'requester',
    });
    idp.accounts.set('ana', { email: 'ana@client.test', email_verified: true, name: 'Ana' });
    idp.accounts.set('bo', { email: 'bo@client.test', email_verified: true, name: 'Bo', groups: ['admins'] });
    const ana = await signIn(provider.id, 'ana');
    const anaMe = await built.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `mesa_session=${cookieOf(ana, 'mesa_session')}` },
    });
    expect(anaMe.json()).toMatchObject({ id: existing.id, roles: ['requester'] });
    await signIn(provider.id, 'bo');
    expect(await built.services.users.findByEmail('bo@client.test')).toMatchObject({
      roles: ['requester'],
      organizationId: organization.id,
    });
  });

  it('lists enabled providers for the sign-in page without their secrets', async () => {
    const response = await built.app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { name: string; startUrl: string }[];
    expect(items.map((p) => p.name)).toContain('Corp SSO');
    expect(items[0]?.startUrl).toMatch(/^\/api\/v1\/auth\/oidc\/.+\/start$/);
    expect(response.body).not.toContain('mesa-secret-for-tests-only');
    const listed = await admin.request('GET', '/api/v1/identity-providers');
    expect(listed.body).not.toContain('mesa-secret-for-tests-only');
  });

  it('edits a provider: a new name, disabled and enabled again, the secret kept when not sent and never shown', async () => {
    const provider = (await addProvider({ name: 'Edit Me' })) as { id: string; version: number };
    const renamed = await admin.request('PATCH', `/api/v1/identity-providers/${provider.id}`, {
      version: provider.version,
      name: 'Edited SSO',
      enabled: false,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Edited SSO', enabled: false, version: 2 });
    expect(renamed.body).not.toContain('mesa-secret-for-tests-only');
    const offered = await built.app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    expect((offered.json().items as { id: string }[]).map((p) => p.id)).not.toContain(provider.id);
    const refused = await built.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${provider.id}/start` });
    expect(refused.statusCode).toBe(404);

    const enabled = await admin.request('PATCH', `/api/v1/identity-providers/${provider.id}`, {
      version: 2,
      enabled: true,
    });
    expect(enabled.statusCode, enabled.body).toBe(200);
    // The stored secret still works: the code exchange at the provider succeeds.
    idp.accounts.set('kept-1', { email: 'kept1@corp.test', email_verified: true, name: 'Kept' });
    const back = await signIn(provider.id, 'kept-1');
    expect(back.statusCode, back.body).toBe(302);
    expect(back.headers.location).toBe('/');
    const audit = await built.services.audit.list({ entityType: 'identity_provider', entityId: provider.id });
    expect(audit.items.map((event) => event.action)).toContain('identity_provider.updated');
    expect(JSON.stringify(audit)).not.toContain('mesa-secret-for-tests-only');
  });

  it('uses a new client secret once sent, and refuses a stale version or bad fields, changing nothing', async () => {
    const provider = (await addProvider({ name: 'Secret Change' })) as { id: string; version: number };
    const wrongSecret = await admin.request('PATCH', `/api/v1/identity-providers/${provider.id}`, {
      version: 1,
      clientSecret: 'not-the-secret',
    });
    expect(wrongSecret.statusCode, wrongSecret.body).toBe(200);
    idp.accounts.set('secret-1', { email: 'secret1@corp.test', email_verified: true, name: 'S' });
    const refused = await signIn(provider.id, 'secret-1');
    expect(refused.statusCode).toBe(401);

    const stale = await admin.request('PATCH', `/api/v1/identity-providers/${provider.id}`, {
      version: 1,
      name: 'Stale',
    });
    expect(stale.statusCode).toBe(409);
    const bad = await admin.request('PATCH', `/api/v1/identity-providers/${provider.id}`, {
      version: 2,
      name: 'Bad',
      defaultRole: 'requester',
      roleMapping: { x: 'requester' },
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'defaultRole',
      'roleMapping',
    ]);
    const listed = (await admin.request('GET', '/api/v1/identity-providers')).json().items as {
      id: string;
      name: string;
      version: number;
    }[];
    expect(listed.find((p) => p.id === provider.id)).toMatchObject({ name: 'Secret Change', version: 2 });
  });

  it('unlinks the matched accounts when the issuer or the scope changes, so they match again by verified email', async () => {
    const organization = await makeOrganization(built);
    const provider = (await addProvider({ name: 'Moving SSO' })) as { id: string; version: number };
    idp.accounts.set('staff-move', { email: 'move@corp.test', email_verified: true, name: 'Mo' });
    expect((await signIn(provider.id, 'staff-move')).headers.location).toBe('/');
    const moved = await admin.request('PATCH', `/api/v1/identity-providers/${provider.id}`, {
      version: 1,
      organizationId: organization.id,
      defaultRole: 'requester',
      roleMapping: {},
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // Linked before, the staff account would have signed in by its subject; now the client's
    // provider must match it by email, and a staff account is not the client's to sign in.
    const after = await signIn(provider.id, 'staff-move');
    expect(after.statusCode).toBe(403);
  });
});
