import { afterAll, beforeAll, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../../server/modules/auth/auth.service.js';
import { fixedClock } from '../../server/platform/clock.js';
import { describeOnEachDatabase } from '../support/databases.js';
import { buildTestApp, login, makeUser, TEST_PASSWORD } from '../support/test-app.js';

/** Someone trying to guess, lock out, replay or read what they should not, at sign-in and around it. */
describeOnEachDatabase('hostile sign-in', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  const clock = fixedClock(new Date('2026-12-07T11:00:00Z'));
  let address = 0;
  /** Each case guesses from addresses of its own, so one case's failures never lock another's. */
  const nextAddress = () => {
    address += 1;
    return `10.${Math.floor(address / 250)}.${address % 250}.7`;
  };
  // The account ceiling is lowered for this file so crossing it takes a dozen argon2 checks, not
  // fifty (the shared test machine is slow); it stays above the pair limit, as in production.
  const { perAccount } = LOGIN_LIMITS;
  beforeAll(async () => {
    LOGIN_LIMITS.perAccount = 12;
    built = await buildTestApp(database(), { clock });
  });
  afterAll(() => {
    LOGIN_LIMITS.perAccount = perAccount;
  });

  const signIn = (email: string, password: string, ip: string) =>
    built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });
  const storedSecurityEvents = async () =>
    JSON.stringify(await database().db.selectFrom('security_events').selectAll().execute());

  it('verifies only a few of twenty guesses sent at once at one account from one address', async () => {
    const user = await makeUser(built, ['agent']);
    const ip = nextAddress();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(user.email, `parallel ${i} xx`, ip)));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(LOGIN_LIMITS.perPair);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(20 - LOGIN_LIMITS.perPair);
    expect(codes.every((c) => c === 401 || c === 429)).toBe(true);
  });

  it('refuses the right password during a delay without saying whether it was right', async () => {
    const user = await makeUser(built, ['agent']);
    const ip = nextAddress();
    await signIn(user.email, 'first wrong guess', ip);
    await signIn(user.email, 'second wrong guess', ip);
    const right = await signIn(user.email, TEST_PASSWORD, ip);
    const wrong = await signIn(user.email, 'third wrong guess', ip);
    expect(right.statusCode).toBe(429);
    expect(wrong.statusCode).toBe(429);
    expect(right.json().code).toBe(wrong.json().code);
    expect(right.cookies).toHaveLength(0);
  });

  it('does not let a guesser escape the pair by changing the case of the email', async () => {
    const user = await makeUser(built, ['agent']);
    const ip = nextAddress();
    for (let i = 0; i < LOGIN_LIMITS.perPair; i++) {
      const variant = i % 2 === 0 ? user.email.toUpperCase() : user.email;
      expect((await signIn(variant, `case guess ${i} xx`, ip)).statusCode).toBe(401);
      clock.advance(LOGIN_LIMITS.maxDelayMs);
    }
    expect((await signIn(user.email.toUpperCase(), TEST_PASSWORD, ip)).statusCode).toBe(429);
  });

  it('cannot lock the victim out from their own address by guessing from another', async () => {
    const victim = await makeUser(built, ['admin']);
    const attacker = nextAddress();
    for (let i = 0; i < LOGIN_LIMITS.perPair + 3; i++) {
      await signIn(victim.email, `lockout try ${i} xx`, attacker);
      clock.advance(LOGIN_LIMITS.maxDelayMs);
    }
    expect((await signIn(victim.email, TEST_PASSWORD, nextAddress())).statusCode).toBe(200);
  });

  it('locks an account guessed at from many addresses once its own ceiling is reached', async () => {
    const user = await makeUser(built, ['agent']);
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect((await signIn(user.email, `distributed ${i} xx`, nextAddress())).statusCode).toBe(401);
    }
    expect((await signIn(user.email, TEST_PASSWORD, nextAddress())).statusCode).toBe(429);
    // An admin lifts that lock too.
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    expect((await admin.request('POST', `/api/v1/users/${user.id}/unlock`)).statusCode).toBe(200);
    expect((await signIn(user.email, TEST_PASSWORD, nextAddress())).statusCode).toBe(200);
  });

  it('answers an unknown account exactly as a wrong password, and logs it without a user', async () => {
    const user = await makeUser(built, ['agent']);
    const wrong = await signIn(user.email, 'not the right one', nextAddress());
    const unknown = await signIn('ghost-account@nowhere.example', 'not the right one', nextAddress());
    expect(unknown.statusCode).toBe(wrong.statusCode);
    const { instance: _a, requestId: _b, ...unknownBody } = unknown.json();
    const { instance: _c, requestId: _d, ...wrongBody } = wrong.json();
    expect(unknownBody).toEqual(wrongBody);
    const events = await built.services.securityLog.list({ kind: 'sign_in.failed', limit: 100 });
    const ghost = events.items.find((e) => e.email === 'ghost-account@nowhere.example');
    expect(ghost).toMatchObject({ userId: null, details: { reason: 'unknown_or_inactive_account' } });
  });

  it('refuses an overlong password at sign-in before hashing it', async () => {
    const user = await makeUser(built, ['agent']);
    const answer = await signIn(user.email, 'x'.repeat(10_000), nextAddress());
    expect(answer.statusCode).toBe(400);
  });

  it('lets no one but an admin unlock an account or read its lock', async () => {
    const user = await makeUser(built, ['agent']);
    const agent = await login(built, (await makeUser(built, ['agent'])).email);
    const supervisor = await login(built, (await makeUser(built, ['supervisor'])).email);
    for (const client of [agent, supervisor]) {
      expect((await client.request('POST', `/api/v1/users/${user.id}/unlock`)).statusCode).toBe(403);
      expect((await client.request('GET', `/api/v1/users/${user.id}/sign-in-lock`)).statusCode).toBe(403);
    }
    expect((await built.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/unlock` })).statusCode).toBe(401);
  });

  it('refuses to unlock an account that does not exist', async () => {
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    expect((await admin.request('POST', '/api/v1/users/no-such-user/unlock')).statusCode).toBe(404);
  });

  it('refuses a common password, padded or not, on every way a password is set', async () => {
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const user = await makeUser(built, ['agent']);
    for (const password of ['1qaz2wsx3edc4rfv', 'Password1234!', 'dragondragon', 'aaaaaaaaaaaaaaaa']) {
      const created = await admin.request('POST', '/api/v1/users', {
        email: `weak-${password.length}@mesa.example`,
        name: 'Weak',
        roles: ['agent'],
        password,
      });
      expect(created.statusCode).toBe(400);
      expect(created.json().errors[0].field).toBe('password');
      const reset = await admin.request('POST', `/api/v1/users/${user.id}/password`, { password });
      expect(reset.statusCode).toBe(400);
    }
    // The account still signs in with its old password: nothing was half-set.
    expect((await signIn(user.email, TEST_PASSWORD, nextAddress())).statusCode).toBe(200);
  });

  it("refuses the account's own email as its password", async () => {
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const user = await makeUser(built, ['agent']);
    const answer = await admin.request('POST', `/api/v1/users/${user.id}/password`, { password: user.email });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors[0]).toMatchObject({ field: 'password', message: 'must not be your name or email' });
  });

  it('does not let a stolen session change the password without the current one', async () => {
    const user = await makeUser(built, ['agent']);
    const thief = await login(built, user.email);
    const answer = await thief.request('POST', '/api/v1/me/password', {
      currentPassword: 'i do not know it',
      newPassword: 'the thief wants this one',
      revokeTokens: true,
    });
    expect(answer.statusCode).toBe(400);
    expect((await signIn(user.email, TEST_PASSWORD, nextAddress())).statusCode).toBe(200);
  });

  it('does not accept an expired token, nor one created to expire in the past', async () => {
    const user = await makeUser(built, ['agent']);
    const client = await login(built, user.email);
    const past = await client.request('POST', '/api/v1/me/tokens', { name: 'past', expiresAt: '2000-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].field).toBe('expiresAt');
    const nonsense = await client.request('POST', '/api/v1/me/tokens', { name: 'bad', expiresAt: 'tomorrow' });
    expect(nonsense.statusCode).toBe(400);
    const soon = await client.request('POST', '/api/v1/me/tokens', {
      name: 'soon',
      expiresAt: new Date(clock.now().getTime() + 60_000).toISOString(),
    });
    clock.advance(60_000);
    const use = await built.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${soon.json().secret}` },
    });
    expect(use.statusCode).toBe(401);
  });

  it('stops every token once the password is changed with revokeTokens', async () => {
    const user = await makeUser(built, ['agent']);
    const client = await login(built, user.email);
    const secrets = [];
    for (const name of ['one', 'two'])
      secrets.push((await client.request('POST', '/api/v1/me/tokens', { name })).json().secret);
    const change = await client.request('POST', '/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'after the leak we rotate',
      revokeTokens: true,
    });
    expect(change.statusCode).toBe(200);
    for (const secret of secrets) {
      const use = await built.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(use.statusCode).toBe(401);
    }
  });

  it('keeps typed passwords and token secrets out of the security log', async () => {
    const user = await makeUser(built, ['agent']);
    const typed = 'Tr0ub4dor&3-typed-by-mistake';
    await signIn(user.email, typed, nextAddress());
    const client = await login(built, user.email);
    const secret = (await client.request('POST', '/api/v1/me/tokens', { name: 'leak check' })).json().secret as string;
    await built.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${secret}` },
      remoteAddress: nextAddress(),
    });
    const stored = await storedSecurityEvents();
    expect(stored).not.toContain(typed);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(TEST_PASSWORD);
  });

  it('drops secret-looking keys a caller hands to the log', async () => {
    const user = await makeUser(built, ['agent']);
    await built.services.securityLog.record(
      null,
      { principal: null, requestId: null, ip: null },
      {
        kind: 'sign_in.failed',
        userId: user.id,
        details: { password: 'leaked-one', nested: { token_hash: 'leaked-two', csrfToken: 'leaked-three' }, ok: 1 },
      },
    );
    const [event] = (await built.services.securityLog.list({ userId: user.id, limit: 1 })).items;
    expect(event?.details).toEqual({ nested: {}, ok: 1 });
    expect(await storedSecurityEvents()).not.toMatch(/leaked-/);
  });

  it('refuses forged filters and cursors on the security log', async () => {
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    expect((await admin.request('GET', '/api/v1/security-events?kind=drop_table')).statusCode).toBe(400);
    expect((await admin.request('GET', '/api/v1/security-events?cursor=not-a-cursor')).statusCode).toBe(400);
    expect((await admin.request('GET', `/api/v1/security-events?userId=${"' or 1=1 --"}`)).json().items).toEqual([]);
  });

  it('records a token used from a new address once, not on every request', async () => {
    const user = await makeUser(built, ['agent']);
    const client = await login(built, user.email);
    const secret = (await client.request('POST', '/api/v1/me/tokens', { name: 'roaming' })).json().secret as string;
    const ip = nextAddress();
    for (let i = 0; i < 3; i++) {
      await built.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${secret}` },
        remoteAddress: ip,
      });
    }
    const moves = await built.services.securityLog.list({ kind: 'token.new_address', userId: user.id, limit: 10 });
    expect(moves.items).toHaveLength(1);
    expect(moves.items[0]?.ip).toBe(ip);
  });
});
