import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeUser } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';
import { systemContext } from '../../platform/request-context.js';

describeOnEachDatabase('support levels', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let admin: Client;

  beforeAll(async () => {
    built = await buildTestApp(database());
    world = await ticketWorld(built);
    admin = await login(built, (await makeUser(built, ['admin'])).email);
  });

  const group = async (body: Record<string, unknown>) => {
    const response = await admin.request('POST', '/api/v1/groups', body);
    if (response.statusCode !== 201) throw new Error(`group: ${response.statusCode} ${response.body}`);
    return response.json();
  };

  it('keeps groups with a level, a specialty for L2, and one default', async () => {
    const noSpecialty = await admin.request('POST', '/api/v1/groups', { name: 'L2 sin especialidad', level: 'L2' });
    expect(noSpecialty.json().errors).toEqual([{ field: 'specialty', message: 'an L2 group needs a specialty' }]);
    const first = await group({ name: 'Mesa N1 A', level: 'L1', isDefault: true });
    const second = await group({ name: 'Mesa N1 B', level: 'L1', isDefault: true });
    const all = (await admin.request('GET', '/api/v1/groups')).json().items;
    expect(all.filter((g: { isDefault: boolean }) => g.isDefault).map((g: { id: string }) => g.id)).toEqual([
      second.id,
    ]);
    expect(first.level).toBe('L1');
    const requesterTry = await world.requester.request('GET', '/api/v1/groups');
    expect(requesterTry.statusCode).toBe(403);
    await admin.request('PATCH', `/api/v1/groups/${first.id}`, { version: 1, status: 'inactive' });
    await admin.request('PATCH', `/api/v1/groups/${second.id}`, { version: 1, status: 'inactive', isDefault: false });
  });

  it('routes by the first matching rule in order, then coverage, then the default, and explains it', async () => {
    const specialist = await makeUser(built, ['specialist']);
    const l1 = await group({ name: 'N1 ERP', level: 'L1', coverage: [{ organizationId: world.organization.id }] });
    const dba = await group({
      name: 'N2 Bases de datos',
      level: 'L2',
      specialty: 'Bases de datos',
      memberIds: [specialist.id],
    });
    const parent = await built.services.categories.create(systemContext, { name: 'Base de datos' });
    const child = await built.services.categories.create(systemContext, { name: 'Bloqueos', parentId: parent.id });
    await admin.request('POST', '/api/v1/routing-rules', {
      name: 'Todo lo demás',
      position: 90,
      groupId: l1.id,
      type: 'request',
    });
    const rule = (
      await admin.request('POST', '/api/v1/routing-rules', {
        name: 'BD directo a N2',
        position: 10,
        categoryId: parent.id,
        groupId: dba.id,
      })
    ).json();

    const straight = await raise(world.requester, { categoryId: child.id });
    expect(straight).toMatchObject({ group: { id: dba.id }, level: 'L2' });
    const normal = await raise(world.requester);
    expect(normal).toMatchObject({ group: { id: l1.id }, level: 'L1', status: 'new' });

    const explained = await admin.request(
      'GET',
      `/api/v1/routing-rules/explain?organizationId=${world.organization.id}&categoryId=${child.id}&type=incident&channel=phone`,
    );
    expect(explained.json()).toEqual({
      group: { id: dba.id, name: 'N2 Bases de datos', level: 'L2' },
      ruleId: rule.id,
      reason: 'rule "BD directo a N2" (position 10)',
    });
    await admin.request('PATCH', `/api/v1/routing-rules/${rule.id}`, { version: 1, active: false });
    const after = await admin.request(
      'GET',
      `/api/v1/routing-rules/explain?organizationId=${world.organization.id}&categoryId=${child.id}&type=incident&channel=phone`,
    );
    expect(after.json()).toMatchObject({ group: { id: l1.id }, reason: 'the L1 group covering the organization' });
    const timeline = (await world.agent.request('GET', `/api/v1/tickets/${straight.id}/timeline`)).json().items;
    expect(timeline[0].changes).toContainEqual({
      field: 'routing',
      from: null,
      to: 'rule "BD directo a N2" (position 10)',
    });
  });

  it('shares 200 tickets created at once fairly by round-robin, skipping the away', async () => {
    const team = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser(built, ['agent'])));
    const away = team[4]!;
    const rr = await group({
      name: 'N1 Turnos',
      level: 'L1',
      assignment: 'round_robin',
      memberIds: team.map((u) => u.id),
      coverage: [{ serviceId: world.service.id }],
    });
    const awayClient = await login(built, away.email);
    expect((await awayClient.request('PUT', '/api/v1/me/presence', { presence: 'away' })).json().presence).toBe('away');

    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        world.agent.request('POST', '/api/v1/tickets', {
          type: 'incident',
          subject: `Caída ${i}`,
          description: 'x',
          requesterId: world.requesterUser.id,
          serviceId: world.service.id,
        }),
      ),
    );
    expect(responses.every((r) => r.statusCode === 201)).toBe(true);
    const counts = new Map<string, number>();
    for (const r of responses) {
      const ticket = r.json();
      expect(ticket).toMatchObject({ group: { id: rr.id }, status: 'assigned' });
      counts.set(ticket.assignee.id, (counts.get(ticket.assignee.id) ?? 0) + 1);
    }
    expect(counts.has(away.id)).toBe(false);
    expect([...counts.values()].every((n) => n >= 49 && n <= 51)).toBe(true);
    expect([...counts.values()].reduce((a, b) => a + b)).toBe(200);
    await admin.request('PATCH', `/api/v1/groups/${rr.id}`, { version: 1, status: 'inactive' });
  });

  it('gives tickets to the least loaded member when the group works by load', async () => {
    const [busy, free] = await Promise.all([makeUser(built, ['agent']), makeUser(built, ['agent'])]);
    const byLoad = await group({ name: 'N1 Carga', level: 'L1', assignment: 'load', memberIds: [busy.id, free.id] });
    const rule = (
      await admin.request('POST', '/api/v1/routing-rules', {
        name: 'Chat por carga',
        position: 1,
        channel: 'chat',
        groupId: byLoad.id,
      })
    ).json();
    const critical = await raise(world.agent, {
      requesterId: world.requesterUser.id,
      channel: 'walk_in',
      impact: 'high',
      urgency: 'high',
    });
    await world.agent.request('PATCH', `/api/v1/tickets/${critical.id}`, {
      version: critical.version,
      assigneeId: busy.id,
    });
    const assignees = [];
    for (let i = 0; i < 4; i++) {
      assignees.push(
        (
          await raise(world.agent, {
            requesterId: world.requesterUser.id,
            channel: 'chat',
            urgency: 'low',
            impact: 'low',
          })
        ).assignee.id,
      );
    }
    // busy carries a critical ticket (weight 4); free takes low ones (weight 1) until they even out.
    expect(assignees.slice(0, 3)).toEqual([free.id, free.id, free.id]);
    await admin.request('PATCH', `/api/v1/routing-rules/${rule.id}`, { version: 1, active: false });
  });

  it('escalates L1 → L2 with a summary, returns to L1, and keeps the facts for reports', async () => {
    const specialist = await makeUser(built, ['specialist']);
    const l1 = await group({ name: 'N1 Escalamiento', level: 'L1', memberIds: [world.agentUser.id] });
    const l2 = await group({ name: 'N2 Redes', level: 'L2', specialty: 'Redes', memberIds: [specialist.id] });
    const ticket = await raise(world.requester);
    const url = `/api/v1/tickets/${ticket.id}`;
    await world.agent.request('POST', `${url}/escalations`, {
      toGroupId: l1.id,
      summary: 'Llega a la mesa N1 para revisión',
    });

    const short = await world.agent.request('POST', `${url}/escalations`, { toGroupId: l2.id, summary: 'red' });
    expect(short.json().errors[0].field).toBe('summary');
    const escalated = await world.agent.request('POST', `${url}/escalations`, {
      toGroupId: l2.id,
      summary: 'Se reinició el equipo y se probó otro cable; sigue sin red.',
    });
    expect(escalated.statusCode).toBe(201);
    expect(escalated.json()).toMatchObject({ group: { id: l2.id }, level: 'L2', escalated: true, assignee: null });

    const specialistClient = await login(built, specialist.email);
    const queue = (await specialistClient.request('GET', '/api/v1/tickets?queue=unassigned')).json();
    expect(queue.items.map((t: { id: string }) => t.id)).toEqual([ticket.id]);

    const returned = await specialistClient.request('POST', `${url}/escalations`, {
      toGroupId: l1.id,
      summary: 'No es de red: el usuario tiene la cuenta bloqueada. Desbloquear en N1.',
      assigneeId: world.agentUser.id,
    });
    expect(returned.json()).toMatchObject({ level: 'L1', assignee: { id: world.agentUser.id }, escalated: true });
    const history = (await world.agent.request('GET', `${url}/escalations`)).json().items;
    expect(
      history.map((e: { kind: string; fromLevel: string | null; toLevel: string }) => [e.kind, e.fromLevel, e.toLevel]),
    ).toEqual([
      // Routed at creation to the L1 group covering the organization, then moved to another L1 group.
      ['transfer', 'L1', 'L1'],
      ['escalation', 'L1', 'L2'],
      ['return', 'L2', 'L1'],
    ]);
    const timeline = (await world.agent.request('GET', `${url}/timeline`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['escalated', 'returned']));
    const escalatedEvent = (await world.agent.request('GET', `${url}/timeline`))
      .json()
      .items.find((e: { kind: string }) => e.kind === 'escalated');
    expect(escalatedEvent.changes).toEqual(
      expect.arrayContaining([
        { field: 'group', from: 'N1 Escalamiento', to: 'N2 Redes' },
        { field: 'level', from: 'L1', to: 'L2' },
      ]),
    );
    expect(
      (await world.requester.request('GET', `${url}/timeline`)).json().items.map((e: { kind: string }) => e.kind),
    ).not.toContain('escalated');

    const current = (await world.agent.request('GET', url)).json();
    const resolved = await world.agent.request('PATCH', url, {
      version: current.version,
      status: 'resolved',
      resolutionCode: 'solved',
      resolutionNotes: 'Cuenta desbloqueada',
    });
    expect(resolved.json()).toMatchObject({ resolvedLevel: 'L1', escalated: true, firstContact: false });
    expect(
      (
        await world.requester.request('POST', `${url}/escalations`, {
          toGroupId: l2.id,
          summary: 'quiero especialista',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('creates a ticket resolved on first contact, flagged and owned by who took the call', async () => {
    const ticket = await raise(world.agent, {
      requesterId: world.requesterUser.id,
      firstContactResolution: {
        resolutionCode: 'solved',
        resolutionNotes: 'Se desbloqueó la cuenta durante la llamada',
      },
    });
    expect(ticket).toMatchObject({
      status: 'resolved',
      channel: 'phone',
      firstContact: true,
      escalated: false,
      assignee: { id: world.agentUser.id },
      resolutionCode: 'solved',
    });
    expect(ticket.resolvedLevel).not.toBeNull();
    expect(ticket.firstResponseAt).toBe(ticket.createdAt);
    const refused = await world.requester.request('POST', '/api/v1/tickets', {
      type: 'incident',
      subject: 'x',
      description: 'y',
      firstContactResolution: { resolutionCode: 'solved', resolutionNotes: 'yo mismo' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('shares 200 tickets created at once evenly by load, skipping members off shift', async () => {
    const team = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser(built, ['agent'])));
    const offShift = team[4]!;
    // A shift calendar with no hours: whoever works by it is never on shift.
    const never = await built.services.agreements.createCalendar(systemContext, {
      name: 'Sin turnos',
      timeZone: 'UTC',
      weekly: {},
    });
    await admin.request('PATCH', `/api/v1/users/${offShift.id}`, {
      version: offShift.version,
      shiftCalendarId: never.id,
    });
    const byLoad = await group({
      name: 'N1 Carga pareja',
      level: 'L1',
      assignment: 'load',
      memberIds: team.map((u) => u.id),
    });
    const rule = (
      await admin.request('POST', '/api/v1/routing-rules', {
        name: 'Walk-in por carga',
        position: 0,
        channel: 'walk_in',
        groupId: byLoad.id,
      })
    ).json();
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        world.agent.request('POST', '/api/v1/tickets', {
          type: 'query',
          subject: `Consulta ${i}`,
          description: 'x',
          requesterId: world.requesterUser.id,
          channel: 'walk_in',
        }),
      ),
    );
    const counts = new Map<string, number>();
    for (const r of responses) counts.set(r.json().assignee.id, (counts.get(r.json().assignee.id) ?? 0) + 1);
    expect(counts.has(offShift.id)).toBe(false);
    expect([...counts.values()].sort()).toEqual([50, 50, 50, 50]);
    await admin.request('PATCH', `/api/v1/routing-rules/${rule.id}`, { version: 1, active: false });
  });
});
