import { beforeAll, expect, it } from 'vitest';
import { SECURITY_EVENT_KINDS } from '../../../domain/contracts/security-events.js';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, login, makeOrganization, makeUser, TEST_PASSWORD } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';

describeOnEachDatabase('security event log', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  const clock = fixedClock(new Date('2026-12-07T10:00:00Z'));
  beforeAll(async () => {
    built = await buildTestApp(database(), { clock });
  });

  it('records every kind of event, and never a password, token secret or hash', async () => {
    const adminUser = await makeUser(built, ['admin']);
    const admin = await login(built, adminUser.email);
    const user = await makeUser(built, ['agent']);
    const wrongPassword = 'my wrong secret guess 4711';
    const signIn = (password: string, ip = '10.7.0.1') =>
      built.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password },
        remoteAddress: ip,
        headers: { 'user-agent': 'hostile-agent/1.0' },
      });
    // Failures up to the lock, then the admin lifts it.
    for (let i = 0; i < 5; i++) {
      expect((await signIn(`${wrongPassword}-${i}`)).statusCode).toBe(401);
      clock.advance(60_000);
    }
    expect((await admin.request('POST', `/api/v1/users/${user.id}/unlock`)).statusCode).toBe(200);
    const client = await login(built, user.email);
    const created = await client.request('POST', '/api/v1/me/tokens', { name: 'script' });
    const secret = created.json().secret as string;
    await built.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${secret}` },
      remoteAddress: '10.7.0.9',
    });
    expect((await client.request('DELETE', `/api/v1/me/tokens/${created.json().token.id}`)).statusCode).toBe(200);
    const roles = await admin.request('PATCH', `/api/v1/users/${user.id}`, {
      version: user.version,
      roles: ['agent', 'supervisor'],
    });
    expect(roles.statusCode).toBe(200);
    const forgot = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/forgot-password',
      payload: { email: user.email },
      remoteAddress: '10.7.0.1',
    });
    expect(forgot.statusCode).toBe(202);
    const newPassword = 'the admin chose this passphrase';
    expect(
      (await admin.request('POST', `/api/v1/users/${user.id}/password`, { password: newPassword })).statusCode,
    ).toBe(200);

    const listed = await admin.request('GET', `/api/v1/security-events?userId=${user.id}&limit=100`);
    expect(listed.statusCode).toBe(200);
    const kinds = new Set(listed.json().items.map((e: { kind: string }) => e.kind));
    expect([...kinds].sort()).toEqual([...SECURITY_EVENT_KINDS].sort());
    const failed = listed.json().items.find((e: { kind: string }) => e.kind === 'sign_in.failed');
    expect(failed).toMatchObject({ ip: '10.7.0.1', userAgent: 'hostile-agent/1.0', email: user.email });
    const role = listed.json().items.find((e: { kind: string }) => e.kind === 'role.changed');
    expect(role).toMatchObject({
      actorId: adminUser.id,
      details: { before: ['agent'], after: ['agent', 'supervisor'] },
    });

    // Grep the stored rows themselves, not only what the API shows.
    const rows = await database().db.selectFrom('security_events').selectAll().execute();
    const stored = JSON.stringify(rows);
    const hashes = await database().db.selectFrom('users').select('password_hash').execute();
    const tokenHashes = await database().db.selectFrom('api_tokens').select('token_hash').execute();
    for (const forbidden of [
      wrongPassword,
      TEST_PASSWORD,
      newPassword,
      secret,
      secret.slice(12),
      ...hashes.map((h) => h.password_hash).filter((h): h is string => h !== null),
      ...tokenHashes.map((h) => h.token_hash),
    ]) {
      expect(stored).not.toContain(forbidden);
    }
  });

  it('filters by kind and user, and pages with a cursor, newest first', async () => {
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const user = await makeUser(built, ['agent']);
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      await login(built, user.email);
    }
    const first = await admin.request(
      'GET',
      `/api/v1/security-events?kind=sign_in.succeeded&userId=${user.id}&limit=2`,
    );
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toHaveLength(2);
    expect(first.json().items.every((e: { kind: string; userId: string }) => e.userId === user.id)).toBe(true);
    const cursor = first.json().nextCursor as string;
    const second = await admin.request(
      'GET',
      `/api/v1/security-events?kind=sign_in.succeeded&userId=${user.id}&limit=2&cursor=${cursor}`,
    );
    expect(second.json().items).toHaveLength(1);
    expect(second.json().nextCursor).toBeNull();
    const times = [...first.json().items, ...second.json().items].map((e: { at: string }) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('is for admins only', async () => {
    const organization = await makeOrganization(built);
    for (const role of ['agent', 'supervisor', 'requester'] as const) {
      const person = await makeUser(built, [role], role === 'requester' ? organization.id : null);
      const client = await login(built, person.email);
      expect((await client.request('GET', '/api/v1/security-events')).statusCode).toBe(403);
    }
    expect((await built.app.inject({ method: 'GET', url: '/api/v1/security-events' })).statusCode).toBe(401);
  });
});
