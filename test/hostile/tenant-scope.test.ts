import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/platform/request-context.js';
import { describeOnEachDatabase } from '../support/databases.js';
import { buildTestApp, type Client, login, makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { PNG, raise, ticketWorld, upload } from '../support/tickets.js';

type Built = Awaited<ReturnType<typeof buildTestApp>>;
type World = Awaited<ReturnType<typeof ticketWorld>>;
interface Named {
  id: string;
  number?: string;
  title?: string;
  name?: string;
}

/**
 * What an attacker would send across the tenant boundary: a requester of one organization asking
 * for another's categories, procedures, services and people, and staff actions that would carry
 * one organization's data to another's requester. Each answer is a refusal or an absence, never a
 * 500, and nothing changes.
 */
describeOnEachDatabase('hostile: tenant scope, review and what requesters are told', (database) => {
  let built: Built;
  let world: World;
  let other: World;
  let admin: Client;
  let supervisor: Client;
  const categories: Record<'global' | 'mine' | 'theirs', string> = { global: '', mine: '', theirs: '' };
  const procedures: Record<'global' | 'mine' | 'theirsByService' | 'theirsByCategory' | 'globalCategory', string> = {
    global: '',
    mine: '',
    theirsByService: '',
    theirsByCategory: '',
    globalCategory: '',
  };

  /** Sends as an attacker would; whatever the answer, it is never a server error. */
  async function send(client: Client, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
    const response = await client.request(method, url, body);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(500);
    return response;
  }

  const ids = (response: LightMyRequestResponse): string[] =>
    (response.json().items as (Named | { procedure: Named })[]).map((item) =>
      'procedure' in item ? item.procedure.id : item.id,
    );
  const field = (response: LightMyRequestResponse) =>
    (response.json().errors as { field: string }[] | undefined)?.map((e) => e.field);

  async function published(body: Record<string, unknown>): Promise<string> {
    const created = (await world.agent.request('POST', '/api/v1/procedures', body)).json();
    const url = `/api/v1/procedures/${created.id}`;
    const submitted = (await world.agent.request('POST', `${url}/actions`, { version: 1, action: 'submit' })).json();
    const done = await supervisor.request('POST', `${url}/actions`, { version: submitted.version, action: 'publish' });
    expect(done.json().status).toBe('published');
    return created.id;
  }

  beforeAll(async () => {
    built = await buildTestApp(database());
    world = await ticketWorld(built);
    other = await ticketWorld(built);
    admin = await login(built, (await makeUser(built, ['admin'])).email);
    supervisor = await login(built, (await makeUser(built, ['supervisor'])).email);
    categories.global = (await built.services.categories.create(systemContext, { name: 'Accesos (todos)' })).id;
    categories.mine = (
      await built.services.categories.create(systemContext, { name: 'ERP propio', serviceId: world.service.id })
    ).id;
    categories.theirs = (
      await built.services.categories.create(systemContext, {
        name: 'Nómina confidencial',
        serviceId: other.service.id,
      })
    ).id;
    const article = (title: string, scope: Record<string, unknown>) => ({
      audience: 'requesters',
      title,
      summary: `${title}: resumen`,
      steps: ['Paso uno', 'Paso dos'],
      ...scope,
    });
    procedures.global = await published(article('Cambiar la contraseña del portal', {}));
    procedures.mine = await published(article('Reiniciar el ERP propio', { serviceIds: [world.service.id] }));
    procedures.theirsByService = await published(
      article('Procedimiento zafiro de la nómina ajena', { serviceIds: [other.service.id] }),
    );
    procedures.theirsByCategory = await published(
      article('Procedimiento obsidiana ajeno', { categoryIds: [categories.theirs] }),
    );
    procedures.globalCategory = await published(
      article('Solicitar accesos nuevos', { categoryIds: [categories.global] }),
    );
  });

  describe('categories of another organization', () => {
    it('lists only global and own categories to a requester', async () => {
      const listed = ids(await send(world.requester, 'GET', '/api/v1/categories'));
      expect(listed).toContain(categories.global);
      expect(listed).toContain(categories.mine);
      expect(listed).not.toContain(categories.theirs);
    });

    it("lists none of another organization's categories filtered by that organization's service", async () => {
      const response = await send(world.requester, 'GET', `/api/v1/categories?serviceId=${other.service.id}`);
      expect(response.statusCode).toBe(200);
      expect(ids(response)).toEqual([categories.global]);
    });

    it('lists none of them with inactive ones included', async () => {
      const listed = ids(await send(world.requester, 'GET', '/api/v1/categories?includeInactive=true'));
      expect(listed).not.toContain(categories.theirs);
    });

    it('still lists every category to staff', async () => {
      const listed = ids(await send(world.agent, 'GET', '/api/v1/categories'));
      expect(listed).toEqual(expect.arrayContaining([categories.global, categories.mine, categories.theirs]));
    });

    it("refuses to file a ticket under another organization's category, raising nothing", async () => {
      const before = (await send(world.requester, 'GET', '/api/v1/tickets')).json().items.length;
      const response = await send(world.requester, 'POST', '/api/v1/tickets', {
        type: 'incident',
        subject: 'Intento con categoría ajena',
        description: '<p>x</p>',
        categoryId: categories.theirs,
      });
      expect(response.statusCode).toBe(400);
      expect(field(response)).toEqual(['categoryId']);
      expect((await send(world.requester, 'GET', '/api/v1/tickets')).json().items.length).toBe(before);
    });

    it('refuses a requester creating or renaming a category, changing nothing', async () => {
      expect((await send(world.requester, 'POST', '/api/v1/categories', { name: 'Mía' })).statusCode).toBe(403);
      const renamed = await send(world.requester, 'PATCH', `/api/v1/categories/${categories.theirs}`, {
        version: 1,
        name: 'Robada',
      });
      expect(renamed.statusCode).toBe(403);
      expect((await built.services.categories.find(categories.theirs))?.name).toBe('Nómina confidencial');
    });
  });

  describe('procedures of another organization', () => {
    it('lists only global and own requester procedures', async () => {
      const listed = ids(await send(world.requester, 'GET', '/api/v1/procedures'));
      expect(listed).toEqual(expect.arrayContaining([procedures.global, procedures.mine, procedures.globalCategory]));
      expect(listed).not.toContain(procedures.theirsByService);
      expect(listed).not.toContain(procedures.theirsByCategory);
    });

    it("finds nothing by another organization's procedure words (q=)", async () => {
      for (const q of ['zafiro', 'obsidiana', 'nómina ajena']) {
        const response = await send(world.requester, 'GET', `/api/v1/procedures?q=${encodeURIComponent(q)}`);
        expect(response.statusCode).toBe(200);
        expect(ids(response), q).toEqual([]);
      }
    });

    it('is suggested nothing of another organization by its words', async () => {
      const response = await send(world.requester, 'GET', '/api/v1/procedures/suggestions?text=zafiro%20obsidiana');
      expect(ids(response)).toEqual([]);
    });

    it("is suggested nothing of another organization by that organization's service", async () => {
      const response = await send(
        world.requester,
        'GET',
        `/api/v1/procedures/suggestions?serviceId=${other.service.id}&text=procedimiento`,
      );
      expect(ids(response)).not.toContain(procedures.theirsByService);
    });

    it("is suggested nothing of another organization by that organization's category", async () => {
      const response = await send(
        world.requester,
        'GET',
        `/api/v1/procedures/suggestions?categoryId=${categories.theirs}&text=procedimiento`,
      );
      expect(ids(response)).not.toContain(procedures.theirsByCategory);
    });

    it("gets 404 for another organization's procedure by id, by service or by category", async () => {
      for (const id of [procedures.theirsByService, procedures.theirsByCategory]) {
        const response = await send(world.requester, 'GET', `/api/v1/procedures/${id}`);
        expect(response.statusCode).toBe(404);
        expect(response.body).not.toContain('zafiro');
      }
    });

    it('gets 403 for the versions of a procedure and cannot edit one', async () => {
      const url = `/api/v1/procedures/${procedures.theirsByService}`;
      expect((await send(world.requester, 'GET', `${url}/versions`)).statusCode).toBe(403);
      expect((await send(world.requester, 'PATCH', url, { version: 3, title: 'x' })).statusCode).toBe(403);
      const staffView = (await send(world.agent, 'GET', url)).json();
      expect(staffView).toMatchObject({ title: 'Procedimiento zafiro de la nómina ajena', version: 3 });
    });

    it('the other organization still reads its own procedure (the scope is not a blanket ban)', async () => {
      const response = await send(other.requester, 'GET', `/api/v1/procedures/${procedures.theirsByService}`);
      expect(response.statusCode).toBe(200);
      expect(ids(await send(other.requester, 'GET', '/api/v1/procedures'))).not.toContain(procedures.mine);
    });
  });

  describe('services and people of another organization', () => {
    it('gets 404 for another organization and its services', async () => {
      expect((await send(world.requester, 'GET', `/api/v1/organizations/${other.organization.id}`)).statusCode).toBe(
        404,
      );
      const services = await send(world.requester, 'GET', `/api/v1/organizations/${other.organization.id}/services`);
      expect(services.statusCode).toBe(404);
      expect(services.body).not.toContain(other.service.id);
    });

    it('lists only its own organization', async () => {
      const listed = ids(await send(world.requester, 'GET', '/api/v1/organizations'));
      expect(listed).toEqual([world.organization.id]);
    });

    it('gets 403 for the people list and for another requester by id', async () => {
      expect((await send(world.requester, 'GET', '/api/v1/users')).statusCode).toBe(403);
      const person = await send(world.requester, 'GET', `/api/v1/users/${other.requesterUser.id}`);
      expect(person.statusCode).toBe(403);
      expect(person.body).not.toContain(other.requesterUser.name);
    });

    it("refuses a ticket on another organization's service, raising nothing", async () => {
      const before = (await send(world.agent, 'GET', '/api/v1/tickets')).json().items.length;
      const response = await send(world.requester, 'POST', '/api/v1/tickets', {
        type: 'incident',
        subject: 'Intento con servicio ajeno',
        description: '<p>x</p>',
        serviceId: other.service.id,
      });
      expect(response.statusCode).toBe(400);
      expect(field(response)).toEqual(['serviceId']);
      expect((await send(world.agent, 'GET', '/api/v1/tickets')).json().items.length).toBe(before);
    });
  });

  describe('watchers', () => {
    it('refuses a watcher of another organization with a 400 naming watcherIds, changing nothing', async () => {
      const ticket = await raise(world.requester);
      const url = `/api/v1/tickets/${ticket.id}`;
      const response = await send(world.agent, 'PATCH', url, {
        version: ticket.version,
        watcherIds: [other.requesterUser.id],
      });
      expect(response.statusCode).toBe(400);
      expect(field(response)).toEqual(['watcherIds']);
      const after = (await send(world.requester, 'GET', url)).json();
      expect(after.version).toBe(ticket.version);
      expect(after.watchers).toEqual([]);
      expect(JSON.stringify(after)).not.toContain(other.requesterUser.name);
    });

    it('refuses the whole list when one watcher of many is foreign', async () => {
      const colleague = await makeUser(built, ['requester'], world.organization.id);
      const ticket = await raise(world.requester);
      const response = await send(world.agent, 'PATCH', `/api/v1/tickets/${ticket.id}`, {
        version: ticket.version,
        watcherIds: [colleague.id, other.requesterUser.id],
      });
      expect(field(response)).toEqual(['watcherIds']);
      expect((await send(world.agent, 'GET', `/api/v1/tickets/${ticket.id}`)).json().watchers).toEqual([]);
    });

    it('accepts a colleague of the organization and a member of the desk', async () => {
      const colleague = await makeUser(built, ['requester'], world.organization.id);
      const ticket = await raise(world.requester);
      const response = await send(world.agent, 'PATCH', `/api/v1/tickets/${ticket.id}`, {
        version: ticket.version,
        watcherIds: [colleague.id, other.agentUser.id],
      });
      expect(response.statusCode).toBe(200);
      expect(
        response
          .json()
          .watchers.map((w: Named) => w.id)
          .sort(),
      ).toEqual([colleague.id, other.agentUser.id].sort());
    });

    it('never shows a requester a foreign watcher added before the rule, while staff still see them', async () => {
      const ticket = await raise(world.requester);
      // As an older version of Mesa would have stored it.
      await database()
        .db.insertInto('ticket_watchers')
        .values({ ticket_id: ticket.id, user_id: other.requesterUser.id })
        .execute();
      const seen = (await send(world.requester, 'GET', `/api/v1/tickets/${ticket.id}`)).json();
      expect(seen.watchers).toEqual([]);
      expect(JSON.stringify(seen)).not.toContain(other.requesterUser.name);
      const staff = (await send(world.agent, 'GET', `/api/v1/tickets/${ticket.id}`)).json();
      expect(staff.watchers.map((w: Named) => w.id)).toEqual([other.requesterUser.id]);
    });

    it('refuses a requester naming a foreign watcher on their own ticket', async () => {
      const ticket = await raise(world.requester);
      const response = await send(world.requester, 'PATCH', `/api/v1/tickets/${ticket.id}`, {
        version: ticket.version,
        watcherIds: [other.requesterUser.id],
      });
      expect([400, 403]).toContain(response.statusCode);
      expect((await send(world.agent, 'GET', `/api/v1/tickets/${ticket.id}`)).json().watchers).toEqual([]);
    });
  });

  describe('links and merges across organizations', () => {
    it('refuses merging a ticket into another organization’s, changing neither', async () => {
      const mine = await raise(world.requester);
      const theirs = await raise(other.requester);
      const response = await send(world.agent, 'POST', `/api/v1/tickets/${mine.id}/links`, {
        kind: 'duplicate_of',
        ticketId: theirs.id,
      });
      expect(response.statusCode).toBe(400);
      expect(field(response)).toEqual(['ticketId']);
      const after = (await send(world.agent, 'GET', `/api/v1/tickets/${mine.id}`)).json();
      expect(after).toMatchObject({ status: mine.status, version: mine.version, links: [] });
      const timeline = JSON.stringify(
        (await send(world.requester, 'GET', `/api/v1/tickets/${mine.id}/timeline`)).json(),
      );
      expect(timeline).not.toContain(theirs.number);
      expect((await send(other.requester, 'GET', `/api/v1/tickets/${theirs.id}`)).json().links).toEqual([]);
    });

    it('refuses the merge from the other side too', async () => {
      const mine = await raise(world.requester);
      const theirs = await raise(other.requester);
      const response = await send(world.agent, 'POST', `/api/v1/tickets/${theirs.id}/links`, {
        kind: 'duplicate_of',
        ticketId: mine.id,
      });
      expect(field(response)).toEqual(['ticketId']);
      expect((await send(other.agent, 'GET', `/api/v1/tickets/${theirs.id}`)).json().status).toBe(theirs.status);
    });

    it('lets staff relate tickets of two organizations, shown to neither requester', async () => {
      const mine = await raise(world.requester);
      const theirs = await raise(other.requester);
      for (const kind of ['related', 'parent_of'] as const) {
        const response = await send(world.agent, 'POST', `/api/v1/tickets/${mine.id}/links`, {
          kind,
          ticketId: theirs.id,
        });
        expect(response.statusCode).toBe(201);
      }
      expect((await send(world.agent, 'GET', `/api/v1/tickets/${mine.id}`)).json().links).toHaveLength(2);
      for (const [client, ticket, foreign] of [
        [world.requester, mine, theirs],
        [other.requester, theirs, mine],
      ] as const) {
        const page = (await send(client, 'GET', `/api/v1/tickets/${ticket.id}`)).json();
        expect(page.links).toEqual([]);
        const timeline = JSON.stringify((await send(client, 'GET', `/api/v1/tickets/${ticket.id}/timeline`)).json());
        expect(timeline).not.toContain(foreign.number);
        expect(JSON.stringify(page)).not.toContain(foreign.number);
      }
    });

    it('refuses a requester linking or unlinking at all', async () => {
      const mine = await raise(world.requester);
      const theirs = await raise(other.requester);
      const link = await send(world.requester, 'POST', `/api/v1/tickets/${mine.id}/links`, {
        kind: 'related',
        ticketId: theirs.id,
      });
      expect(link.statusCode).toBe(403);
      expect((await send(world.agent, 'GET', `/api/v1/tickets/${mine.id}`)).json().links).toEqual([]);
    });

    it('still merges two tickets of one organization (the rule is about organizations)', async () => {
      const first = await raise(world.requester);
      const second = await raise(world.requester);
      const response = await send(world.agent, 'POST', `/api/v1/tickets/${second.id}/links`, {
        kind: 'duplicate_of',
        ticketId: first.id,
      });
      expect(response.statusCode).toBe(201);
      expect((await send(world.requester, 'GET', `/api/v1/tickets/${second.id}`)).json().status).toBe('resolved');
    });
  });

  describe('procedure review cannot be skipped by an audience or scope change', () => {
    it('an L1 procedure turned to requesters is not shown to them until a reviewer publishes it', async () => {
      const id = await published({
        audience: 'L1',
        title: 'Texto interno rubí del desk',
        summary: 'Contraseña del conmutador: solo para el desk',
        steps: ['Entrar con la cuenta de servicio'],
      });
      const url = `/api/v1/procedures/${id}`;
      const current = (await send(world.agent, 'GET', url)).json();
      const changed = await send(world.agent, 'PATCH', url, { version: current.version, audience: 'requesters' });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ audience: 'requesters', status: 'draft' });

      expect((await send(world.requester, 'GET', url)).statusCode).toBe(404);
      expect(ids(await send(world.requester, 'GET', '/api/v1/procedures'))).not.toContain(id);
      expect(ids(await send(world.requester, 'GET', '/api/v1/procedures?q=rub%C3%AD'))).toEqual([]);
      expect(ids(await send(world.requester, 'GET', '/api/v1/procedures/suggestions?text=conmutador'))).toEqual([]);

      const selfPublish = await send(world.agent, 'POST', `${url}/actions`, {
        version: changed.json().version,
        action: 'publish',
      });
      expect(field(selfPublish)).toEqual(['action']);
      expect((await send(world.requester, 'GET', url)).statusCode).toBe(404);

      // Through review like any other edit.
      const submitted = (
        await send(world.agent, 'POST', `${url}/actions`, { version: changed.json().version, action: 'submit' })
      ).json();
      await send(supervisor, 'POST', `${url}/actions`, { version: submitted.version, action: 'publish' });
      expect((await send(world.requester, 'GET', url)).json()).toMatchObject({ status: 'published' });
    });

    it('any audience change of a published procedure goes back to review', async () => {
      const id = await published({
        audience: 'requesters',
        title: 'Configurar la VPN en casa',
        summary: 'Para requesters',
        steps: ['Instalar el cliente'],
      });
      const url = `/api/v1/procedures/${id}`;
      const current = (await send(world.agent, 'GET', url)).json();
      const changed = await send(world.agent, 'PATCH', url, { version: current.version, audience: 'L1' });
      expect(changed.json()).toMatchObject({ audience: 'L1', status: 'draft' });
      expect((await send(world.requester, 'GET', url)).statusCode).toBe(404);
    });

    it("another organization's procedure made global by dropping its service waits for review", async () => {
      const id = await published({
        audience: 'requesters',
        title: 'Procedimiento turquesa de la nómina ajena',
        summary: 'Solo para la otra organización',
        steps: ['Abrir la nómina'],
        serviceIds: [other.service.id],
      });
      const url = `/api/v1/procedures/${id}`;
      expect((await send(world.requester, 'GET', url)).statusCode).toBe(404);
      const current = (await send(world.agent, 'GET', url)).json();
      // No service and no category: every organization's requesters would read it.
      const widened = await send(world.agent, 'PATCH', url, { version: current.version, serviceIds: [] });
      expect(widened.statusCode).toBe(200);
      expect(widened.json()).toMatchObject({ serviceIds: [], status: 'draft' });

      expect((await send(world.requester, 'GET', url)).statusCode).toBe(404);
      expect(ids(await send(world.requester, 'GET', '/api/v1/procedures'))).not.toContain(id);
      expect(ids(await send(world.requester, 'GET', '/api/v1/procedures?q=turquesa'))).toEqual([]);
      expect(ids(await send(other.requester, 'GET', '/api/v1/procedures'))).not.toContain(id);
      const selfPublish = await send(world.agent, 'POST', `${url}/actions`, {
        version: widened.json().version,
        action: 'publish',
      });
      expect(field(selfPublish)).toEqual(['action']);
      expect((await send(world.agent, 'GET', url)).json().status).toBe('draft');

      const submitted = (
        await send(world.agent, 'POST', `${url}/actions`, { version: widened.json().version, action: 'submit' })
      ).json();
      await send(supervisor, 'POST', `${url}/actions`, { version: submitted.version, action: 'publish' });
      expect((await send(world.requester, 'GET', url)).json()).toMatchObject({ status: 'published', serviceIds: [] });
    });

    it('a category added to a published procedure goes back to review; the same scope resent does not', async () => {
      const id = await published({
        audience: 'requesters',
        title: 'Reservar una sala',
        summary: 'Para requesters',
        steps: ['Elegir la sala'],
        serviceIds: [world.service.id, other.service.id],
      });
      const url = `/api/v1/procedures/${id}`;
      let current = (await send(world.agent, 'GET', url)).json();
      // The same services in another order, with the title edited: still published, nothing widened.
      const resent = await send(world.agent, 'PATCH', url, {
        version: current.version,
        serviceIds: [other.service.id, world.service.id],
        categoryIds: [],
        title: 'Reservar una sala de reuniones',
      });
      expect(resent.json()).toMatchObject({ status: 'published' });
      current = resent.json();
      const widened = await send(world.agent, 'PATCH', url, {
        version: current.version,
        categoryIds: [categories.global],
      });
      expect(widened.json()).toMatchObject({ categoryIds: [categories.global], status: 'draft' });
      expect((await send(world.requester, 'GET', url)).statusCode).toBe(404);
      expect((await send(other.requester, 'GET', url)).statusCode).toBe(404);
    });

    it('refuses an unknown service in a scope change and leaves the published procedure as it was', async () => {
      const id = await published({
        audience: 'requesters',
        title: 'Pedir una licencia',
        summary: 'Para requesters',
        steps: ['Llenar el pedido'],
        serviceIds: [world.service.id],
      });
      const url = `/api/v1/procedures/${id}`;
      const current = (await send(world.agent, 'GET', url)).json();
      const refused = await send(world.agent, 'PATCH', url, {
        version: current.version,
        serviceIds: ['01930000-0000-7000-8000-000000000000'],
      });
      expect(refused.statusCode).toBe(400);
      expect(field(refused)).toEqual(['serviceIds']);
      expect((await send(world.agent, 'GET', url)).json()).toMatchObject({
        status: 'published',
        serviceIds: [world.service.id],
        version: current.version,
      });
      expect((await send(world.requester, 'GET', url)).json().status).toBe('published');
    });

    it('a content edit of a published procedure keeps serving the published text', async () => {
      const id = await published({
        audience: 'requesters',
        title: 'Pedir un monitor',
        summary: 'Texto revisado',
        steps: ['Llenar el formulario'],
      });
      const url = `/api/v1/procedures/${id}`;
      const current = (await send(world.agent, 'GET', url)).json();
      await send(world.agent, 'PATCH', url, { version: current.version, summary: 'Texto sin revisar ámbar' });
      const seen = (await send(world.requester, 'GET', url)).json();
      expect(seen).toMatchObject({ status: 'published', summary: 'Texto revisado' });
    });
  });

  describe('what requesters are told', () => {
    it("shows a requester that the ticket was routed, never the routing rule's name", async () => {
      const group = (await send(admin, 'POST', '/api/v1/groups', { name: 'N1 interno', level: 'L1' })).json();
      await send(admin, 'POST', '/api/v1/routing-rules', {
        name: 'Regla secreta cliente moroso',
        position: 1,
        organizationId: world.organization.id,
        groupId: group.id,
      });
      const ticket = await raise(world.requester);
      const url = `/api/v1/tickets/${ticket.id}/timeline`;
      const seen = (await send(world.requester, 'GET', url)).json();
      const routing = seen.items
        .flatMap((e: { changes: { field: string; to: unknown }[] }) => e.changes)
        .filter((c: { field: string }) => c.field === 'routing');
      expect(routing).toEqual([{ field: 'routing', from: null, to: 'routed' }]);
      expect(JSON.stringify(seen)).not.toContain('Regla secreta');
      expect(JSON.stringify((await send(world.agent, 'GET', url)).json())).toContain('Regla secreta cliente moroso');
    });

    it('answers personal, session and ticket requests with no-store', async () => {
      const ticket = await raise(world.requester);
      for (const path of [
        '/api/v1/me',
        '/api/v1/me/notifications',
        '/api/v1/tickets',
        `/api/v1/tickets/${ticket.id}`,
        `/api/v1/tickets/${ticket.id}/timeline`,
        '/api/v1/categories',
        '/api/v1/procedures',
      ]) {
        const response = await send(world.requester, 'GET', path);
        expect(response.statusCode, path).toBe(200);
        expect(response.headers['cache-control'], path).toBe('no-store');
      }
    });

    it('answers sign-in and refusals with no-store too', async () => {
      const signIn = await built.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: world.requesterUser.email, password: 'wrong password here' },
      });
      expect(signIn.statusCode).toBe(401);
      expect(signIn.headers['cache-control']).toBe('no-store');
      const signedIn = await built.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: world.requesterUser.email, password: TEST_PASSWORD },
      });
      expect(signedIn.statusCode).toBe(200);
      expect(signedIn.headers['cache-control']).toBe('no-store');
      const anonymous = await built.app.inject({ method: 'GET', url: '/api/v1/me' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['cache-control']).toBe('no-store');
      const missing = await send(world.requester, 'GET', `/api/v1/procedures/${procedures.theirsByService}`);
      expect(missing.headers['cache-control']).toBe('no-store');
    });

    it('serves an attachment as private, no-store', async () => {
      const ticket = await raise(world.requester);
      const file = await upload(world.requester, `/api/v1/tickets/${ticket.id}/attachments`, 'captura.png', PNG);
      const download = await send(world.requester, 'GET', `/api/v1/attachments/${file.json().id}/content`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['cache-control']).toBe('private, no-store');
      const foreign = await send(other.requester, 'GET', `/api/v1/attachments/${file.json().id}/content`);
      expect(foreign.statusCode).toBe(404);
    });
  });
});
