import { beforeAll, expect, it } from 'vitest';
import { buildAuthApp, cookieOf } from '../../../test/support/auth-app.js';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { makeUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';

const HOUR = 3_600_000;

describeOnEachDatabase('session lifetime and cookie', (database) => {
  const clock = fixedClock(new Date('2026-12-07T08:00:00Z'));
  let built: Awaited<ReturnType<typeof buildAuthApp>>;

  beforeAll(async () => {
    built = await buildAuthApp(database(), { clock, sessionTtlHours: 12, sessionMaxHours: 30 });
  });

  it('ends a session at its absolute lifetime however busy it is', async () => {
    const user = await makeUser(built, ['agent']);
    const signIn = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const cookie = `mesa_session=${cookieOf(signIn, 'mesa_session')}`;
    const me = () => built.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    // Used every ten hours: the idle limit (12 h) never bites, and at 29 h it is still alive.
    for (let hour = 10; hour <= 20; hour += 10) {
      clock.advance(10 * HOUR);
      expect((await me()).statusCode).toBe(200);
    }
    clock.advance(9 * HOUR);
    expect((await me()).statusCode).toBe(200);
    // 30 h after signing in it ends, though it was used an hour ago.
    clock.advance(1 * HOUR);
    expect((await me()).statusCode).toBe(401);
  });

  it('names the cookie __Host-mesa_session over HTTPS, and CSRF still guards changes', async () => {
    const secure = await buildAuthApp(database(), { clock, secureCookies: true });
    const user = await makeUser(secure, ['agent']);
    const signIn = await secure.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const cookie = signIn.cookies.find((c) => c.name === '__Host-mesa_session');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/', sameSite: 'Lax' });
    expect(cookie).not.toHaveProperty('domain');
    expect(cookieOf(signIn, 'mesa_session')).toBeUndefined();
    const header = `__Host-mesa_session=${cookie?.value}`;
    expect(
      (await secure.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: header } })).statusCode,
    ).toBe(200);
    // The plain name is not read over HTTPS: a cookie planted without the prefix is no session.
    const plain = await secure.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `mesa_session=${cookie?.value}` },
    });
    expect(plain.statusCode).toBe(401);
    const noCsrf = await secure.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: header },
      payload: { locale: 'es' },
    });
    expect(noCsrf.statusCode).toBe(403);
    const withCsrf = await secure.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: header, 'x-csrf-token': signIn.json().csrfToken },
      payload: { locale: 'es' },
    });
    expect(withCsrf.statusCode).toBe(200);
    await secure.app.close();
  });
});
