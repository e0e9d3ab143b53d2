import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { systemContext } from '../../platform/request-context.js';

describeOnEachDatabase('finding people by phone number', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let agent: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    built = await buildTestApp(database());
    agent = await login(built, (await makeUser(built, ['agent'])).email);
    const organization = await makeOrganization(built);
    const people = {
      rosa: '+56 9 1234 5678',
      tomas: '9 8765 4321',
      ines: '(2) 2345-6789',
      nadie: null,
    };
    for (const [name, phone] of Object.entries(people)) {
      const user = await built.services.users.create(systemContext, {
        email: `${name}@phone.test`,
        name,
        roles: ['requester'],
        organizationId: organization.id,
        phone,
      });
      ids[name] = user.id;
    }
  });

  const found = async (q: string) => {
    const response = await agent.request('GET', `/api/v1/users?${new URLSearchParams({ q, role: 'requester' })}`);
    expect(response.statusCode).toBe(200);
    return (response.json().items as { name: string }[]).map((user) => user.name);
  };

  it('finds a number with or without spaces, with or without the country code', async () => {
    for (const q of ['+56 9 1234 5678', '+56912345678', '56912345678', '912345678', '9 1234 5678', '5678']) {
      expect(await found(q), q).toEqual(['rosa']);
    }
    // Stored without the country code, typed with it.
    expect(await found('+56 9 8765 4321')).toEqual(['tomas']);
    expect(await found('+56 2 2345 6789')).toEqual(['ines']);
  });

  it('finds no one for a number nobody has, and still finds names and emails', async () => {
    expect(await found('+56 9 1234 5679')).toEqual([]);
    expect(await found('Tom')).toEqual(['tomas']);
    expect(await found('ines@phone')).toEqual(['ines']);
  });

  it('follows a changed number, and forgets a removed one', async () => {
    const before = await built.services.users.get(ids.tomas as string);
    const changed = await built.services.users.update(systemContext, before.id, {
      version: before.version,
      phone: '+56 9 5555 0000',
    });
    expect(await found('955550000')).toEqual(['tomas']);
    expect(await found('9 8765 4321')).toEqual([]);
    await built.services.users.update(systemContext, before.id, { version: changed.version, phone: null });
    expect(await found('955550000')).toEqual([]);
  });
});
