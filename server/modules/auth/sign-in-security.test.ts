import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, login, makeUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { LOGIN_LIMITS } from './auth.service.js';

const SECOND = 1000;

describeOnEachDatabase('sign-in throttling and API tokens', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  const clock = fixedClock(new Date('2026-12-07T09:00:00Z'));
  // The address ceiling is lowered for this file so crossing it takes a dozen argon2 checks, not a
  // hundred (the shared test machine is slow); the rule tested is the same.
  const { perAddress } = LOGIN_LIMITS;
  beforeAll(async () => {
    LOGIN_LIMITS.perAddress = 12;
    built = await buildTestApp(database(), { clock });
  });
  afterAll(() => {
    LOGIN_LIMITS.perAddress = perAddress;
  });

  const signIn = (email: string, password: string, ip: string) =>
    built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

  const events = async (kind: string, userId: string) => {
    const rows = await built.services.securityLog.list({ kind: kind as never, userId, limit: 100 });
    return rows.items;
  };

  it('never locks one address that many people sign in from successfully, admin included', async () => {
    const office = '10.20.30.40';
    const people = await Promise.all([1, 2, 3, 4].map(() => makeUser(built, ['agent'])));
    const admin = await makeUser(built, ['admin']);
    for (let round = 0; round < Math.ceil((LOGIN_LIMITS.perAddress + 5) / people.length); round++) {
      for (const person of people) expect((await signIn(person.email, TEST_PASSWORD, office)).statusCode).toBe(200);
    }
    expect((await signIn(admin.email, TEST_PASSWORD, office)).statusCode).toBe(200);
  });

  it('slows down wrong guesses at one account from one address, then locks that pair only', async () => {
    const user = await makeUser(built, ['agent']);
    const attacker = '10.66.0.1';
    expect((await signIn(user.email, 'wrong guess number one', attacker)).statusCode).toBe(401);
    expect((await signIn(user.email, 'wrong guess number two', attacker)).statusCode).toBe(401);
    // The second failure asks for a 2-second wait; an attempt inside it is refused unheard.
    const early = await signIn(user.email, TEST_PASSWORD, attacker);
    expect(early.statusCode).toBe(429);
    expect(early.json().code).toBe('login_locked');
    expect(early.headers['retry-after']).toBe('2');
    clock.advance(2 * SECOND);
    expect((await signIn(user.email, 'wrong guess number three', attacker)).statusCode).toBe(401);
    clock.advance(3 * SECOND);
    expect((await signIn(user.email, TEST_PASSWORD, attacker)).headers['retry-after']).toBe('1');
    clock.advance(1 * SECOND);
    expect((await signIn(user.email, 'wrong guess number four', attacker)).statusCode).toBe(401);
    clock.advance(8 * SECOND);
    expect((await signIn(user.email, 'wrong guess number five', attacker)).statusCode).toBe(401);
    clock.advance(16 * SECOND);
    // Five failures: the pair is locked for the window, even with the right password.
    const locked = await signIn(user.email, TEST_PASSWORD, attacker);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(10 * 60);
    // The owner, from another address, is not locked out.
    expect((await signIn(user.email, TEST_PASSWORD, '10.1.2.3')).statusCode).toBe(200);
    expect(await events('sign_in.locked', user.id)).toHaveLength(1);
    expect(await events('sign_in.failed', user.id)).toHaveLength(5);
  });

  it('lets an admin see the lock and lift it', async () => {
    const user = await makeUser(built, ['agent']);
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const attacker = '10.66.0.2';
    for (let i = 0; i < LOGIN_LIMITS.perPair; i++) {
      expect((await signIn(user.email, `not the password ${i}`, attacker)).statusCode).toBe(401);
      clock.advance(LOGIN_LIMITS.maxDelayMs);
    }
    expect((await signIn(user.email, TEST_PASSWORD, attacker)).statusCode).toBe(429);
    const state = await admin.request('GET', `/api/v1/users/${user.id}/sign-in-lock`);
    expect(state.json()).toEqual({ locked: true, lockedAddresses: 1 });
    const unlock = await admin.request('POST', `/api/v1/users/${user.id}/unlock`);
    expect(unlock.statusCode).toBe(200);
    expect((await admin.request('GET', `/api/v1/users/${user.id}/sign-in-lock`)).json()).toEqual({
      locked: false,
      lockedAddresses: 0,
    });
    expect((await signIn(user.email, TEST_PASSWORD, attacker)).statusCode).toBe(200);
    const [unlocked] = await events('account.unlocked', user.id);
    expect(unlocked).toMatchObject({ userId: user.id, details: { cleared: 2 } });
  });

  it('counts failures from one address over every account, up to a looser ceiling', async () => {
    const scanner = '10.99.0.1';
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      expect((await signIn(`nobody-${i}@scan.example`, 'password guess here', scanner)).statusCode).toBe(401);
    }
    const user = await makeUser(built, ['agent']);
    expect((await signIn(user.email, TEST_PASSWORD, scanner)).statusCode).toBe(429);
    expect((await signIn(user.email, TEST_PASSWORD, '10.99.0.2')).statusCode).toBe(200);
  });

  it('gives tokens an optional expiry, refused in the past, after which they do not authenticate', async () => {
    const user = await makeUser(built, ['agent']);
    const client = await login(built, user.email);
    const past = await client.request('POST', '/api/v1/me/tokens', {
      name: 'late',
      expiresAt: new Date(clock.now().getTime() - SECOND).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([{ field: 'expiresAt', message: 'must be in the future' }]);
    const both = await client.request('POST', '/api/v1/me/tokens', {
      name: 'both',
      expiresInDays: 1,
      expiresAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
    });
    expect(both.statusCode).toBe(400);
    const expiresAt = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const created = await client.request('POST', '/api/v1/me/tokens', { name: 'hour', expiresAt });
    expect(created.statusCode).toBe(201);
    expect(created.json().token.expiresAt).toBe(expiresAt);
    const bearer = { authorization: `Bearer ${created.json().secret}` };
    expect((await built.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(200);
    clock.advance(3_600_000);
    const expired = await built.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(expired.statusCode).toBe(401);
  });

  it('lists a token with its last use and address, and records a use from a new address', async () => {
    const user = await makeUser(built, ['agent']);
    const client = await login(built, user.email);
    const created = await client.request('POST', '/api/v1/me/tokens', { name: 'ci' });
    const bearer = { authorization: `Bearer ${created.json().secret}` };
    const use = (ip: string) =>
      built.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer, remoteAddress: ip });
    expect((await use('10.5.0.1')).statusCode).toBe(200);
    expect((await use('10.5.0.1')).statusCode).toBe(200);
    clock.advance(SECOND);
    expect((await use('10.5.0.2')).statusCode).toBe(200);
    const [listed] = (await client.request('GET', '/api/v1/me/tokens')).json().items;
    expect(listed).toMatchObject({ lastUsedAt: clock.now().toISOString(), lastUsedIp: '10.5.0.2' });
    const moves = await events('token.new_address', user.id);
    expect(moves.map((e) => [e.ip, e.details.previousIp])).toEqual([
      ['10.5.0.2', '10.5.0.1'],
      ['10.5.0.1', null],
    ]);
  });

  it('revokes every token on a password change when asked, and keeps them otherwise', async () => {
    const user = await makeUser(built, ['agent']);
    const client = await login(built, user.email);
    const secret = (await client.request('POST', '/api/v1/me/tokens', { name: 'kept' })).json().secret;
    const bearer = { authorization: `Bearer ${secret}` };
    const keep = await client.request('POST', '/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'first new passphrase',
    });
    expect(keep.statusCode).toBe(200);
    expect((await built.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(200);
    const revoke = await client.request('POST', '/api/v1/me/password', {
      currentPassword: 'first new passphrase',
      newPassword: 'second new passphrase',
      revokeTokens: true,
    });
    expect(revoke.statusCode).toBe(200);
    expect((await built.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
    const changes = await events('password.changed', user.id);
    expect(changes.map((e) => e.details)).toEqual([
      { by: 'self', tokensRevoked: 1 },
      { by: 'self', tokensRevoked: 0 },
    ]);
  });

  it('refuses a common or short password wherever one is set, naming the field', async () => {
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const user = await makeUser(built, ['agent']);
    const create = await admin.request('POST', '/api/v1/users', {
      email: 'common@mesa.example',
      name: 'Common',
      roles: ['agent'],
      password: 'qwertyuiop123',
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().errors).toEqual([{ field: 'password', message: expect.stringMatching(/common/) }]);
    const reset = await admin.request('POST', `/api/v1/users/${user.id}/password`, { password: 'password2024!' });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().errors[0].field).toBe('password');
    const short = await admin.request('POST', `/api/v1/users/${user.id}/password`, { password: 'elevenchars' });
    expect(short.statusCode).toBe(400);
    expect(JSON.stringify(short.json())).toMatch(/password/);
    const self = await login(built, user.email);
    const own = await self.request('POST', '/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'iloveyou1234567',
    });
    expect(own.statusCode).toBe(400);
    expect(own.json().errors).toEqual([{ field: 'newPassword', message: expect.stringMatching(/common/) }]);
    const good = await admin.request('POST', `/api/v1/users/${user.id}/password`, {
      password: 'a walk along the river at dusk',
    });
    expect(good.statusCode).toBe(200);
  });
});
