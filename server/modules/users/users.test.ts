import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';

describeOnEachDatabase('users and roles', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: Client;
  let adminId: string;

  beforeAll(async () => {
    built = await buildTestApp(database());
    const user = await makeUser(built, ['admin']);
    adminId = user.id;
    admin = await login(built, user.email);
  });

  it('creates a requester in an organization who can then sign in', async () => {
    const organization = await makeOrganization(built);
    const response = await admin.request('POST', '/api/v1/users', {
      email: 'Marta.Soto@Example.com',
      name: 'Marta Soto',
      roles: ['requester'],
      organizationId: organization.id,
      password: 'a long enough password',
      locale: 'es',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ email: 'marta.soto@example.com', roles: ['requester'], hasPassword: true });
    expect(JSON.stringify(response.json())).not.toContain('password_hash');
    const me = (
      await (await login(built, 'marta.soto@example.com', 'a long enough password')).request('GET', '/api/v1/me')
    ).json();
    expect(me).toMatchObject({ organizationId: organization.id, organizationName: organization.name, locale: 'es' });
  });

  it('gives staff several roles, and keeps requesters apart from staff', async () => {
    const staff = await admin.request('POST', '/api/v1/users', {
      email: 'multi@test.mesa',
      name: 'Multi Role',
      roles: ['supervisor', 'agent'],
    });
    expect(staff.json().roles).toEqual(['agent', 'supervisor']);

    const organization = await makeOrganization(built);
    const mixed = await admin.request('POST', '/api/v1/users', {
      email: 'mixed@test.mesa',
      name: 'Mixed',
      roles: ['requester', 'agent'],
      organizationId: organization.id,
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors).toEqual([{ field: 'roles', message: 'a requester cannot also hold a staff role' }]);

    const orphan = await admin.request('POST', '/api/v1/users', {
      email: 'orphan@test.mesa',
      name: 'Orphan',
      roles: ['requester'],
    });
    expect(orphan.json().errors).toEqual([
      { field: 'organizationId', message: 'a requester must belong to an organization' },
    ]);

    const ghostOrg = await admin.request('POST', '/api/v1/users', {
      email: 'ghost@test.mesa',
      name: 'Ghost',
      roles: ['requester'],
      organizationId: 'no-such-organization',
    });
    expect(ghostOrg.json().errors).toEqual([{ field: 'organizationId', message: 'no such organization' }]);
    const count = await database()
      .db.selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', 'in', ['mixed@test.mesa', 'orphan@test.mesa', 'ghost@test.mesa'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    await admin.request('POST', '/api/v1/users', { email: 'twice@test.mesa', name: 'Once', roles: ['agent'] });
    const again = await admin.request('POST', '/api/v1/users', {
      email: 'TWICE@test.mesa',
      name: 'Twice',
      roles: ['agent'],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ field: 'email', message: expect.any(String) }]);
  });

  it('changes roles with the version, audits before and after, and takes effect at once', async () => {
    const user = await makeUser(built, ['agent']);
    const client = await login(built, user.email);
    expect((await client.request('GET', '/api/v1/audit-events')).statusCode).toBe(403);
    const updated = await admin.request('PATCH', `/api/v1/users/${user.id}`, {
      version: user.version,
      roles: ['agent', 'supervisor'],
    });
    expect(updated.statusCode).toBe(200);
    expect((await client.request('GET', '/api/v1/audit-events')).statusCode).toBe(200);
    const stale = await admin.request('PATCH', `/api/v1/users/${user.id}`, { version: user.version, roles: ['agent'] });
    expect(stale.statusCode).toBe(409);

    const [event] = (await admin.request('GET', `/api/v1/audit-events?entityId=${user.id}`)).json().items;
    expect(event).toMatchObject({
      action: 'user.updated',
      actorId: adminId,
      changes: { before: { roles: ['agent'] }, after: { roles: ['agent', 'supervisor'] } },
    });
  });

  it('does not let an admin lock themselves out', async () => {
    const me = (await admin.request('GET', `/api/v1/users/${adminId}`)).json();
    const response = await admin.request('PATCH', `/api/v1/users/${adminId}`, {
      version: me.version,
      status: 'inactive',
    });
    expect(response.statusCode).toBe(400);
    const demote = await admin.request('PATCH', `/api/v1/users/${adminId}`, { version: me.version, roles: ['agent'] });
    expect(demote.json().errors[0].field).toBe('roles');
  });

  it("lets an admin reset a password, ending that user's sessions", async () => {
    const user = await makeUser(built, ['agent']);
    const client = await login(built, user.email);
    const reset = await admin.request('POST', `/api/v1/users/${user.id}/password`, { password: 'reset by the admin' });
    expect(reset.statusCode).toBe(200);
    expect((await client.request('GET', '/api/v1/me')).statusCode).toBe(401);
    await login(built, user.email, 'reset by the admin');
    const [event] = (await admin.request('GET', `/api/v1/audit-events?entityId=${user.id}`)).json().items;
    expect(event.action).toBe('user.password_set');
    expect(JSON.stringify(event)).not.toContain('reset by the admin');
  });

  it('filters the people directory by role, organization and text', async () => {
    const organization = await makeOrganization(built);
    await makeUser(built, ['requester'], organization.id, { name: 'Zoila Filterable' });
    await makeUser(built, ['specialist'], null, { name: 'Zacarías Filterable' });
    const agent = await login(built, (await makeUser(built, ['agent'])).email);
    const byOrg = (await agent.request('GET', `/api/v1/users?organizationId=${organization.id}`)).json();
    expect(byOrg.items.map((u: { name: string }) => u.name)).toEqual(['Zoila Filterable']);
    const byRole = (await agent.request('GET', '/api/v1/users?role=specialist&q=filterable')).json();
    expect(byRole.items.map((u: { name: string }) => u.name)).toEqual(['Zacarías Filterable']);
    expect(
      (await agent.request('POST', '/api/v1/users', { email: 'x@test.mesa', name: 'X', roles: ['agent'] })).statusCode,
    ).toBe(403);
  });

  it('moves a requester to another organization, validating it inside the same transaction', async () => {
    const [from, to] = [await makeOrganization(built), await makeOrganization(built)];
    const user = await makeUser(built, ['requester'], from.id);
    const moved = await admin.request('PATCH', `/api/v1/users/${user.id}`, {
      version: user.version,
      organizationId: to.id,
    });
    expect(moved.json()).toMatchObject({ organizationId: to.id, version: user.version + 1 });
    const nowhere = await admin.request('PATCH', `/api/v1/users/${user.id}`, {
      version: user.version + 1,
      organizationId: 'missing',
    });
    expect(nowhere.json().errors).toEqual([{ field: 'organizationId', message: 'no such organization' }]);
  });
});
