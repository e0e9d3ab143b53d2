import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashSecret } from '../../server/platform/ids.js';
import { buildAuthApp, cookieOf, startTestProvider, totpCode, wrongCode } from '../support/auth-app.js';
import { describeOnEachDatabase } from '../support/databases.js';
import { buildTestApp, login, makeOrganization, makeUser, TEST_PASSWORD } from '../support/test-app.js';

/** Attacks on the second factor and on sign-in with an identity provider; each must change nothing. */
describeOnEachDatabase('hostile: second factor and OpenID Connect', (database) => {
  let built: Awaited<ReturnType<typeof buildAuthApp>>;
  let idp: Awaited<ReturnType<typeof startTestProvider>>;
  let admin: Awaited<ReturnType<typeof login>>;
  let staffProvider: { id: string };

  beforeAll(async () => {
    idp = await startTestProvider();
    built = await buildAuthApp(database());
    admin = await login(built, (await makeUser(built, ['admin'])).email);
    staffProvider = await addProvider({ roleClaim: 'groups', roleMapping: { 'mesa-agents': 'agent' } });
  });
  afterAll(async () => {
    await built.app.close();
    await idp.close();
  });

  async function addProvider(body: Record<string, unknown>) {
    const response = await admin.request('POST', '/api/v1/identity-providers', {
      name: 'SSO',
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

  /** Starts at Mesa and goes through the provider: the state cookie and the callback path. */
  async function throughProvider(providerId: string, subject: string) {
    const start = await built.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${providerId}/start` });
    const state = cookieOf(start, 'mesa_oidc') as string;
    return { state, callback: await idp.authorize(start.headers.location as string, subject) };
  }

  const callback = (path: string, state?: string) =>
    built.app.inject({ method: 'GET', url: path, headers: state ? { cookie: `mesa_oidc=${state}` } : {} });

  async function enrolledUser() {
    const user = await makeUser(built, ['agent']);
    const client = await login(built, user.email);
    const { secret } = (await client.request('POST', '/api/v1/me/mfa/totp')).json();
    await client.request('POST', '/api/v1/me/mfa/totp/confirm', { code: totpCode(secret, new Date()) });
    return { user, secret };
  }

  const passwordStep = (email: string) =>
    built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });

  it("refuses a provider's answer brought back by another browser (state cookie missing or different)", async () => {
    idp.accounts.set('victim', { email: 'victim@corp.test', email_verified: true, name: 'Victim' });
    const attacker = await throughProvider(staffProvider.id, 'victim');
    const other = await built.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${staffProvider.id}/start` });
    const noCookie = await callback(attacker.callback);
    const wrongCookie = await callback(attacker.callback, cookieOf(other, 'mesa_oidc'));
    expect([noCookie.statusCode, wrongCookie.statusCode]).toEqual([401, 401]);
    expect(cookieOf(noCookie, 'mesa_session')).toBeUndefined();
    expect(await built.services.users.findByEmail('victim@corp.test')).toBeUndefined();
  });

  it('refuses a tampered state in the callback even with a matching cookie', async () => {
    const { callback: path } = await throughProvider(staffProvider.id, 'victim');
    const forged = 'forged-state-value';
    const tampered = path.replace(/state=[^&]+/, `state=${forged}`);
    expect((await callback(tampered, forged)).statusCode).toBe(401);
  });

  it('takes a callback once: replaying the code and state is refused', async () => {
    idp.accounts.set('once', { email: 'once@corp.test', email_verified: true, name: 'Once' });
    const { state, callback: path } = await throughProvider(staffProvider.id, 'once');
    expect((await callback(path, state)).statusCode).toBe(302);
    const replay = await callback(path, state);
    expect(replay.statusCode).toBe(401);
    expect(cookieOf(replay, 'mesa_session')).toBeUndefined();
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    idp.accounts.set('nonce', { email: 'nonce@corp.test', email_verified: true, name: 'Nonce' });
    const { state, callback: path } = await throughProvider(staffProvider.id, 'nonce');
    await database()
      .db.updateTable('oidc_sign_ins')
      .set({ nonce: 'another-nonce' })
      .where('id', '=', hashSecret(state))
      .execute();
    const answer = await callback(path, state);
    expect(answer.statusCode).toBe(401);
    expect(answer.json().detail).toMatch(/answer was refused/);
    expect(await built.services.users.findByEmail('nonce@corp.test')).toBeUndefined();
  });

  it('refuses the code exchange without the PKCE verifier of this sign-in', async () => {
    idp.accounts.set('pkce', { email: 'pkce@corp.test', email_verified: true, name: 'Pkce' });
    const { state, callback: path } = await throughProvider(staffProvider.id, 'pkce');
    await database()
      .db.updateTable('oidc_sign_ins')
      .set({ code_verifier: 'x'.repeat(64) })
      .where('id', '=', hashSecret(state))
      .execute();
    expect((await callback(path, state)).statusCode).toBe(401);
    expect(await built.services.users.findByEmail('pkce@corp.test')).toBeUndefined();
  });

  it('never takes over an existing account through an unverified email', async () => {
    const staff = await makeUser(built, ['admin'], null, { email: 'boss@corp.test' });
    idp.accounts.set('impostor', { email: 'boss@corp.test', email_verified: false, name: 'Impostor' });
    const { state, callback: path } = await throughProvider(staffProvider.id, 'impostor');
    const answer = await callback(path, state);
    expect(answer.statusCode).toBe(403);
    expect(cookieOf(answer, 'mesa_session')).toBeUndefined();
    expect((await built.services.users.get(staff.id)).roles).toEqual(['admin']);
  });

  it("does not let a client organization's provider sign in a staff account with the same email", async () => {
    const organization = await makeOrganization(built);
    const clientProvider = await addProvider({ organizationId: organization.id, defaultRole: 'requester' });
    await makeUser(built, ['supervisor'], null, { email: 'sup@corp.test' });
    idp.accounts.set('sup-at-client', { email: 'sup@corp.test', email_verified: true, name: 'Sup' });
    const { state, callback: path } = await throughProvider(clientProvider.id, 'sup-at-client');
    expect((await callback(path, state)).statusCode).toBe(403);
  });

  it('gives only mapped roles: a claim naming "admin" that is not mapped gives the default role', async () => {
    idp.accounts.set('climber', {
      email: 'climber@corp.test',
      email_verified: true,
      name: 'Climber',
      groups: ['admin'],
    });
    const { state, callback: path } = await throughProvider(staffProvider.id, 'climber');
    expect((await callback(path, state)).statusCode).toBe(302);
    expect((await built.services.users.findByEmail('climber@corp.test'))?.roles).toEqual(['agent']);
  });

  it('keeps identity providers to admins, and refuses an http:// issuer outside tests', async () => {
    const agent = await login(built, (await makeUser(built, ['agent'])).email);
    const body = {
      name: 'x',
      issuer: 'https://idp.example',
      clientId: 'c',
      clientSecret: 's',
      organizationId: null,
      defaultRole: 'agent',
    };
    expect((await agent.request('POST', '/api/v1/identity-providers', body)).statusCode).toBe(403);
    expect((await agent.request('GET', '/api/v1/identity-providers')).statusCode).toBe(403);
    const plain = await buildTestApp(database());
    const plainAdmin = await login(plain, (await makeUser(plain, ['admin'])).email);
    const insecure = await plainAdmin.request('POST', '/api/v1/identity-providers', {
      ...body,
      issuer: 'http://idp.example',
    });
    expect(insecure.statusCode).toBe(400);
    expect(insecure.json().errors).toEqual([{ field: 'issuer', message: 'must be an https:// address' }]);
    await plain.app.close();
  });

  it('opens no session with a guessed or absent challenge, and the challenge is no session cookie', async () => {
    const { user, secret } = await enrolledUser();
    const first = await passwordStep(user.email);
    const { challenge } = first.json();
    const guessed = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa',
      payload: { challenge: 'A'.repeat(43), code: totpCode(secret, new Date()) },
    });
    expect(guessed.statusCode).toBe(401);
    const asCookie = await built.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `mesa_session=${challenge}` },
    });
    expect(asCookie.statusCode).toBe(401);
    const noChallenge = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa',
      payload: { code: '123456' },
    });
    expect(noChallenge.statusCode).toBe(400);
  });

  it('verifies at most five of twenty parallel guesses on one challenge', async () => {
    const { user, secret } = await enrolledUser();
    const { challenge } = (await passwordStep(user.email)).json();
    const guesses = new Set<string>();
    for (let n = 100000; guesses.size < 20; n += 1) guesses.add(wrongCode(secret, new Date(), n));
    const answers = await Promise.all(
      [...guesses].map((code) =>
        built.app.inject({
          method: 'POST',
          url: '/api/v1/auth/mfa',
          payload: { challenge, code },
        }),
      ),
    );
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 400).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 200)).toHaveLength(0);
    expect(codes.filter((c) => c === 429 || c === 401).length).toBeGreaterThanOrEqual(15);
  });

  it('refuses a cross-site post of the second step, and a foreign Origin changes nothing', async () => {
    const { user, secret } = await enrolledUser();
    const { challenge } = (await passwordStep(user.email)).json();
    const crossSite = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa',
      headers: { origin: 'https://evil.example' },
      payload: { challenge, code: totpCode(secret, new Date(Date.now() + 30_000)) },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().code).toBe('csrf_failed');
  });

  it('does not let a requester reset anyone else’s second factor, nor turn off their own without a code', async () => {
    const { user } = await enrolledUser();
    const organization = await makeOrganization(built);
    const requester = await login(built, (await makeUser(built, ['requester'], organization.id)).email);
    expect((await requester.request('POST', `/api/v1/users/${user.id}/mfa/reset`)).statusCode).toBe(403);
    const client = await login(built, (await makeUser(built, ['agent'])).email);
    expect((await client.request('POST', '/api/v1/me/mfa/totp/disable', { code: '000000' })).statusCode).toBe(409);
    expect((await passwordStep(user.email)).json().mfaRequired).toBe(true);
  });
});
