import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';

describeOnEachDatabase('the audit log names what it shows', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    built = await buildTestApp(database());
  });

  it('gives each event its record’s name and the names of the records its changes point at', async () => {
    const organization = await makeOrganization(built, 'Clínica Andina');
    const admin = await login(built, (await makeUser(built, ['admin'], null, { name: 'Marta Admin' })).email);
    const created = await admin.request('POST', '/api/v1/users', {
      email: 'lucia@clinica.test',
      name: 'Lucía Rojas',
      roles: ['requester'],
      organizationId: organization.id,
    });
    expect(created.statusCode).toBe(201);
    const userId = created.json().id as string;
    // Renamed since: the log shows the name the record has now.
    const renamed = await admin.request('PATCH', `/api/v1/users/${userId}`, { version: 1, name: 'Lucía Rojas Pérez' });
    expect(renamed.statusCode).toBe(200);

    const listed = await admin.request('GET', `/api/v1/audit-events?entityType=user&entityId=${userId}`);
    expect(listed.statusCode).toBe(200);
    const [updated, creation] = listed.json().items;
    expect(creation).toMatchObject({
      action: 'user.created',
      actorName: 'Marta Admin',
      entityName: 'Lucía Rojas Pérez',
      names: { [userId]: 'Lucía Rojas Pérez', [organization.id]: 'Clínica Andina' },
    });
    expect(updated).toMatchObject({ action: 'user.updated', entityName: 'Lucía Rojas Pérez' });
  });
});
