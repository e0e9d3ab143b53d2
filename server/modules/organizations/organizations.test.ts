import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { systemContext } from '../../platform/request-context.js';

describeOnEachDatabase('organizations and services', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: Client;

  beforeAll(async () => {
    built = await buildTestApp(database());
    admin = await login(built, (await makeUser(built, ['admin'])).email);
  });

  it('creates, reads and updates an organization, recording each change in the audit log', async () => {
    const created = await admin.request('POST', '/api/v1/organizations', {
      name: '  Banco Austral ',
      code: 'BAUSTRAL',
    });
    expect(created.statusCode).toBe(201);
    const organization = created.json();
    expect(organization).toMatchObject({ name: 'Banco Austral', code: 'BAUSTRAL', status: 'active', version: 1 });

    const updated = await admin.request('PATCH', `/api/v1/organizations/${organization.id}`, {
      version: 1,
      name: 'Banco Austral S.A.',
      requestersSeeAllTickets: true,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, requestersSeeAllTickets: true });

    const audit = await admin.request(
      'GET',
      `/api/v1/audit-events?entityType=organization&entityId=${organization.id}`,
    );
    const [update, create] = audit.json().items;
    expect(create).toMatchObject({ action: 'organization.created', changes: { before: null } });
    expect(update).toMatchObject({
      action: 'organization.updated',
      actorName: expect.stringContaining('admin'),
      requestId: updated.headers['x-request-id'],
      changes: {
        before: { name: 'Banco Austral', requestersSeeAllTickets: false, version: 1 },
        after: { name: 'Banco Austral S.A.', requestersSeeAllTickets: true, version: 2 },
      },
    });
  });

  it('answers 409 to a stale update and changes nothing', async () => {
    const organization = await makeOrganization(built);
    expect(
      (await admin.request('PATCH', `/api/v1/organizations/${organization.id}`, { version: 1, name: 'First' }))
        .statusCode,
    ).toBe(200);
    const stale = await admin.request('PATCH', `/api/v1/organizations/${organization.id}`, {
      version: 1,
      name: 'Second',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await admin.request('GET', `/api/v1/organizations/${organization.id}`)).json().name).toBe('First');
  });

  it('refuses a duplicate code with the field named', async () => {
    await admin.request('POST', '/api/v1/organizations', { name: 'One', code: 'DUPE' });
    const again = await admin.request('POST', '/api/v1/organizations', { name: 'Two', code: 'DUPE' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ field: 'code', message: expect.any(String) }]);
  });

  it('pages through organizations with a cursor, in name order', async () => {
    for (const name of ['Paging C', 'Paging A', 'Paging B']) await makeOrganization(built, name);
    const first = (await admin.request('GET', '/api/v1/organizations?q=paging&limit=2')).json();
    expect(first.items.map((o: { name: string }) => o.name)).toEqual(['Paging A', 'Paging B']);
    const second = (
      await admin.request('GET', `/api/v1/organizations?q=paging&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((o: { name: string }) => o.name)).toEqual(['Paging C']);
    expect(second.nextCursor).toBeNull();
    const broken = await admin.request('GET', '/api/v1/organizations?cursor=garbage');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0].field).toBe('cursor');
  });

  it('keeps services per organization with unique names', async () => {
    const organization = await makeOrganization(built);
    const url = `/api/v1/organizations/${organization.id}/services`;
    const created = await admin.request('POST', url, { name: 'ERP', description: 'SAP' });
    expect(created.statusCode).toBe(201);
    expect((await admin.request('POST', url, { name: 'ERP' })).statusCode).toBe(409);
    const renamed = await admin.request('PATCH', `/api/v1/services/${created.json().id}`, {
      version: 1,
      status: 'inactive',
    });
    expect(renamed.json()).toMatchObject({ status: 'inactive', version: 2 });
    expect((await admin.request('GET', url)).json().items).toHaveLength(1);
    expect((await admin.request('POST', '/api/v1/organizations/no-such-org/services', { name: 'X' })).statusCode).toBe(
      404,
    );
  });

  it("confines a requester to their own organization: 404 for another's, 403 for staff routes", async () => {
    const mine = await makeOrganization(built, 'Requester Home');
    const theirs = await makeOrganization(built, 'Someone Else');
    await built.services.organizations.createService(systemContext, mine.id, { name: 'Portal' });
    const requester = await login(built, (await makeUser(built, ['requester'], mine.id)).email);

    const list = (await requester.request('GET', '/api/v1/organizations')).json();
    expect(list.items.map((o: { id: string }) => o.id)).toEqual([mine.id]);
    expect((await requester.request('GET', `/api/v1/organizations/${mine.id}`)).statusCode).toBe(200);
    expect((await requester.request('GET', `/api/v1/organizations/${mine.id}/services`)).json().items).toHaveLength(1);

    const other = await requester.request('GET', `/api/v1/organizations/${theirs.id}`);
    expect(other.statusCode).toBe(404);
    expect((await requester.request('GET', `/api/v1/organizations/${theirs.id}/services`)).statusCode).toBe(404);

    for (const [method, url] of [
      ['GET', '/api/v1/users'],
      ['GET', '/api/v1/audit-events'],
      ['POST', '/api/v1/organizations'],
      ['PATCH', `/api/v1/organizations/${mine.id}`],
    ] as const) {
      const response = await requester.request(method, url, method === 'GET' ? undefined : { bad: 'body' });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
  });
});
