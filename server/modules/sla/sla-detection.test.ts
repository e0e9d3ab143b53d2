import { beforeAll, expect, it, onTestFinished } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { jobDriver } from '../../../test/support/jobs.js';
import { buildTestApp, login, makeUser, TEST_CONFIG } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';
import { connectDatabase } from '../../db/connect.js';
import { fixedClock } from '../../platform/clock.js';
import { systemContext } from '../../platform/request-context.js';
import { buildServices } from '../../services.js';

// Monday 30 November 2026; Santiago is UTC−3, so 09:00 there is 12:00Z.
const at = (hhmm: string, day = '2026-11-30') => new Date(`${day}T${hhmm}:00-03:00`);

describeOnEachDatabase('SLA detection and hierarchical escalation', (database, engine) => {
  const clock = fixedClock(at('09:00'));
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let people: Record<'lead' | 'supervisor' | 'manager', { id: string; email: string }>;

  beforeAll(async () => {
    built = await buildTestApp(database(), { clock });
    world = await ticketWorld(built);
    people = {
      lead: await makeUser(built, ['agent']),
      supervisor: await makeUser(built, ['supervisor']),
      manager: await makeUser(built, ['analyst']),
    };
    await built.services.groups.create(systemContext, {
      name: 'Mesa de servicio',
      level: 'L1',
      leadId: people.lead.id,
      isDefault: true,
    });
    const calendar = await built.services.agreements.createCalendar(systemContext, {
      name: 'Hábil Santiago',
      timeZone: 'America/Santiago',
      weekly: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
    });
    await built.services.agreements.createAgreement(systemContext, {
      organizationId: world.organization.id,
      name: 'Acuerdo con matriz',
      calendarId: calendar.id,
      targets: [{ priority: 3, firstResponseMinutes: 60, resolutionMinutes: 240 }],
      warnAt: [0.5, 0.75],
      escalations: [
        { target: 'resolution', percent: 75, notify: ['group_lead'] },
        { target: 'resolution', percent: 100, notify: ['supervisors'], escalate: true },
        { target: 'resolution', percent: 100, afterMinutes: 240, notify: [], userIds: [people.manager.id] },
      ],
    });
  });

  // The clock moves across days, past the session's idle limit: sign in anew at each step.
  const requester = () => login(built, world.requesterUser.email);
  const timelineKinds = async (ticketId: string) => {
    const agent = await login(built, world.agentUser.email);
    const entries = (await agent.request('GET', `/api/v1/tickets/${ticketId}/timeline`)).json().items as {
      kind: string;
    }[];
    return entries.map((e) => e.kind).filter((kind) => kind.startsWith('sla_') || kind === 'ola_exceeded');
  };
  const firings = (ticketId: string) =>
    database()
      .db.selectFrom('sla_firings')
      .select('key')
      .where('ticket_id', '=', ticketId)
      .orderBy('key')
      .execute()
      .then((rows) => rows.map((r) => r.key));
  const notificationsOf = (userId: string, ticketId: string) =>
    database()
      .db.selectFrom('notifications')
      .select(['kind', 'percent'])
      .where('user_id', '=', userId)
      .where('ticket_id', '=', ticketId)
      .orderBy('id')
      .execute();

  it('fires each warning, the breach and every escalation level once, as they come due', async () => {
    clock.set(at('09:00'));
    const ticket = await raise(await requester());
    expect(ticket.sla).toMatchObject({ state: 'running', resolutionDueAt: at('13:00').toISOString() });
    const agent = await login(built, world.agentUser.email);
    clock.set(at('09:10'));
    await agent.request('POST', `/api/v1/tickets/${ticket.id}/replies`, { bodyHtml: 'Lo revisamos' });

    // The SLA watch as the server runs it: the sla_watch job, through the job runner.
    const run = jobDriver(built, 'sla_watch');
    clock.set(at('10:59'));
    expect((await run()).fired).toBe(0);
    // Half the resolution time is used at 11:00: found by the next run, seconds later.
    clock.set(new Date(at('11:00').getTime() + 20_000));
    expect((await run()).fired).toBe(1);
    clock.set(new Date(at('12:00').getTime() + 20_000));
    expect((await run()).fired).toBe(2); // the 75 % warning and the 75 % level
    clock.set(new Date(at('13:00').getTime() + 20_000));
    expect((await run()).fired).toBe(2); // the breach and the level at breach
    expect((await run()).fired).toBe(0); // nothing fires twice
    clock.set(new Date(at('17:00').getTime() + 20_000));
    expect((await run()).fired).toBe(1); // breach + 4 business hours: the manager
    clock.set(at('10:00', '2026-12-01'));
    expect((await run()).fired).toBe(0);

    expect(await firings(ticket.id)).toEqual([
      'breach:resolution',
      'escalation:resolution:100+0',
      'escalation:resolution:100+240',
      'escalation:resolution:75+0',
      'warning:resolution:50',
      'warning:resolution:75',
    ]);
    expect(await timelineKinds(ticket.id)).toEqual([
      'sla_warning',
      'sla_warning',
      'sla_escalation',
      'sla_breach',
      'sla_escalation',
      'sla_escalation',
    ]);
    // Nobody holds the ticket, so its group's lead hears the warnings and the breach; at 75 % the
    // warning and the escalation level fire together and the lead is told once, of the escalation.
    expect(await notificationsOf(people.lead.id, ticket.id)).toEqual([
      { kind: 'sla_warning', percent: 50 },
      { kind: 'sla_escalation', percent: 75 },
      { kind: 'sla_breach', percent: 100 },
    ]);
    expect(await notificationsOf(people.supervisor.id, ticket.id)).toEqual([{ kind: 'sla_escalation', percent: 100 }]);
    expect(await notificationsOf(people.manager.id, ticket.id)).toEqual([{ kind: 'sla_escalation', percent: 100 }]);

    const supervisor = await login(built, people.supervisor.email);
    const current = (await supervisor.request('GET', `/api/v1/tickets/${ticket.id}`)).json();
    expect(current.sla).toMatchObject({
      state: 'breached',
      escalatedAt: new Date(at('13:00').getTime() + 20_000).toISOString(),
    });
    const explained = (await supervisor.request('GET', `/api/v1/tickets/${ticket.id}/sla`)).json();
    expect(
      explained.escalations.map((e: { at: string; firedAt: string | null }) => [e.at, e.firedAt !== null]),
    ).toEqual([
      [at('12:00').toISOString(), true],
      [at('13:00').toISOString(), true],
      [at('17:00').toISOString(), true],
    ]);
  });

  it('catches up once after minutes nobody watched, telling only the furthest step', async () => {
    clock.set(at('09:00', '2026-12-02'));
    const ticket = await raise(await requester());
    // The job did not run all morning (a restart, say): at 13:30 everything due fires at once.
    clock.set(at('13:30', '2026-12-02'));
    expect((await built.services.watchServiceLevels()).fired).toBe(8);
    // The first response and resolution warnings are recorded but silent; the breaches speak.
    expect(await timelineKinds(ticket.id)).toEqual(['sla_breach', 'sla_escalation', 'sla_breach', 'sla_escalation']);
    expect((await built.services.watchServiceLevels()).fired).toBe(0);
  });

  it('fires once when two instances run the job at the same moment', async () => {
    // Two separate sets of services; on PostgreSQL each with its own connection pool, closed here
    // (before the file's database is dropped, which would cut its idle connections).
    const second =
      engine === 'postgres' ? connectDatabase({ engine: 'postgres', url: database().location, poolSize: 5 }) : null;
    onTestFinished(async () => {
      await second?.close();
    });
    const other = buildServices(second ?? database(), clock, TEST_CONFIG);
    clock.set(at('09:00', '2026-12-03'));
    const signedIn = await requester();
    const tickets = await Promise.all([1, 2, 3, 4, 5, 6].map(() => raise(signedIn)));
    clock.set(at('13:01', '2026-12-03'));
    const recorded = async () => (await database().db.selectFrom('sla_firings').select('key').execute()).length;
    const before = await recorded();
    const [a, b] = await Promise.all([built.services.watchServiceLevels(), other.watchServiceLevels()]);
    // Each firing is counted by exactly one of the two runners.
    expect(a.fired + b.fired).toBe((await recorded()) - before);
    // Eight per ticket: two warnings and a breach per target, the levels at 75 % and at breach.
    for (const ticket of tickets) {
      expect(await firings(ticket.id)).toHaveLength(8);
      expect(await timelineKinds(ticket.id)).toHaveLength(4);
      expect(await notificationsOf(people.supervisor.id, ticket.id)).toHaveLength(1);
    }
  });

  it('recomputes open tickets in batches when the agreement changes', async () => {
    clock.set(at('09:00', '2026-12-07'));
    const signedIn = await requester();
    const tickets = await Promise.all(Array.from({ length: 120 }, () => raise(signedIn)));
    const agreements = await built.services.agreements.listAgreements(world.organization.id);
    const agreement = agreements[0];
    if (!agreement) throw new Error('no agreement');
    await built.services.agreements.updateAgreement(systemContext, agreement.id, {
      version: agreement.version,
      targets: [{ priority: 3, firstResponseMinutes: 60, resolutionMinutes: 540 }],
    });
    // Until the job runs the stored deadlines are the old ones; the job walks them in batches.
    const { recalculated } = await built.services.watchServiceLevels();
    expect(recalculated).toBeGreaterThanOrEqual(120);
    const agent = await login(built, world.agentUser.email);
    for (const ticket of [tickets[0], tickets[119]]) {
      const current = (await agent.request('GET', `/api/v1/tickets/${ticket.id}`)).json();
      expect(current.sla.resolutionDueAt).toBe(at('18:00', '2026-12-07').toISOString());
    }
    const requests = await database().db.selectFrom('sla_recalculations').selectAll().execute();
    expect(requests.every((r) => r.finished_at !== null)).toBe(true);
  });
  it('tells the group lead when the first level holds a ticket past its internal target (OLA)', async () => {
    clock.set(at('08:00', '2026-12-08'));
    const [agreement] = await built.services.agreements.listAgreements(world.organization.id);
    if (!agreement) throw new Error('no agreement');
    await built.services.agreements.updateAgreement(systemContext, agreement.id, {
      version: agreement.version,
      levelMinutes: { L1: 30 },
    });
    clock.set(at('09:00', '2026-12-08'));
    const ticket = await raise(await requester());
    expect(ticket.level).toBe('L1');
    clock.set(at('09:29', '2026-12-08'));
    await built.services.watchServiceLevels();
    expect(await firings(ticket.id)).not.toContain('ola:L1');
    clock.set(at('09:31', '2026-12-08'));
    await built.services.watchServiceLevels();
    expect(await firings(ticket.id)).toContain('ola:L1');
    expect(await notificationsOf(people.lead.id, ticket.id)).toContainEqual({ kind: 'ola_exceeded', percent: null });
  });
  it('holds the desk to the update interval: each reply starts a new one, each missed interval fires once', async () => {
    clock.set(at('08:00', '2026-12-09'));
    const [agreement] = await built.services.agreements.listAgreements(world.organization.id);
    if (!agreement) throw new Error('no agreement');
    await built.services.agreements.updateAgreement(systemContext, agreement.id, {
      version: agreement.version,
      targets: [{ priority: 3, firstResponseMinutes: 60, resolutionMinutes: 540, updateMinutes: 60 }],
    });
    await built.services.watchServiceLevels();
    clock.set(at('09:00', '2026-12-09'));
    const ticket = await raise(await requester());
    const agent = await login(built, world.agentUser.email);
    clock.set(at('09:10', '2026-12-09'));
    await agent.request('POST', `/api/v1/tickets/${ticket.id}/replies`, { bodyHtml: 'Lo revisamos' });
    const updateKeys = async () => (await firings(ticket.id)).filter((key) => key.startsWith('breach:update'));

    clock.set(at('10:09', '2026-12-09'));
    await built.services.watchServiceLevels();
    expect(await updateKeys()).toEqual([]);
    clock.set(at('10:11', '2026-12-09'));
    await built.services.watchServiceLevels();
    expect(await updateKeys()).toEqual([`breach:update:${at('09:10', '2026-12-09').toISOString()}`]);
    let current = (await agent.request('GET', `/api/v1/tickets/${ticket.id}`)).json();
    expect(current.sla.state).toBe('breached');

    // A reply starts the next interval: the ticket is back on time until 11:30.
    clock.set(at('10:30', '2026-12-09'));
    await agent.request('POST', `/api/v1/tickets/${ticket.id}/replies`, { bodyHtml: 'Seguimos en ello' });
    current = (await agent.request('GET', `/api/v1/tickets/${ticket.id}`)).json();
    expect(current.sla).toMatchObject({ state: 'running', nextDueAt: at('11:30', '2026-12-09').toISOString() });
    const explained = (await agent.request('GET', `/api/v1/tickets/${ticket.id}/sla`)).json();
    expect(explained.update).toMatchObject({ since: at('10:30', '2026-12-09').toISOString(), state: 'running' });
    clock.set(at('11:31', '2026-12-09'));
    await built.services.watchServiceLevels();
    expect(await updateKeys()).toHaveLength(2);
    expect(await notificationsOf(people.lead.id, ticket.id)).toContainEqual({ kind: 'sla_breach', percent: 100 });
  });
});
