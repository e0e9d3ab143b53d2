import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildAuthApp, totpCode } from '../../test/support/auth-app.js';
import { describeOnEachDatabase } from '../../test/support/databases.js';
import { startReceiver } from '../../test/support/receiver.js';
import {
  type Client,
  login,
  makeUser,
  TEST_CONFIG,
  TEST_PASSWORD,
  TEST_SECRET_KEY,
} from '../../test/support/test-app.js';
import { raise, ticketWorld } from '../../test/support/tickets.js';
import { fixedClock } from '../platform/clock.js';
import { systemContext } from '../platform/request-context.js';
import { SecretBox, SecretBoxError, secretKeyId } from '../platform/secret-box.js';
import { SECRET_COLUMNS, sealStoredSecrets, secretContext } from './secret-columns.js';

const STEP = 30_000;

/** What a receiver checks: the HMAC of "<t>.<body>" under the secret it was given. */
function signedWith(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  return createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex') === parts.v1;
}

async function rejection(promise: Promise<unknown>): Promise<SecretBoxError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SecretBoxError);
  return error as SecretBoxError;
}

describeOnEachDatabase('secrets at rest', (database) => {
  const clock = fixedClock(new Date('2026-12-07T10:00:00Z'));
  let built: Awaited<ReturnType<typeof buildAuthApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let admin: Client;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const db = () => database().db;
  const raw = {
    totp: async (userId: string) =>
      (await db().selectFrom('mfa_totp').select('secret').where('user_id', '=', userId).executeTakeFirstOrThrow())
        .secret,
    webhook: async (id: string) =>
      (await db().selectFrom('webhooks').select('secret').where('id', '=', id).executeTakeFirstOrThrow()).secret,
    provider: async (id: string) =>
      (
        await db()
          .selectFrom('identity_providers')
          .select('client_secret')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).client_secret,
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    built = await buildAuthApp(database(), { clock, webhooks: { allowPrivate: true } });
    world = await ticketWorld(built);
    admin = await login(built, (await makeUser(built, ['admin'])).email);
  });
  afterAll(async () => {
    await built.app.close();
    await receiver.close();
  });

  /** A person with an authenticator: answers its secret as the app showed it. */
  async function enrolled() {
    const user = await makeUser(built, ['agent']);
    const client = await login(built, user.email);
    const { secret } = (await client.request('POST', '/api/v1/me/mfa/totp')).json() as { secret: string };
    const confirmed = await client.request('POST', '/api/v1/me/mfa/totp/confirm', {
      code: totpCode(secret, clock.now()),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    clock.advance(STEP);
    return { user, secret };
  }

  /** Password, then the authenticator's code: true when a session is given. */
  async function signsIn(email: string, secret: string): Promise<boolean> {
    clock.advance(STEP);
    const first = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    const { challenge } = first.json() as { challenge: string };
    const second = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa',
      payload: { challenge, code: totpCode(secret, clock.now()) },
    });
    return second.statusCode === 200;
  }

  /** Registers an endpoint on the receiver; answers it and its secret as shown once. */
  async function webhook(path: string) {
    const created = await admin.request('POST', '/api/v1/webhooks', {
      url: `${receiver.url}${path}`,
      events: ['ticket.created'],
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { webhook: { id: string }; secret: string };
  }

  /** Raises a ticket and sends its delivery: answers whether the receiver got it signed with `secret`. */
  async function deliveredSignedWith(path: string, secret: string): Promise<boolean> {
    const webhooks = built.services.webhooks;
    await raise(world.requester);
    await webhooks.sendDue();
    const hit = receiver.received.filter((r) => r.url === path).at(-1);
    return hit !== undefined && signedWith(secret, String(hit.headers['x-mesa-signature']), hit.body);
  }

  it('starts without a key while no secret is stored (PostgreSQL without MESA_SECRET_KEY), sealing nothing', async () => {
    expect(await sealStoredSecrets(db(), new SecretBox(null))).toEqual({ sealed: 0, stored: 0 });
  });

  it('stores TOTP, client and webhook secrets sealed with the key, never as given, and uses them', async () => {
    const { user, secret } = await enrolled();
    const hook = await webhook('/sealed');
    const provider = await built.services.oidc.create(systemContext, {
      name: 'Directorio',
      issuer: 'https://login.example.com/realms/mesa',
      clientId: 'mesa',
      clientSecret: 'client-secret-from-the-directory-1234',
      organizationId: null,
      defaultRole: 'agent',
    });
    const prefix = `v1:${secretKeyId(TEST_SECRET_KEY)}:`;
    const stored = [
      [await raw.totp(user.id), secret],
      [await raw.webhook(hook.webhook.id), hook.secret],
      [await raw.provider(provider.id), 'client-secret-from-the-directory-1234'],
    ] as const;
    for (const [value, given] of stored) {
      expect(value.startsWith(prefix), value).toBe(true);
      expect(value).not.toContain(given);
      expect(value).not.toContain(given.slice(8, 20));
    }
    // Opened on use: the code from the authenticator signs in, the delivery is signed with the shown secret.
    expect(await signsIn(user.email, secret)).toBe(true);
    expect(await deliveredSignedWith('/sealed', hook.secret)).toBe(true);
    expect(TEST_CONFIG.secrets.open(stored[2][0], secretContext(SECRET_COLUMNS.identityProvider, provider.id))).toBe(
      'client-secret-from-the-directory-1234',
    );
    expect(await sealStoredSecrets(db(), TEST_CONFIG.secrets)).toEqual({ sealed: 0, stored: 3 });
  });

  it('seals at start what an earlier version stored in plain text; those work before and after', async () => {
    const { user, secret } = await enrolled();
    const hook = await webhook('/legacy');
    // As version 0019 left them: the secret itself in the column.
    await db().updateTable('mfa_totp').set({ secret }).where('user_id', '=', user.id).execute();
    await db().updateTable('webhooks').set({ secret: hook.secret }).where('id', '=', hook.webhook.id).execute();
    expect(await signsIn(user.email, secret)).toBe(true);
    expect(await deliveredSignedWith('/legacy', hook.secret)).toBe(true);

    expect(await sealStoredSecrets(db(), TEST_CONFIG.secrets)).toMatchObject({ sealed: 2 });
    expect(await raw.totp(user.id)).toMatch(/^v1:/);
    expect(await raw.webhook(hook.webhook.id)).toMatch(/^v1:/);
    expect(await raw.webhook(hook.webhook.id)).not.toContain(hook.secret);
    expect(await signsIn(user.email, secret)).toBe(true);
    expect(await deliveredSignedWith('/legacy', hook.secret)).toBe(true);
    // Once is enough: the next start has nothing to seal.
    expect(await sealStoredSecrets(db(), TEST_CONFIG.secrets)).toMatchObject({ sealed: 0 });
  });

  it('refuses to start with another key, naming it, and without any key once a secret is stored', async () => {
    const other = new SecretBox({ current: randomBytes(32), previous: [] });
    const wrong = await rejection(sealStoredSecrets(db(), other));
    expect(wrong.reason).toBe('unknown_key');
    expect(wrong.message).toContain(`sealed with key ${secretKeyId(TEST_SECRET_KEY)}`);
    expect(wrong.message).toContain('MESA_SECRET_KEY_PREVIOUS');
    const none = await rejection(sealStoredSecrets(db(), new SecretBox(null)));
    expect(none.reason).toBe('missing_key');
    expect(none.message).toMatch(/^MESA_SECRET_KEY is required/);
    // Nothing was changed by either.
    expect(await sealStoredSecrets(db(), TEST_CONFIG.secrets)).toMatchObject({ sealed: 0 });
  });

  it('moves every secret to a new key when the old one is given as previous, and back', async () => {
    const { user, secret } = await enrolled();
    const newKey = randomBytes(32);
    const { stored } = await sealStoredSecrets(db(), TEST_CONFIG.secrets);
    const rotated = new SecretBox({ current: newKey, previous: [TEST_SECRET_KEY] });
    expect(await sealStoredSecrets(db(), rotated)).toEqual({ sealed: stored, stored });
    expect(await raw.totp(user.id)).toMatch(new RegExp(`^v1:${secretKeyId(newKey)}:`));
    // The old key alone no longer opens them.
    expect((await rejection(sealStoredSecrets(db(), TEST_CONFIG.secrets))).reason).toBe('unknown_key');
    // Back to the key the app under test holds, so the rest of the file signs in with it.
    const back = new SecretBox({ current: TEST_SECRET_KEY, previous: [newKey] });
    expect(await sealStoredSecrets(db(), back)).toEqual({ sealed: stored, stored });
    expect(await signsIn(user.email, secret)).toBe(true);
  });

  it('refuses an altered secret: the sign-in fails and the webhook sends nothing unsigned', async () => {
    const hook = await webhook('/tampered');
    const sealed = await raw.webhook(hook.webhook.id);
    const parts = sealed.split(':');
    const ciphertext = parts[4] as string;
    parts[4] = `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`;
    await db()
      .updateTable('webhooks')
      .set({ secret: parts.join(':') })
      .where('id', '=', hook.webhook.id)
      .execute();
    expect(await deliveredSignedWith('/tampered', hook.secret)).toBe(false);
    expect(receiver.received.filter((r) => r.url === '/tampered')).toEqual([]);
    const [delivery] = (await admin.request('GET', `/api/v1/webhooks/${hook.webhook.id}/deliveries`)).json().items;
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
    expect(delivery.lastError).toMatch(/\(webhooks.secret\) failed its integrity check/);

    // A sealed TOTP secret copied onto another person's row does not open there.
    const first = await enrolled();
    const second = await enrolled();
    await db()
      .updateTable('mfa_totp')
      .set({ secret: await raw.totp(first.user.id) })
      .where('user_id', '=', second.user.id)
      .execute();
    expect(await signsIn(second.user.email, first.secret)).toBe(false);
    await admin.request('DELETE', `/api/v1/webhooks/${hook.webhook.id}`);
    await db().deleteFrom('mfa_totp').where('user_id', '=', second.user.id).execute();
  });
});
