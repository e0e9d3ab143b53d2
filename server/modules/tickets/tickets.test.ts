import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { PNG, raise, ticketWorld, upload } from '../../../test/support/tickets.js';
import { systemContext } from '../../platform/request-context.js';

describeOnEachDatabase('tickets', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;

  beforeAll(async () => {
    built = await buildTestApp(database());
    world = await ticketWorld(built);
  });

  it('raises a ticket from the portal with a number, a derived priority and sanitized text', async () => {
    const ticket = await raise(world.requester, {
      type: 'request',
      serviceId: world.service.id,
      urgency: 'high',
      description: '<p onclick="x()">Necesito acceso</p><script>alert(1)</script>',
      tags: ['acceso'],
    });
    expect(ticket).toMatchObject({
      number: expect.stringMatching(/^REQ-\d{6}$/),
      type: 'request',
      status: 'new',
      channel: 'portal',
      impact: 'medium',
      urgency: 'high',
      priority: 2,
      requester: { id: world.requesterUser.id },
      organization: { id: world.organization.id },
      service: { id: world.service.id, name: 'ERP' },
      descriptionHtml: '<p>Necesito acceso</p>',
      tags: ['acceso'],
      version: 1,
    });
    expect(ticket.allowedStatuses).toEqual(['cancelled']);
    const timeline = (await world.requester.request('GET', `/api/v1/tickets/${ticket.id}/timeline`)).json();
    expect(timeline.items.map((e: { kind: string }) => e.kind)).toEqual(['created']);
  });

  it('answers a creation with what reading the ticket answers, tags sorted and uploads included', async () => {
    const file = (await upload(world.requester, '/api/v1/attachments', 'pantallazo.png', PNG)).json();
    const created = await raise(world.requester, {
      serviceId: world.service.id,
      tags: ['vpn', 'acceso'],
      attachmentIds: [file.id],
    });
    const read = (await world.requester.request('GET', `/api/v1/tickets/${created.id}`)).json();
    expect(created).toEqual(read);
    expect(created.tags).toEqual(['acceso', 'vpn']);
    expect(created.attachments.map((a: { id: string }) => a.id)).toEqual([file.id]);
  });

  it('lets staff raise a ticket for a requester by phone, and refuses a requester raising for someone else', async () => {
    const ticket = await raise(world.agent, { requesterId: world.requesterUser.id, channel: 'phone' });
    expect(ticket).toMatchObject({
      channel: 'phone',
      requester: { id: world.requesterUser.id },
      createdBy: { id: world.agentUser.id },
    });
    const other = await makeUser(built, ['requester'], world.organization.id);
    const response = await world.requester.request('POST', '/api/v1/tickets', {
      type: 'query',
      subject: 'x',
      description: 'y',
      requesterId: other.id,
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a service of another organization and names the field', async () => {
    const elsewhere = await makeOrganization(built);
    const foreign = await built.services.organizations.createService(systemContext, elsewhere.id, { name: 'CRM' });
    const response = await world.requester.request('POST', '/api/v1/tickets', {
      type: 'incident',
      subject: 'x',
      description: 'y',
      serviceId: foreign.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('serviceId');
  });

  it('numbers 100 tickets created at once without a duplicate', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        world.agent.request('POST', '/api/v1/tickets', {
          type: 'query',
          subject: `Pregunta ${i}`,
          description: 'texto',
          requesterId: world.requesterUser.id,
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode).every((code) => code === 201)).toBe(true);
    const numbers = responses.map((r) => r.json().number as string);
    expect(new Set(numbers).size).toBe(100);
    const sequences = numbers.map((n) => Number(n.slice(4))).sort((a, b) => a - b);
    expect(sequences[99]! - sequences[0]!).toBe(99);
  });

  it('answers 409 to a stale update and changes nothing', async () => {
    const ticket = await raise(world.requester);
    const first = await world.agent.request('PATCH', `/api/v1/tickets/${ticket.id}`, { version: 1, urgency: 'high' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, priority: 2 });
    const stale = await world.agent.request('PATCH', `/api/v1/tickets/${ticket.id}`, { version: 1, subject: 'Otro' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await world.agent.request('GET', `/api/v1/tickets/${ticket.id}`)).json()).toMatchObject({
      subject: ticket.subject,
      version: 2,
    });
  });

  it('walks the lifecycle: assign, wait on the requester, resolve, confirm', async () => {
    const ticket = await raise(world.requester);
    const url = `/api/v1/tickets/${ticket.id}`;
    const assigned = await world.agent.request('PATCH', url, { version: 1, assigneeId: world.agentUser.id });
    expect(assigned.json()).toMatchObject({ status: 'assigned', assignee: { id: world.agentUser.id } });

    const noReason = await world.agent.request('PATCH', url, { version: 2, status: 'pending' });
    expect(noReason.json().errors).toEqual([{ field: 'pendingReason', message: expect.any(String) }]);
    const pending = await world.agent.request('PATCH', url, {
      version: 2,
      status: 'pending',
      pendingReason: 'requester',
    });
    expect(pending.json()).toMatchObject({ status: 'pending', pendingReason: 'requester' });

    // The requester's answer puts it back to work.
    await world.requester.request('POST', `${url}/replies`, { bodyHtml: '<p>Aquí está el dato</p>' });
    const resumed = (await world.agent.request('GET', url)).json();
    expect(resumed).toMatchObject({ status: 'in_progress', pendingReason: null });

    const noResolution = await world.agent.request('PATCH', url, { version: resumed.version, status: 'resolved' });
    expect(noResolution.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'resolutionCode',
      'resolutionNotes',
    ]);
    const resolved = await world.agent.request('PATCH', url, {
      version: resumed.version,
      status: 'resolved',
      resolutionCode: 'solved',
      resolutionNotes: 'Se regeneró el perfil del usuario',
    });
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String) });

    const mine = (await world.requester.request('GET', url)).json();
    expect(mine.allowedStatuses).toEqual(['in_progress', 'closed']);
    const priority = await world.requester.request('PATCH', url, {
      version: mine.version,
      priority: 1,
      priorityReason: 'urge',
    });
    expect(priority.statusCode).toBe(403);
    const confirmed = await world.requester.request('PATCH', url, { version: mine.version, status: 'closed' });
    expect(confirmed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String), allowedStatuses: [] });
    const late = await world.requester.request('POST', `${url}/replies`, { bodyHtml: 'hola' });
    expect(late.statusCode).toBe(409);
  });

  it('requires a reason to set priority by hand, and keeps it over impact and urgency', async () => {
    const ticket = await raise(world.requester);
    const url = `/api/v1/tickets/${ticket.id}`;
    expect((await world.agent.request('PATCH', url, { version: 1, priority: 1 })).statusCode).toBe(400);
    const overridden = await world.agent.request('PATCH', url, {
      version: 1,
      priority: 1,
      priorityReason: 'Gerencia afectada',
    });
    expect(overridden.json()).toMatchObject({
      priority: 1,
      priorityOverridden: true,
      priorityReason: 'Gerencia afectada',
    });
    const later = await world.agent.request('PATCH', url, { version: 2, impact: 'low', urgency: 'low' });
    expect(later.json().priority).toBe(1);
  });

  it('keeps the timeline and version consistent when 50 replies arrive at once', async () => {
    const ticket = await raise(world.requester);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? world.agent : world.requester).request('POST', `/api/v1/tickets/${ticket.id}/replies`, {
          bodyHtml: `<p>Respuesta ${i}</p>`,
        }),
      ),
    );
    expect(responses.every((r) => r.statusCode === 201)).toBe(true);
    const after = (await world.agent.request('GET', `/api/v1/tickets/${ticket.id}`)).json();
    expect(after.version).toBe(51);
    expect(after.firstResponseAt).not.toBeNull();
    const timeline = (await world.agent.request('GET', `/api/v1/tickets/${ticket.id}/timeline`)).json();
    const replies = timeline.items.filter((e: { kind: string }) => e.kind === 'reply');
    expect(replies).toHaveLength(50);
    expect(new Set(replies.map((e: { message: { bodyHtml: string } }) => e.message.bodyHtml)).size).toBe(50);
  });

  it('applies bulk changes ticket by ticket, reporting each failure', async () => {
    const a = await raise(world.requester);
    const b = await raise(world.requester);
    const response = await world.agent.request('POST', '/api/v1/tickets/bulk', {
      ticketIds: [a.id, b.id, 'missing-ticket'],
      changes: { assigneeId: world.agentUser.id, priority: 1, priorityReason: 'Caída general' },
    });
    expect(response.json().items).toEqual([
      { ticketId: a.id, ok: true, error: null },
      { ticketId: b.id, ok: true, error: null },
      { ticketId: 'missing-ticket', ok: false, error: { code: 'not_found', detail: expect.any(String) } },
    ]);
    expect((await world.agent.request('GET', `/api/v1/tickets/${a.id}`)).json()).toMatchObject({
      status: 'assigned',
      priority: 1,
    });
    expect(
      (await world.requester.request('POST', '/api/v1/tickets/bulk', { ticketIds: [a.id], changes: { priority: 2 } }))
        .statusCode,
    ).toBe(403);
  });

  it('serves queues with filters, sort and keyset pages', async () => {
    const org = await makeOrganization(built, 'Queue Org');
    const requester = await login(built, (await makeUser(built, ['requester'], org.id)).email);
    const made = [];
    for (const urgency of ['low', 'high', 'medium', 'high']) made.push(await raise(requester, { urgency }));
    const byPriority = (
      await world.agent.request('GET', `/api/v1/tickets?queue=all&organizationId=${org.id}&sort=priority&limit=3`)
    ).json();
    expect(byPriority.items.map((t: { priority: number }) => t.priority)).toEqual([2, 2, 3]);
    const rest = (
      await world.agent.request(
        'GET',
        `/api/v1/tickets?queue=all&organizationId=${org.id}&sort=priority&limit=3&cursor=${byPriority.nextCursor}`,
      )
    ).json();
    expect(rest.items.map((t: { priority: number }) => t.priority)).toEqual([4]);
    expect(rest.nextCursor).toBeNull();
    const high = (
      await world.agent.request('GET', `/api/v1/tickets?organizationId=${org.id}&priority=2&status=new&status=assigned`)
    ).json();
    expect(high.items).toHaveLength(2);
    const mine = (await world.agent.request('GET', '/api/v1/tickets?queue=mine')).json();
    expect(mine.items.every((t: { assignee: { id: string } | null }) => t.assignee?.id === world.agentUser.id)).toBe(
      true,
    );
    expect(made).toHaveLength(4);
  });

  it('links related tickets and children, and merges a duplicate into the survivor', async () => {
    const survivor = await raise(world.requester, { subject: 'Caída del ERP en bodega' });
    const duplicate = await raise(world.agent, { requesterId: world.requesterUser.id, subject: 'ERP no responde' });
    const child = await raise(world.requester, { subject: 'Reimprimir guías tras la caída' });

    const merged = await world.agent.request('POST', `/api/v1/tickets/${duplicate.id}/links`, {
      kind: 'duplicate_of',
      ticketId: survivor.id,
    });
    expect(merged.statusCode).toBe(201);
    expect(merged.json().items).toEqual([
      { id: expect.any(String), kind: 'duplicate_of', ticket: expect.objectContaining({ id: survivor.id }) },
    ]);
    const resolvedDuplicate = (await world.requester.request('GET', `/api/v1/tickets/${duplicate.id}`)).json();
    expect(resolvedDuplicate).toMatchObject({ status: 'resolved', resolutionCode: 'duplicate' });
    expect(resolvedDuplicate.resolutionNotes).toContain(survivor.number);

    await world.agent.request('POST', `/api/v1/tickets/${survivor.id}/links`, {
      kind: 'parent_of',
      ticketId: child.id,
    });
    const again = await world.agent.request('POST', `/api/v1/tickets/${child.id}/links`, {
      kind: 'child_of',
      ticketId: survivor.id,
    });
    expect(again.statusCode).toBe(409);
    const self = await world.agent.request('POST', `/api/v1/tickets/${child.id}/links`, {
      kind: 'related',
      ticketId: child.id,
    });
    expect(self.statusCode).toBe(400);

    const survivorLinks = (await world.agent.request('GET', `/api/v1/tickets/${survivor.id}`)).json().links;
    expect(survivorLinks.map((l: { kind: string; ticket: { id: string } }) => [l.kind, l.ticket.id]).sort()).toEqual(
      [
        ['duplicated_by', duplicate.id],
        ['parent_of', child.id],
      ].sort(),
    );
    const timeline = (await world.agent.request('GET', `/api/v1/tickets/${survivor.id}/timeline`)).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toContain('merged');

    const childLink = (await world.agent.request('GET', `/api/v1/tickets/${child.id}`)).json().links[0];
    const removed = await world.agent.request('DELETE', `/api/v1/tickets/${child.id}/links/${childLink.id}`);
    expect(removed.json().items).toEqual([]);
    expect(
      (
        await world.requester.request('POST', `/api/v1/tickets/${child.id}/links`, {
          kind: 'related',
          ticketId: survivor.id,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('keeps categories per service, checked inside the creating transaction', async () => {
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const own = await admin.request('POST', '/api/v1/categories', { name: 'Facturación', serviceId: world.service.id });
    expect(own.statusCode).toBe(201);
    expect(
      (await admin.request('POST', '/api/v1/categories', { name: 'X', serviceId: 'missing' })).json().errors[0].field,
    ).toBe('serviceId');
    const listed = (await world.requester.request('GET', `/api/v1/categories?serviceId=${world.service.id}`)).json()
      .items;
    expect(listed.map((c: { name: string }) => c.name)).toContain('Facturación');
    const ticket = await raise(world.requester, { serviceId: world.service.id, categoryId: own.json().id });
    expect(ticket.category).toMatchObject({ name: 'Facturación' });
  });

  it('derives priority from the matrix the admin configures, refusing an inverted one', async () => {
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const current = (await admin.request('GET', '/api/v1/settings/tickets')).json();
    const inverted = structuredClone(current);
    inverted.priorityMatrix.low.high = 1;
    const refused = await admin.request('PUT', '/api/v1/settings/tickets', inverted);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('priorityMatrix');
    const strict = structuredClone(current);
    strict.priorityMatrix.medium.medium = 2;
    expect((await admin.request('PUT', '/api/v1/settings/tickets', strict)).statusCode).toBe(200);
    expect((await raise(world.requester)).priority).toBe(2);
    expect((await world.agent.request('PUT', '/api/v1/settings/tickets', current)).statusCode).toBe(403);
    await admin.request('PUT', '/api/v1/settings/tickets', current);
  });
});
