import { beforeAll, expect, it, onTestFinished } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { jobDriver } from '../../../test/support/jobs.js';
import { buildTestApp, login, makeOrganization, makeUser, TEST_CONFIG } from '../../../test/support/test-app.js';
import { ticketWorld } from '../../../test/support/tickets.js';
import { connectDatabase } from '../../db/connect.js';
import { fixedClock } from '../../platform/clock.js';
import { systemContext } from '../../platform/request-context.js';
import { buildServices } from '../../services.js';

// Monday 30 November 2026; Santiago is UTC−3, so 09:00 there is 12:00Z. Business hours 09:00–18:00.
const at = (hhmm: string, day = '2026-11-30') => new Date(`${day}T${hhmm}:00-03:00`);
const after = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);
const API = '/api/v1';

describeOnEachDatabase('problem service levels', (database, engine) => {
  const clock = fixedClock(at('08:00'));
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let strictOrganization: { id: string; name: string };
  let people: Record<'owner' | 'lead' | 'supervisor', { id: string; email: string }>;
  let groupId: string;

  beforeAll(async () => {
    built = await buildTestApp(database(), { clock });
    world = await ticketWorld(built);
    strictOrganization = await makeOrganization(built, 'Cliente estricto');
    people = {
      owner: await makeUser(built, ['specialist']),
      lead: await makeUser(built, ['specialist']),
      supervisor: await makeUser(built, ['supervisor']),
    };
    groupId = (
      await built.services.groups.create(systemContext, {
        name: 'Bases de datos',
        level: 'L2',
        specialty: 'databases',
        leadId: people.lead.id,
      })
    ).id;
    const calendar = await built.services.agreements.createCalendar(systemContext, {
      name: 'Hábil Santiago',
      timeZone: 'America/Santiago',
      weekly: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
    });
    const ticketTargets = [{ priority: 1, firstResponseMinutes: 30, resolutionMinutes: 240 }];
    await built.services.agreements.createAgreement(systemContext, {
      organizationId: world.organization.id,
      name: 'Acuerdo general',
      calendarId: calendar.id,
      targets: ticketTargets,
      problemTargets: [
        { priority: 1, resolutionMinutes: 240 },
        { priority: 4, resolutionMinutes: 960 },
      ],
    });
    await built.services.agreements.createAgreement(systemContext, {
      organizationId: strictOrganization.id,
      name: 'Acuerdo estricto',
      calendarId: calendar.id,
      targets: ticketTargets,
      warnAt: [0.5, 0.75],
      escalations: [
        { target: 'first_response', percent: 100, notify: ['assignee'] },
        { target: 'resolution', percent: 75, notify: ['group_lead'] },
        { target: 'resolution', percent: 100, notify: ['supervisors'], escalate: true },
      ],
      problemTargets: [{ priority: 1, resolutionMinutes: 120 }],
    });
  });

  // The clock moves across hours and days, past the session's idle limit: sign in anew each time.
  const owner = () => login(built, people.owner.email);
  const create = async (body: Record<string, unknown>) => {
    const response = await (await owner()).request('POST', `${API}/problems`, {
      subject: 'La base de datos de facturación se bloquea',
      description: '<p>Bloqueos a la hora de cierre.</p>',
      impact: 'high',
      urgency: 'high',
      groupId,
      ownerId: people.owner.id,
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const patch = async (id: string, body: Record<string, unknown>) => {
    const client = await owner();
    const { version } = (await client.request('GET', `${API}/problems/${id}`)).json();
    const response = await client.request('PATCH', `${API}/problems/${id}`, { version, ...body });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const firings = async (problemId: string) =>
    (
      await database()
        .db.selectFrom('problem_sla_firings')
        .select('key')
        .where('problem_id', '=', problemId)
        .orderBy('key')
        .execute()
    ).map((row) => row.key);
  const notificationsOf = (userId: string, problemId: string) =>
    database()
      .db.selectFrom('notifications')
      .select(['kind', 'percent', 'ticket_id'])
      .where('user_id', '=', userId)
      .where('problem_id', '=', problemId)
      .orderBy('id')
      .execute();

  it("stores the deadline of the strictest affected organization's agreement, and says why", async () => {
    clock.set(at('09:00'));
    const problem = await create({ organizationIds: [world.organization.id] });
    expect(problem.priority).toBe(1);
    expect(problem.sla).toMatchObject({
      resolutionDueAt: at('13:00').toISOString(),
      state: 'running',
      met: null,
      resolutionMinutes: null,
    });

    // A second client with a stricter target: its two hours set the deadline.
    clock.set(at('09:30'));
    const both = await patch(problem.id, { organizationIds: [world.organization.id, strictOrganization.id] });
    expect(both.sla.resolutionDueAt).toBe(at('11:00').toISOString());
    const listed = (await (await owner()).request('GET', `${API}/problems?q=${problem.number}`)).json();
    expect(listed.items[0].sla).toEqual(both.sla);

    const explained = (await (await owner()).request('GET', `${API}/problems/${problem.id}/sla`)).json();
    expect(explained.agreement).toMatchObject({
      name: 'Acuerdo estricto',
      organization: { id: strictOrganization.id },
    });
    expect(explained.target).toEqual({ priority: 1, resolutionMinutes: 120 });
    expect(explained.calendar).toMatchObject({ name: 'Hábil Santiago', timeZone: 'America/Santiago' });
    expect(
      explained.candidates.map((c: { organization: { id: string }; reason: string; deadline: string }) => [
        c.organization.id,
        c.reason,
        c.deadline,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [world.organization.id, 'later', at('13:00').toISOString()],
        [strictOrganization.id, 'strictest', at('11:00').toISOString()],
      ]),
    );
    expect(explained.warnings.map((w: { percent: number; at: string }) => [w.percent, w.at])).toEqual([
      [50, at('10:00').toISOString()],
      [75, at('10:30').toISOString()],
    ]);
    expect(explained.escalations.map((e: { level: { percent: number } }) => e.level.percent)).toEqual([75, 100]);
    expect(explained.why).toContain('strictest of 2');
  });

  it('moves the deadline with the priority and the status; a cancelled problem has no outcome', async () => {
    clock.set(at('09:00', '2026-12-01'));
    const problem = await create({ organizationIds: [world.organization.id, strictOrganization.id] });
    expect(problem.sla.resolutionDueAt).toBe(at('11:00', '2026-12-01').toISOString());
    // Priority 4: only the general agreement has a target for it (16 business hours).
    const low = await patch(problem.id, { impact: 'low', urgency: 'low' });
    expect(low.priority).toBe(4);
    expect(low.sla.resolutionDueAt).toBe(at('16:00', '2026-12-02').toISOString());
    const explained = (await (await owner()).request('GET', `${API}/problems/${problem.id}/sla`)).json();
    expect(explained.candidates.find((c: { reason: string }) => c.reason === 'no_target').organization.id).toBe(
      strictOrganization.id,
    );

    clock.set(at('10:00', '2026-12-01'));
    await patch(problem.id, { status: 'investigating', cause: '<p>Índice faltante</p>' });
    clock.set(at('11:00', '2026-12-01'));
    const resolved = await patch(problem.id, { status: 'resolved', permanentFix: '<p>Índice creado</p>' });
    expect(resolved.sla).toMatchObject({ state: 'met', met: true, resolutionMinutes: 120 });
    // Reopened, its clock runs on from where it stood.
    clock.set(at('12:00', '2026-12-01'));
    const reopened = await patch(problem.id, { status: 'investigating' });
    expect(reopened.sla).toMatchObject({ state: 'running', met: null });
    expect(reopened.sla.resolutionDueAt).toBe(at('17:00', '2026-12-02').toISOString());

    clock.set(at('09:00', '2026-12-02'));
    const other = await create({ organizationIds: [strictOrganization.id] });
    const cancelled = await patch(other.id, { status: 'cancelled' });
    expect(cancelled.sla).toMatchObject({ state: null, met: null, resolutionMinutes: null });
    expect(
      (
        await database()
          .db.selectFrom('problems')
          .select('sla_check_at')
          .where('id', '=', other.id)
          .executeTakeFirstOrThrow()
      ).sla_check_at,
    ).toBeNull();

    // A problem no agreement covers has no service level.
    const uncovered = await create({ organizationIds: [] });
    expect(uncovered.sla).toBeNull();
  });

  it('fires each point once, on the timeline and to the people the matrix names', async () => {
    const run = jobDriver(built, 'problem_sla');
    // What the earlier tests left due fires first, so the counts below are this problem's.
    clock.set(at('08:59', '2026-12-03'));
    await run();
    clock.set(at('09:00', '2026-12-03'));
    const problem = await create({ organizationIds: [strictOrganization.id] });
    clock.set(at('09:59', '2026-12-03'));
    expect((await run()).fired).toBe(0);
    clock.set(after(at('10:00', '2026-12-03'), 20));
    expect((await run()).fired).toBe(1);
    clock.set(after(at('10:30', '2026-12-03'), 20));
    expect((await run()).fired).toBe(2); // the 75 % warning and the 75 % level
    clock.set(after(at('11:00', '2026-12-03'), 20));
    expect((await run()).fired).toBe(2); // the breach and the level at breach
    expect((await run()).fired).toBe(0);

    expect(await firings(problem.id)).toEqual([
      'breach:resolution',
      'escalation:resolution:100+0',
      'escalation:resolution:75+0',
      'warning:resolution:50',
      'warning:resolution:75',
    ]);
    const timeline = (await (await owner()).request('GET', `${API}/problems/${problem.id}/timeline`)).json();
    expect(
      timeline.items.map((e: { kind: string }) => e.kind).filter((kind: string) => kind.startsWith('sla_')),
    ).toEqual(['sla_warning', 'sla_warning', 'sla_escalation', 'sla_breach', 'sla_escalation']);
    expect(await notificationsOf(people.owner.id, problem.id)).toEqual([
      { kind: 'sla_warning', percent: 50, ticket_id: null },
      { kind: 'sla_warning', percent: 75, ticket_id: null },
      { kind: 'sla_breach', percent: 100, ticket_id: null },
    ]);
    expect(await notificationsOf(people.lead.id, problem.id)).toEqual([
      { kind: 'sla_escalation', percent: 75, ticket_id: null },
      { kind: 'sla_breach', percent: 100, ticket_id: null },
    ]);
    expect(await notificationsOf(people.supervisor.id, problem.id)).toEqual([
      { kind: 'sla_escalation', percent: 100, ticket_id: null },
    ]);
    const stored = await database()
      .db.selectFrom('problems')
      .select(['sla_state', 'sla_escalated_at', 'sla_check_at'])
      .where('id', '=', problem.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      sla_state: 'breached',
      sla_escalated_at: after(at('11:00', '2026-12-03'), 20).toISOString(),
      sla_check_at: null,
    });

    // The bell names the problem, and the explanation shows when each level fired.
    const supervisor = await login(built, people.supervisor.email);
    const bell = (await supervisor.request('GET', `${API}/me/notifications`)).json();
    expect(bell.items.find((n: { problem: { id: string } | null }) => n.problem?.id === problem.id)).toMatchObject({
      kind: 'sla_escalation',
      ticket: null,
      problem: { number: problem.number, subject: problem.subject },
    });
    const explained = (await supervisor.request('GET', `${API}/problems/${problem.id}/sla`)).json();
    expect(explained.escalations.every((e: { firedAt: string | null }) => e.firedAt !== null)).toBe(true);
  });

  it('fires once when two instances run the job at the same moment', async () => {
    const second =
      engine === 'postgres' ? connectDatabase({ engine: 'postgres', url: database().location, poolSize: 5 }) : null;
    onTestFinished(async () => {
      await second?.close();
    });
    const other = buildServices(second ?? database(), clock, TEST_CONFIG);
    clock.set(at('08:59', '2026-12-04'));
    await built.services.problemSlaDetection.detect();
    clock.set(at('09:00', '2026-12-04'));
    const problems = [];
    for (let i = 0; i < 5; i++) problems.push(await create({ organizationIds: [strictOrganization.id] }));
    clock.set(at('11:01', '2026-12-04'));
    const recorded = async () => (await database().db.selectFrom('problem_sla_firings').select('key').execute()).length;
    const before = await recorded();
    const [a, b] = await Promise.all([built.services.problemSlaDetection.detect(), other.problemSlaDetection.detect()]);
    expect(a.fired + b.fired).toBe((await recorded()) - before);
    for (const problem of problems) {
      expect(await firings(problem.id)).toHaveLength(5);
      // Caught up at once: the warnings are recorded silently, the breach and the levels speak.
      expect(await notificationsOf(people.supervisor.id, problem.id)).toHaveLength(1);
      expect(await notificationsOf(people.owner.id, problem.id)).toEqual([
        { kind: 'sla_breach', percent: 100, ticket_id: null },
      ]);
    }
  });

  it('recomputes open problems when an agreement changes its problem targets; supervisors may set them', async () => {
    clock.set(at('09:00', '2026-12-07'));
    const open = await create({ organizationIds: [world.organization.id] });
    expect(open.sla.resolutionDueAt).toBe(at('13:00', '2026-12-07').toISOString());
    const supervisor = await login(built, people.supervisor.email);
    const [agreement] = await built.services.agreements.listAgreements(world.organization.id);
    if (!agreement) throw new Error('no agreement');
    const bad = await supervisor.request('PATCH', `${API}/agreements/${agreement.id}`, {
      version: agreement.version,
      problemTargets: [
        { priority: 1, resolutionMinutes: 60 },
        { priority: 1, resolutionMinutes: 90 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['problemTargets.1.priority']);
    const zero = await supervisor.request('PATCH', `${API}/agreements/${agreement.id}`, {
      version: agreement.version,
      problemTargets: [{ priority: 1, resolutionMinutes: 0 }],
    });
    expect(zero.statusCode).toBe(400);

    const updated = await supervisor.request('PATCH', `${API}/agreements/${agreement.id}`, {
      version: agreement.version,
      problemTargets: [
        { priority: 4, resolutionMinutes: 960 },
        { priority: 1, resolutionMinutes: 60 },
      ],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().problemTargets).toEqual([
      { priority: 1, resolutionMinutes: 60 },
      { priority: 4, resolutionMinutes: 960 },
    ]);
    // At once, in the agreement's transaction: no job needed.
    const current = (await (await owner()).request('GET', `${API}/problems/${open.id}`)).json();
    expect(current.sla.resolutionDueAt).toBe(at('10:00', '2026-12-07').toISOString());
  });

  it('hides the explanation from requesters (404), as every problem route', async () => {
    clock.set(at('09:00', '2026-12-08'));
    const problem = await create({ organizationIds: [world.organization.id] });
    const requester = await login(built, world.requesterUser.email);
    expect((await requester.request('GET', `${API}/problems/${problem.id}/sla`)).statusCode).toBe(404);
    const agent = await login(built, world.agentUser.email);
    expect((await agent.request('GET', `${API}/problems/${problem.id}/sla`)).statusCode).toBe(200);
  });
});
