import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import {
  buildTestApp,
  login,
  makeOrganization,
  makeUser,
  sessionCookieOf,
  TEST_PASSWORD,
} from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';

const HOUR = 3_600_000;

describeOnEachDatabase('authentication', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    built = await buildTestApp(database());
  });

  it('signs in with the right password and returns the user with a CSRF token', async () => {
    const user = await makeUser(built, ['agent']);
    const response = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, roles: ['agent'], csrfToken: expect.any(String) });
    const cookie = response.cookies.find((c) => c.name === 'mesa_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const user = await makeUser(built, ['agent']);
    const wrong = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'not the password' },
    });
    const unknown = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@test.mesa', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(unknown.json().detail).toBe(wrong.json().detail);
    expect(sessionCookieOf(wrong)).toBeUndefined();
  });

  it('rotates the session at login and ends it at logout', async () => {
    const user = await makeUser(built, ['agent']);
    const first = await login(built, user.email);
    const second = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: first.cookie },
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const secondCookie = `mesa_session=${sessionCookieOf(second)}`;
    expect(secondCookie).not.toBe(first.cookie);
    // The session the browser carried into the login is gone.
    expect(
      (await built.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: first.cookie } })).statusCode,
    ).toBe(401);
    const me = await built.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: secondCookie } });
    expect(me.statusCode).toBe(200);

    const logout = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: secondCookie, 'x-csrf-token': me.json().csrfToken },
    });
    expect(logout.statusCode).toBe(200);
    expect(
      (await built.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: secondCookie } })).statusCode,
    ).toBe(401);
  });

  it('locks the account when 20 wrong passwords arrive at once, and verifies only a few', async () => {
    const user = await makeUser(built, ['agent']);
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        built.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: 'guess guess guess' },
        }),
      ),
    );
    const codes = attempts.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(15);
    const locked = attempts.find((r) => r.statusCode === 429);
    expect(locked?.json().code).toBe('login_locked');
    expect(Number(locked?.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password is refused while the account is locked.
    const right = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
  });

  it('forgets failed attempts after a successful sign-in', async () => {
    const user = await makeUser(built, ['agent']);
    const wrong = () =>
      built.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: 'nope nope' },
      });
    // A sign-in that succeeds starts the pair afresh: one slip at a time never delays nor locks.
    for (let i = 0; i < 8; i++) {
      expect((await wrong()).statusCode).toBe(401);
      await login(built, user.email);
    }
  });

  it('refuses a cookie-authenticated change without the CSRF token, or with a wrong one', async () => {
    const admin = await makeUser(built, ['admin']);
    const client = await login(built, admin.email);
    const body = { name: 'CSRF Org', code: 'CSRF1' };
    const missing = await built.app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: { cookie: client.cookie },
      payload: body,
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('csrf_failed');
    const wrong = await client.request('POST', '/api/v1/organizations', body, { 'x-csrf-token': 'forged' });
    expect(wrong.statusCode).toBe(403);
    const list = await built.app.inject({
      method: 'GET',
      url: '/api/v1/organizations?q=CSRF',
      headers: { cookie: client.cookie },
    });
    expect(list.json().items).toHaveLength(0);
    expect((await client.request('POST', '/api/v1/organizations', body)).statusCode).toBe(201);
  });

  it('refuses a cross-site sign-in by its Origin', async () => {
    const user = await makeUser(built, ['agent']);
    const response = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example', host: 'mesa.example' },
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
  });

  it('ends other sessions when the password changes, keeping the one that changed it', async () => {
    const user = await makeUser(built, ['agent']);
    const here = await login(built, user.email);
    const elsewhere = await login(built, user.email);
    const wrongCurrent = await here.request('POST', '/api/v1/me/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new password',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().errors).toEqual([{ field: 'currentPassword', message: 'is wrong' }]);
    const change = await here.request('POST', '/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new password',
    });
    expect(change.statusCode).toBe(200);
    expect((await here.request('GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await elsewhere.request('GET', '/api/v1/me')).statusCode).toBe(401);
    await login(built, user.email, 'a brand new password');
  });

  it('signs out a deactivated account everywhere and stops its tokens', async () => {
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const user = await makeUser(built, ['agent']);
    const client = await login(built, user.email);
    const created = await client.request('POST', '/api/v1/me/tokens', { name: 'integration' });
    const secret = created.json().secret as string;
    const deactivate = await admin.request('PATCH', `/api/v1/users/${user.id}`, {
      version: user.version,
      status: 'inactive',
    });
    expect(deactivate.statusCode).toBe(200);
    expect((await client.request('GET', '/api/v1/me')).statusCode).toBe(401);
    const byToken = await built.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(byToken.statusCode).toBe(401);
    const relogin = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(relogin.statusCode).toBe(401);
  });

  it('authenticates API tokens shown once, stored hashed, and revocable', async () => {
    const organization = await makeOrganization(built);
    const user = await makeUser(built, ['requester'], organization.id);
    const client = await login(built, user.email);
    const created = await client.request('POST', '/api/v1/me/tokens', { name: 'monitoring', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json();
    expect(secret).toMatch(/^mesa_/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const listed = await client.request('GET', '/api/v1/me/tokens');
    expect(JSON.stringify(listed.json())).not.toContain(secret);
    const stored = await database()
      .db.selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(secret);

    const bearer = { authorization: `Bearer ${secret}` };
    const me = await built.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(me.json()).toMatchObject({ id: user.id, csrfToken: null });
    // A token is not a cookie: changes need no CSRF token.
    const patch = await built.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: bearer,
      payload: { locale: 'es' },
    });
    expect(patch.statusCode).toBe(200);

    expect((await client.request('DELETE', `/api/v1/me/tokens/${token.id}`)).json().revokedAt).not.toBeNull();
    const after = await built.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    const garbage = await built.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer mesa_nope' },
    });
    expect(garbage.statusCode).toBe(401);
    const malformed = await built.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Basic abc' },
    });
    expect(malformed.statusCode).toBe(401);
  });

  it("cannot revoke another user's token", async () => {
    const owner = await login(built, (await makeUser(built, ['agent'])).email);
    const other = await login(built, (await makeUser(built, ['agent'])).email);
    const { token } = (await owner.request('POST', '/api/v1/me/tokens', { name: 'mine' })).json();
    expect((await other.request('DELETE', `/api/v1/me/tokens/${token.id}`)).statusCode).toBe(404);
  });

  it('expires a session after the idle time, and slides it while in use', async () => {
    const clock = fixedClock(new Date('2026-11-29T08:00:00Z'));
    const timed = await buildTestApp(database(), { clock });
    const user = await makeUser(timed, ['agent']);
    const client = await login(timed, user.email);
    clock.advance(11 * HOUR);
    expect((await client.request('GET', '/api/v1/me')).statusCode).toBe(200);
    // Used at 11 h, so it now lasts until 23 h.
    clock.advance(11 * HOUR);
    expect((await client.request('GET', '/api/v1/me')).statusCode).toBe(200);
    clock.advance(13 * HOUR);
    expect((await client.request('GET', '/api/v1/me')).statusCode).toBe(401);
    expect(await timed.services.sessions.purgeExpiredSessions()).toBeGreaterThanOrEqual(1);
    await timed.app.close();
  });
});
