import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { systemContext } from '../../platform/request-context.js';

describeOnEachDatabase('the service suggested for a caller', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let agent: Client;

  beforeAll(async () => {
    built = await buildTestApp(database());
    agent = await login(built, (await makeUser(built, ['agent'])).email);
  });

  const raise = async (requesterId: string, serviceId: string | null, categoryId: string | null = null) => {
    const response = await agent.request('POST', '/api/v1/tickets', {
      requesterId,
      type: 'incident',
      channel: 'phone',
      subject: 'Llamada',
      description: 'texto',
      serviceId,
      categoryId,
    });
    expect(response.statusCode).toBe(201);
  };
  const suggestionFor = (client: Client, requesterId: string) =>
    client.request('GET', `/api/v1/tickets/service-suggestion?requesterId=${requesterId}`);

  it("suggests the caller's most frequent service and its most frequent category", async () => {
    const organization = await makeOrganization(built);
    const mail = await built.services.organizations.createService(systemContext, organization.id, { name: 'Correo' });
    const erp = await built.services.organizations.createService(systemContext, organization.id, { name: 'ERP' });
    const quota = await built.services.categories.create(systemContext, { name: 'Cuota', serviceId: mail.id });
    const login = await built.services.categories.create(systemContext, { name: 'Acceso' });
    const caller = await makeUser(built, ['requester'], organization.id);
    await raise(caller.id, mail.id, quota.id);
    await raise(caller.id, erp.id, login.id);
    await raise(caller.id, mail.id, quota.id);
    await raise(caller.id, mail.id, login.id);
    await raise(caller.id, null);

    const response = await suggestionFor(agent, caller.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      service: { id: mail.id, name: 'Correo' },
      category: { id: quota.id, name: 'Cuota' },
      basedOn: 4,
    });
  });

  it('suggests nothing for a caller without tickets, or whose services were retired', async () => {
    const organization = await makeOrganization(built);
    const newcomer = await makeUser(built, ['requester'], organization.id);
    expect((await suggestionFor(agent, newcomer.id)).json()).toEqual({ service: null, category: null, basedOn: 0 });

    const old = await built.services.organizations.createService(systemContext, organization.id, { name: 'Viejo' });
    const veteran = await makeUser(built, ['requester'], organization.id);
    await raise(veteran.id, old.id);
    await built.services.organizations.updateService(systemContext, old.id, {
      version: old.version,
      status: 'inactive',
    });
    expect((await suggestionFor(agent, veteran.id)).json()).toEqual({ service: null, category: null, basedOn: 0 });
  });

  it("never suggests another organization's service to a caller who moved from it", async () => {
    const before = await makeOrganization(built);
    const now = await makeOrganization(built);
    const crm = await built.services.organizations.createService(systemContext, before.id, { name: 'CRM de B' });
    const portal = await built.services.organizations.createService(systemContext, now.id, { name: 'Portal de A' });
    const caller = await makeUser(built, ['requester'], before.id);
    await raise(caller.id, crm.id);
    await raise(caller.id, crm.id);
    await raise(caller.id, crm.id);
    await built.services.users.update(systemContext, caller.id, { version: caller.version, organizationId: now.id });
    expect((await suggestionFor(agent, caller.id)).json()).toEqual({ service: null, category: null, basedOn: 0 });

    await raise(caller.id, portal.id);
    expect((await suggestionFor(agent, caller.id)).json()).toMatchObject({
      service: { id: portal.id, name: 'Portal de A' },
      basedOn: 1,
    });
  });

  it('is for the desk only, and names a missing requester', async () => {
    const organization = await makeOrganization(built);
    const requester = await makeUser(built, ['requester'], organization.id);
    const asRequester = await login(built, requester.email);
    expect((await suggestionFor(asRequester, requester.id)).statusCode).toBe(403);

    const bad = await agent.request('GET', '/api/v1/tickets/service-suggestion');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.json())).toContain('requesterId');
  });
});
