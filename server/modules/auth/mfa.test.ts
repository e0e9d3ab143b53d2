import { beforeAll, expect, it } from 'vitest';
import { buildAuthApp, cookieOf, totpCode, wrongCode } from '../../../test/support/auth-app.js';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { type Client, login, makeUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';

const STEP = 30_000;

describeOnEachDatabase('second sign-in factor (TOTP)', (database) => {
  const clock = fixedClock(new Date('2026-12-07T09:00:00Z'));
  let built: Awaited<ReturnType<typeof buildAuthApp>>;

  beforeAll(async () => {
    built = await buildAuthApp(database(), { clock, mfaRequiredFor: ['admin'] });
  });

  /** Signs in, enrols an authenticator and answers its secret and recovery codes. */
  async function enrolled(client: Client) {
    const start = await client.request('POST', '/api/v1/me/mfa/totp');
    expect(start.statusCode, start.body).toBe(200);
    const { secret } = start.json() as { secret: string };
    const confirm = await client.request('POST', '/api/v1/me/mfa/totp/confirm', {
      code: totpCode(secret, clock.now()),
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    clock.advance(STEP);
    return { secret, recoveryCodes: confirm.json().recoveryCodes as string[] };
  }

  function passwordStep(email: string) {
    return built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });
  }

  function secondStep(challenge: string, code: string) {
    return built.app.inject({ method: 'POST', url: '/api/v1/auth/mfa', payload: { challenge, code } });
  }

  it('enrols with a QR code and a first code, and answers ten recovery codes once', async () => {
    const user = await makeUser(built, ['agent']);
    const client = await login(built, user.email);
    const start = await client.request('POST', '/api/v1/me/mfa/totp');
    const enrolment = start.json();
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Mesa:.+\?.*secret=/);
    expect(enrolment.uri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.qrCode).toMatch(/^data:image\/png;base64,/);
    // Not on until confirmed: signing in still needs only the password.
    expect((await passwordStep(user.email)).json()).not.toHaveProperty('mfaRequired');
    const wrong = await client.request('POST', '/api/v1/me/mfa/totp/confirm', {
      code: wrongCode(enrolment.secret, clock.now()),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'code', message: 'is wrong or was already used' }]);
    const confirm = await client.request('POST', '/api/v1/me/mfa/totp/confirm', {
      code: totpCode(enrolment.secret, clock.now()),
    });
    const codes = confirm.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect((await client.request('GET', '/api/v1/me/mfa')).json()).toEqual({
      enabled: true,
      recoveryCodesLeft: 10,
      required: false,
    });
    // A second enrolment is refused while one is on.
    expect((await client.request('POST', '/api/v1/me/mfa/totp')).statusCode).toBe(409);
    clock.advance(STEP);
  });

  it('asks for the code after the password, and opens the session only with it', async () => {
    const user = await makeUser(built, ['agent']);
    const { secret } = await enrolled(await login(built, user.email));
    const first = await passwordStep(user.email);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ mfaRequired: true, challenge: expect.any(String) });
    expect(cookieOf(first, 'mesa_session')).toBeUndefined();
    const done = await secondStep(first.json().challenge, totpCode(secret, clock.now()));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ id: user.id, csrfToken: expect.any(String) });
    const session = cookieOf(done, 'mesa_session');
    const me = await built.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `mesa_session=${session}` },
    });
    expect(me.json().id).toBe(user.id);
    // The challenge is spent.
    expect((await secondStep(first.json().challenge, totpCode(secret, clock.now()))).statusCode).toBe(401);
    // The same code, on a new challenge, is refused: a code works once.
    const again = await passwordStep(user.email);
    expect((await secondStep(again.json().challenge, totpCode(secret, clock.now()))).statusCode).toBe(400);
    clock.advance(STEP);
    expect((await secondStep(again.json().challenge, totpCode(secret, clock.now()))).statusCode).toBe(200);
  });

  it('takes each recovery code once', async () => {
    const user = await makeUser(built, ['agent']);
    const { recoveryCodes } = await enrolled(await login(built, user.email));
    const code = recoveryCodes[3] as string;
    const first = await passwordStep(user.email);
    expect((await secondStep(first.json().challenge, code.toUpperCase())).statusCode).toBe(200);
    const second = await passwordStep(user.email);
    const reused = await secondStep(second.json().challenge, code);
    expect(reused.statusCode).toBe(400);
    expect((await secondStep(second.json().challenge, recoveryCodes[4] as string)).statusCode).toBe(200);
    const client = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(client.json().mfaRequired).toBe(true);
    const status = await built.services.mfa.status({
      userId: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      organizationId: null,
      via: 'session',
      sessionId: null,
      csrfToken: null,
    });
    expect(status.recoveryCodesLeft).toBe(8);
  });

  it('throws a challenge away after five wrong codes, and locks the person after ten', async () => {
    const user = await makeUser(built, ['agent']);
    const { secret } = await enrolled(await login(built, user.email));
    const first = (await passwordStep(user.email)).json().challenge as string;
    const answers = [];
    for (let i = 0; i < 6; i += 1)
      answers.push((await secondStep(first, wrongCode(secret, clock.now(), 123456))).statusCode);
    expect(answers).toEqual([400, 400, 400, 400, 400, 429]);
    // Even the right code no longer opens that challenge.
    expect((await secondStep(first, totpCode(secret, clock.now()))).statusCode).toBe(401);
    const second = (await passwordStep(user.email)).json().challenge as string;
    const more = [];
    for (let i = 0; i < 5; i += 1)
      more.push((await secondStep(second, wrongCode(secret, clock.now(), 654321))).statusCode);
    // Five codes were counted on the person with the first challenge: these make ten, and the
    // eleventh is locked whatever the challenge, even with the right code.
    expect(more).toEqual([400, 400, 400, 400, 400]);
    const third = (await passwordStep(user.email)).json().challenge as string;
    const locked = await secondStep(third, totpCode(secret, clock.now()));
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    clock.advance(16 * 60_000);
    const fourth = (await passwordStep(user.email)).json().challenge as string;
    expect((await secondStep(fourth, totpCode(secret, clock.now()))).statusCode).toBe(200);
    clock.advance(STEP);
  });

  it('sends an admin without a second factor to enrol before anything else', async () => {
    const admin = await makeUser(built, ['admin']);
    const client = await login(built, admin.email);
    const blocked = await client.request('GET', '/api/v1/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('mfa_enrolment_required');
    expect((await client.request('GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await client.request('GET', '/api/v1/me/mfa')).json()).toMatchObject({ enabled: false, required: true });
    // Staff the setting does not name work as before.
    const agent = await login(built, (await makeUser(built, ['agent'])).email);
    expect((await agent.request('GET', '/api/v1/users')).statusCode).toBe(200);
    await enrolled(client);
    expect((await client.request('GET', '/api/v1/users')).statusCode).toBe(200);
  });

  it('turns off only with a current code, and an admin can reset it', async () => {
    const user = await makeUser(built, ['agent']);
    const client = await login(built, user.email);
    const { secret } = await enrolled(client);
    expect(
      (await client.request('POST', '/api/v1/me/mfa/totp/disable', { code: wrongCode(secret, clock.now()) }))
        .statusCode,
    ).toBe(400);
    const off = await client.request('POST', '/api/v1/me/mfa/totp/disable', { code: totpCode(secret, clock.now()) });
    expect(off.statusCode).toBe(200);
    expect((await passwordStep(user.email)).json()).not.toHaveProperty('mfaRequired');
    clock.advance(STEP);
    await enrolled(client);
    expect((await passwordStep(user.email)).json().mfaRequired).toBe(true);
    const admin = await makeUser(built, ['admin']);
    const adminClient = await login(built, admin.email);
    await enrolled(adminClient);
    const agent = await login(built, (await makeUser(built, ['agent'])).email);
    expect((await agent.request('POST', `/api/v1/users/${user.id}/mfa/reset`)).statusCode).toBe(403);
    expect((await adminClient.request('POST', `/api/v1/users/${user.id}/mfa/reset`)).statusCode).toBe(200);
    expect((await passwordStep(user.email)).json()).not.toHaveProperty('mfaRequired');
  });
});
