import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { outboxOnlyMail } from '../../../test/support/mail-desk.js';
import { buildTestApp, login, makeUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { LOGIN_LIMITS } from './auth.service.js';
import { RESET_LIMITS } from './password-reset.service.js';

const NEW_PASSWORD = 'a lantern by the quiet harbour';

describeOnEachDatabase('forgotten passwords and lifting sign-in locks', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  const clock = fixedClock(new Date('2026-12-07T09:00:00Z'));
  // The answer's time floor is wall time; the tests here do not measure it, so it is left out.
  const { answerFloorMs } = RESET_LIMITS;
  let address = 0;
  /** Each test asks from its own address, so the per-address ceiling is only met where it is tested. */
  const nextAddress = () => `10.77.0.${++address}`;

  beforeAll(async () => {
    RESET_LIMITS.answerFloorMs = 0;
    built = await buildTestApp(database(), {
      clock,
      mail: outboxOnlyMail({
        from: 'Mesa <soporte@mesa.test>',
        publicUrl: 'https://mesa.example',
      }),
    });
  });
  afterAll(() => {
    RESET_LIMITS.answerFloorMs = answerFloorMs;
    built.services.mailOutbox.close();
  });

  const forgot = (email: string, ip: string) =>
    built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/forgot-password',
      payload: { email },
      remoteAddress: ip,
    });
  const reset = (token: string, password: string) =>
    built.app.inject({ method: 'POST', url: '/api/v1/auth/reset-password', payload: { token, password } });
  const signIn = (email: string, password: string, ip: string) =>
    built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });
  const mailsTo = (email: string) =>
    database()
      .db.selectFrom('outbound_mail')
      .selectAll()
      .where('to_address', '=', email)
      .where('event', '=', 'password_reset')
      .orderBy('id')
      .execute();
  /** The secret in the newest reset mail to this address, read from its link. */
  const tokenMailedTo = async (email: string) => {
    const mail = (await mailsTo(email)).at(-1);
    const found = /https:\/\/mesa\.example\/reset-password#token=([\w-]+)/.exec(mail?.text_body ?? '');
    if (!found?.[1]) throw new Error(`no reset link mailed to ${email}`);
    return found[1];
  };
  const events = async (kind: string, userId: string) =>
    (await built.services.securityLog.list({ kind: kind as never, userId, limit: 100 })).items;

  it('answers alike for an address with an account and one without, and mails only the first', async () => {
    const user = await makeUser(built, ['agent']);
    const known = await forgot(user.email, nextAddress());
    const unknown = await forgot('nobody-here@mesa.example', nextAddress());
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(known.json()).toEqual({ status: 'sent_if_known' });
    const [mail] = await mailsTo(user.email);
    expect(mail).toMatchObject({ subject: 'Elige una contraseña nueva para Mesa', status: 'pending' });
    expect(mail?.html_body).toContain('href="https://mesa.example/reset-password#token=');
    expect(await mailsTo('nobody-here@mesa.example')).toEqual([]);
    // The secret is in the mail only: the table keeps its SHA-256.
    const token = await tokenMailedTo(user.email);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const rows = await database().db.selectFrom('password_resets').selectAll().where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).not.toContain(token);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const [requested] = await events('password.reset_requested', user.id);
    expect(requested).toMatchObject({ email: user.email, details: { mailed: true } });
  });

  it('sets the new password once, ends every session, and refuses the link a second time', async () => {
    const user = await makeUser(built, ['agent']);
    const desk = await login(built, user.email);
    const laptop = await login(built, user.email);
    expect((await forgot(user.email, nextAddress())).statusCode).toBe(202);
    const token = await tokenMailedTo(user.email);
    // The password policy holds here as everywhere.
    const common = await reset(token, 'password2024!');
    expect(common.statusCode).toBe(400);
    expect(common.json().errors).toEqual([{ field: 'password', message: expect.stringMatching(/common/) }]);
    // A refused password does not spend the link.
    expect((await reset(token, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await desk.request('GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await laptop.request('GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await signIn(user.email, TEST_PASSWORD, nextAddress())).statusCode).toBe(401);
    expect((await signIn(user.email, NEW_PASSWORD, nextAddress())).statusCode).toBe(200);
    const again = await reset(token, 'another long passphrase here');
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toEqual([{ field: 'token', message: 'has already been used' }]);
    const [changed] = await events('password.changed', user.id);
    expect(changed?.details).toMatchObject({ by: 'reset_link' });
  });

  it('ends the other links of the account once one is used', async () => {
    const user = await makeUser(built, ['agent']);
    await forgot(user.email, nextAddress());
    const first = await tokenMailedTo(user.email);
    await forgot(user.email, nextAddress());
    const second = await tokenMailedTo(user.email);
    expect(second).not.toBe(first);
    expect((await reset(second, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await reset(first, 'another long passphrase here')).json().errors[0]).toEqual({
      field: 'token',
      message: 'has already been used',
    });
  });

  it('refuses a link after its hour and an unknown one, changing nothing', async () => {
    const user = await makeUser(built, ['agent']);
    await forgot(user.email, nextAddress());
    const token = await tokenMailedTo(user.email);
    clock.advance(RESET_LIMITS.linkLifetimeMs);
    const late = await reset(token, NEW_PASSWORD);
    expect(late.statusCode).toBe(400);
    expect(late.json().errors).toEqual([{ field: 'token', message: 'has expired' }]);
    const forged = await reset('A'.repeat(43), NEW_PASSWORD);
    expect(forged.json().errors).toEqual([{ field: 'token', message: 'is not a valid reset link' }]);
    expect((await signIn(user.email, TEST_PASSWORD, nextAddress())).statusCode).toBe(200);
  });

  it('limits links per email and per address, alike for addresses without an account', async () => {
    const user = await makeUser(built, ['agent']);
    for (const email of [user.email, 'no-account@mesa.example']) {
      for (let i = 0; i < RESET_LIMITS.perEmail; i++) expect((await forgot(email, nextAddress())).statusCode).toBe(202);
      const over = await forgot(email, nextAddress());
      expect(over.statusCode).toBe(429);
      expect(over.json().code).toBe('too_many_requests');
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(await mailsTo(user.email)).toHaveLength(RESET_LIMITS.perEmail);
    const crowd = nextAddress();
    for (let i = 0; i < RESET_LIMITS.perAddress; i++) {
      expect((await forgot(`person-${i}@nowhere.example`, crowd)).statusCode).toBe(202);
    }
    expect((await forgot('one-more@nowhere.example', crowd)).statusCode).toBe(429);
    // Past the hour, both ceilings start over.
    clock.advance(RESET_LIMITS.windowMs + 1000);
    expect((await forgot(user.email, crowd)).statusCode).toBe(202);
  });

  /** Wrong guesses from one address until the pair is locked, saying the attempts left each time. */
  async function lockOut(email: string, ip: string) {
    const left: unknown[] = [];
    for (let i = 0; i < LOGIN_LIMITS.perPair; i++) {
      const wrong = await signIn(email, `not the password ${i}`, ip);
      expect(wrong.statusCode).toBe(401);
      left.push(wrong.json().attemptsLeft);
      clock.advance(LOGIN_LIMITS.maxDelayMs);
    }
    expect((await signIn(email, TEST_PASSWORD, ip)).statusCode).toBe(429);
    return left;
  }

  it('says the attempts left before the lock, alike for an address without an account', async () => {
    const user = await makeUser(built, ['agent']);
    const ip = nextAddress();
    expect(await lockOut(user.email, ip)).toEqual([4, 3, 2, 1, 0]);
    const stranger = nextAddress();
    const wrong = await signIn('nobody-at-all@mesa.example', 'not the password', stranger);
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials', attemptsLeft: 4, lockMinutes: 15 });
    expect(wrong.json().detail).toBe(
      'Email or password is wrong; 4 attempts left before sign-in is locked for 15 minutes',
    );
  });

  it('lifts the lock when an admin sets a new password, and records it', async () => {
    const user = await makeUser(built, ['agent']);
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const ip = nextAddress();
    await lockOut(user.email, ip);
    const set = await admin.request('POST', `/api/v1/users/${user.id}/password`, { password: NEW_PASSWORD });
    expect(set.statusCode).toBe(200);
    expect((await admin.request('GET', `/api/v1/users/${user.id}/sign-in-lock`)).json()).toEqual({
      locked: false,
      lockedAddresses: 0,
    });
    expect((await signIn(user.email, NEW_PASSWORD, ip)).statusCode).toBe(200);
    const [unlocked] = await events('account.unlocked', user.id);
    expect(unlocked).toMatchObject({ details: { by: 'password_reset', cleared: 2 } });
  });

  it('lifts the lock with the explicit unlock, and with a reset link', async () => {
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const unlocked = await makeUser(built, ['agent']);
    const first = nextAddress();
    await lockOut(unlocked.email, first);
    expect((await admin.request('POST', `/api/v1/users/${unlocked.id}/unlock`)).statusCode).toBe(200);
    expect((await signIn(unlocked.email, TEST_PASSWORD, first)).statusCode).toBe(200);
    expect((await events('account.unlocked', unlocked.id))[0]?.details).toMatchObject({ by: 'unlock' });

    const reseter = await makeUser(built, ['agent']);
    const second = nextAddress();
    await lockOut(reseter.email, second);
    await forgot(reseter.email, second);
    expect((await reset(await tokenMailedTo(reseter.email), NEW_PASSWORD)).statusCode).toBe(200);
    expect((await signIn(reseter.email, NEW_PASSWORD, second)).statusCode).toBe(200);
    expect((await events('account.unlocked', reseter.id))[0]?.details).toMatchObject({ by: 'reset_link' });
  });
});
