import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeUser } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';
import { fixedClock } from '../../platform/clock.js';
import { systemContext } from '../../platform/request-context.js';

const at = (hhmm: string, day = '2026-11-30') => new Date(`${day}T${hhmm}:00-03:00`);

describeOnEachDatabase('supervision console, commitments and notifications', (database) => {
  const clock = fixedClock(at('09:00'));
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let supervisor: Client;
  let tickets: { id: string; number: string }[];

  const watch = () => built.services.watchServiceLevels();
  const nth = (i: number) => tickets[i] as { id: string };

  // Reports read through the database's report reader (a standby when one is configured).
  let reportsRead = 0;

  beforeAll(async () => {
    const { report } = database();
    built = await buildTestApp(
      {
        ...database(),
        report: (reads) => {
          reportsRead++;
          return report(reads);
        },
      },
      { clock },
    );
    world = await ticketWorld(built);
    const supervisorUser = await makeUser(built, ['supervisor']);
    supervisor = await login(built, supervisorUser.email);
    const calendar = await built.services.agreements.createCalendar(systemContext, {
      name: '24x7',
      timeZone: 'America/Santiago',
      weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
    });
    await built.services.agreements.createAgreement(systemContext, {
      organizationId: world.organization.id,
      name: 'Acuerdo 24x7',
      calendarId: calendar.id,
      targets: [
        { priority: 3, firstResponseMinutes: 30, resolutionMinutes: 120 },
        { priority: 2, firstResponseMinutes: 15, resolutionMinutes: 60 },
      ],
    });
    // Four tickets at 09:00: one will breach, one be at risk, one paused, one fine.
    tickets = [];
    for (const subject of ['Caído', 'Lento', 'Esperando', 'Consulta'])
      tickets.push(await raise(world.requester, { subject }));
    const [down, waiting] = [nth(0), nth(2)];
    for (const ticket of tickets)
      await world.agent.request('POST', `/api/v1/tickets/${ticket.id}/replies`, { bodyHtml: 'Recibido' });
    // "Caído" is raised to priority 2 (an hour to resolve) at 09:05.
    clock.set(at('09:05'));
    const current = (await world.agent.request('GET', `/api/v1/tickets/${down.id}`)).json();
    await world.agent.request('PATCH', `/api/v1/tickets/${down.id}`, { version: current.version, urgency: 'high' });
    const waitingNow = (await world.agent.request('GET', `/api/v1/tickets/${waiting.id}`)).json();
    await world.agent.request('PATCH', `/api/v1/tickets/${waiting.id}`, {
      version: waitingNow.version,
      status: 'pending',
      pendingReason: 'requester',
    });
    // 10:05: "Caído" is past its hour; the others have used 65 of 120 minutes (past 50 %).
    clock.set(at('10:05'));
    await watch();
  });

  it('shows breached, at-risk and paused tickets on the board, with counts by place', async () => {
    const board = async (view: string) =>
      (
        (await supervisor.request('GET', `/api/v1/supervision/tickets?view=${view}`)).json().items as {
          subject: string;
        }[]
      ).map((t) => t.subject);
    expect(await board('breached')).toEqual(['Caído']);
    expect(await board('at_risk')).toEqual(['Lento', 'Consulta']);
    expect(await board('paused')).toEqual(['Esperando']);
    // The matrix an agreement starts with puts breached tickets on the supervisors' list.
    expect(await board('escalated')).toEqual(['Caído']);

    const summary = (await supervisor.request('GET', '/api/v1/supervision/summary')).json();
    expect(summary.totals).toEqual({ atRisk: 2, breached: 1, paused: 1, escalated: 1, commitments: 0 });
    expect(summary.byOrganization).toEqual([
      { id: world.organization.id, name: world.organization.name, atRisk: 2, breached: 1, paused: 1 },
    ]);
    expect(summary.byAgent).toEqual([{ id: null, name: null, atRisk: 2, breached: 1, paused: 1 }]);
    const filtered = (
      await supervisor.request('GET', `/api/v1/supervision/summary?organizationId=${world.organization.id}&level=L2`)
    ).json();
    expect(filtered.totals).toMatchObject({ atRisk: 0, breached: 0, paused: 0 });

    // Agents work tickets but do not read the board; requesters not at all.
    expect((await world.agent.request('GET', '/api/v1/supervision/tickets?view=breached')).statusCode).toBe(403);
    expect((await world.requester.request('GET', '/api/v1/supervision/summary')).statusCode).toBe(403);
    const bad = await supervisor.request('GET', '/api/v1/supervision/tickets?view=late');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('view');
  });

  it('tells the supervisors of the breach in the app, and lets them mark it read', async () => {
    const list = (await supervisor.request('GET', '/api/v1/me/notifications?unread=true')).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        kind: 'sla_escalation',
        target: 'resolution',
        percent: 100,
        ticket: expect.objectContaining({ subject: 'Caído' }),
        readAt: null,
      }),
    ]);
    expect((await supervisor.request('GET', '/api/v1/me/notifications/unread-count')).json()).toEqual({ unread: 1 });
    await supervisor.request('POST', '/api/v1/me/notifications/read', {});
    expect((await supervisor.request('GET', '/api/v1/me/notifications/unread-count')).json()).toEqual({ unread: 0 });
    // Someone else's notifications are not theirs to read.
    expect((await world.agent.request('GET', '/api/v1/me/notifications')).json().items).toEqual([]);
  });

  it('records a commitment told to the requester, warns before it and calls it broken after', async () => {
    const down = nth(0);
    const url = `/api/v1/tickets/${down.id}/commitments`;
    const past = await supervisor.request('POST', url, { promisedAt: at('10:00').toISOString(), note: 'Mañana' });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([{ field: 'promisedAt', message: 'must be in the future' }]);
    expect(
      (await world.agent.request('POST', url, { promisedAt: at('14:05').toISOString(), note: 'x' })).statusCode,
    ).toBe(403);

    const made = await supervisor.request('POST', url, {
      promisedAt: at('14:05').toISOString(),
      note: 'El proveedor cambia el disco a las 13:00.',
      tellRequester: true,
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ state: 'open', toldRequester: true, warnedAt: null });
    // The requester reads the promise, in their language and the calendar's zone.
    const timeline = (await world.requester.request('GET', `/api/v1/tickets/${down.id}/timeline`)).json().items;
    const told = timeline.find((e: { message: { bodyHtml: string } | null }) =>
      e.message?.bodyHtml.includes('Nos comprometemos'),
    );
    expect(told.message.bodyHtml).toContain('14:05');
    expect(told.message.bodyHtml).toContain('El proveedor cambia el disco a las 13:00.');
    expect((await world.requester.request('GET', url)).statusCode).toBe(403);

    const board = (await supervisor.request('GET', '/api/v1/supervision/tickets?view=commitments')).json().items;
    expect(board).toEqual([
      expect.objectContaining({
        id: down.id,
        commitment: expect.objectContaining({ promisedAt: at('14:05').toISOString() }),
      }),
    ]);

    // Made at 10:05 for 14:05: the warning comes a quarter of the way before, at 13:05.
    clock.set(at('13:04'));
    expect((await watch()).commitments).toBe(0);
    clock.set(at('13:05'));
    expect((await watch()).commitments).toBe(1);
    expect((await watch()).commitments).toBe(0);
    clock.set(at('14:05'));
    expect((await watch()).commitments).toBe(1);
    const [commitment] = (await supervisor.request('GET', url)).json().items;
    expect(commitment).toMatchObject({ state: 'broken', warnedAt: at('13:05').toISOString() });
    const kinds = (await supervisor.request('GET', '/api/v1/me/notifications'))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(kinds.slice(0, 2)).toEqual(['commitment_broken', 'commitment_warning']);
    expect((await supervisor.request('GET', '/api/v1/supervision/summary')).json().totals.commitments).toBe(0);
  });

  it('keeps a commitment met when the case is resolved in time, and a newer one supersedes the older', async () => {
    const slow = nth(1);
    const url = `/api/v1/tickets/${slow.id}/commitments`;
    await supervisor.request('POST', url, { promisedAt: at('18:00').toISOString(), note: 'Primero' });
    await supervisor.request('POST', url, { promisedAt: at('17:00').toISOString(), note: 'Antes' });
    const current = (await world.agent.request('GET', `/api/v1/tickets/${slow.id}`)).json();
    await world.agent.request('PATCH', `/api/v1/tickets/${slow.id}`, {
      version: current.version,
      status: 'resolved',
      resolutionCode: 'solved',
      resolutionNotes: 'Índice reconstruido',
    });
    await watch();
    const states = (await supervisor.request('GET', url)).json().items.map((c: { state: string }) => c.state);
    expect(states).toEqual(['kept', 'superseded']);
  });

  it('measures compliance per organization for the month', async () => {
    const readBefore = reportsRead;
    const compliance = (await supervisor.request('GET', '/api/v1/supervision/compliance?month=2026-11')).json();
    expect(compliance.month).toBe('2026-11');
    // Four first responses in time; one resolution, late ("Lento" took from 09:00 to 14:05).
    expect(compliance.items).toEqual([
      {
        organization: { id: world.organization.id, name: world.organization.name },
        firstResponse: { met: 4, breached: 0, percent: 100 },
        resolution: { met: 0, breached: 1, percent: 0 },
      },
    ]);
    expect(reportsRead).toBe(readBefore + 1);
    const empty = (await supervisor.request('GET', '/api/v1/supervision/compliance?month=2026-10')).json();
    expect(empty.items[0].resolution).toEqual({ met: 0, breached: 0, percent: null });
    expect((await supervisor.request('GET', '/api/v1/supervision/compliance?month=2026-13')).statusCode).toBe(400);
  });
});
