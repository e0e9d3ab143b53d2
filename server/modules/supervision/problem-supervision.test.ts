import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';
import type { ProblemTable } from '../../db/schema.js';
import { fixedClock } from '../../platform/clock.js';
import { systemContext } from '../../platform/request-context.js';

const API = '/api/v1';
const at = (hhmm: string, day = '2026-11-30') => new Date(`${day}T${hhmm}:00-03:00`);

/*
 * The supervisor's watch over problem reports: the board's Problems view, problem commitments
 * followed by the job, and compliance with problems apart. The deadlines are the sla-core
 * branch's to compute; here they are set on the rows as that computation would leave them.
 */
describeOnEachDatabase('supervision of problem reports', (database) => {
  const clock = fixedClock(at('09:00'));
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let supervisor: Client;
  let analyst: Client;
  let ownerId: string;
  let otherOrganizationId: string;
  const problems: Record<string, { id: string; number: string; version: number }> = {};

  const check = () => built.services.commitments.check();
  const setSla = (id: string, columns: Partial<ProblemTable>) =>
    database().db.updateTable('problems').set(columns).where('id', '=', id).execute();
  const board = async (query: string) => {
    const response = await supervisor.request('GET', `${API}/supervision/problems?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: { subject: string; [key: string]: unknown }[]; nextCursor: string | null };
  };
  const subjects = async (query: string) => (await board(query)).items.map((p) => p.subject);
  const create = async (subject: string, body: Record<string, unknown> = {}) => {
    const response = await supervisor.request('POST', `${API}/problems`, {
      subject,
      description: `<p>${subject}</p>`,
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    problems[subject] = response.json();
    return response.json();
  };
  const resolve = async (subject: string) => {
    const problem = problems[subject] as { id: string; version: number };
    const investigating = await supervisor.request('PATCH', `${API}/problems/${problem.id}`, {
      version: problem.version,
      status: 'investigating',
    });
    const response = await supervisor.request('PATCH', `${API}/problems/${problem.id}`, {
      version: investigating.json().version,
      status: 'resolved',
      cause: '<p>Fuga de memoria</p>',
      permanentFix: '<p>Parche 4.2</p>',
    });
    expect(response.statusCode, response.body).toBe(200);
    problems[subject] = response.json();
  };
  const id = (subject: string) => (problems[subject] as { id: string }).id;

  beforeAll(async () => {
    built = await buildTestApp(database(), { clock });
    world = await ticketWorld(built);
    supervisor = await login(built, (await makeUser(built, ['supervisor'])).email);
    analyst = await login(built, (await makeUser(built, ['analyst'])).email);
    ownerId = (await makeUser(built, ['specialist'])).id;
    otherOrganizationId = (await makeOrganization(built)).id;

    const organizationIds = [world.organization.id];
    await create('Caídas del ERP', { organizationIds, ownerId, impact: 'high', urgency: 'high' });
    await create('Lentitud del correo', { organizationIds, impact: 'high', urgency: 'medium' });
    await create('Impresoras sin cola', { organizationIds: [otherOrganizationId] });
    await create('Certificado por vencer', { organizationIds });
    // The ERP is past its deadline; mail and printing are warned (printing due sooner); the
    // certificate is running.
    await setSla(id('Caídas del ERP'), { sla_state: 'breached', resolution_due_at: at('08:00').toISOString() });
    await setSla(id('Lentitud del correo'), { sla_state: 'warning', resolution_due_at: at('15:00').toISOString() });
    await setSla(id('Impresoras sin cola'), { sla_state: 'warning', resolution_due_at: at('12:00').toISOString() });
    await setSla(id('Certificado por vencer'), {
      sla_state: 'running',
      resolution_due_at: at('18:00').toISOString(),
    });
  });

  it('lists problems at risk and breached, the most pressing first, with their place and paging', async () => {
    expect(await subjects('view=at_risk')).toEqual(['Impresoras sin cola', 'Lentitud del correo']);
    expect(await subjects('view=breached')).toEqual(['Caídas del ERP']);
    expect(await subjects('view=commitments')).toEqual([]);
    expect(await subjects(`view=at_risk&organizationId=${otherOrganizationId}`)).toEqual(['Impresoras sin cola']);

    const [erp] = (await board('view=breached')).items;
    expect(erp).toEqual({
      id: id('Caídas del ERP'),
      number: (problems['Caídas del ERP'] as { number: string }).number,
      subject: 'Caídas del ERP',
      status: 'new',
      priority: 1,
      owner: { id: ownerId, name: expect.any(String) },
      group: null,
      organizations: [{ id: world.organization.id, name: world.organization.name }],
      sla: { state: 'breached', resolutionDueAt: at('08:00').toISOString(), escalatedAt: null },
      commitment: null,
    });

    // One at a time: the cursor carries on where the page ended.
    const first = await board('view=at_risk&limit=1');
    expect(first.items.map((p) => p.subject)).toEqual(['Impresoras sin cola']);
    const second = await board(`view=at_risk&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((p) => p.subject)).toEqual(['Lentitud del correo']);
    expect(second.nextCursor).toBeNull();

    expect((await supervisor.request('GET', `${API}/supervision/problems/summary`)).json()).toEqual({
      atRisk: 2,
      breached: 1,
      commitments: 0,
    });
    // The analyst reads the board too.
    expect((await analyst.request('GET', `${API}/supervision/problems?view=breached`)).statusCode).toBe(200);
  });

  it('hides the Problems view from requesters (404) and keeps it from agents (403)', async () => {
    for (const url of ['/supervision/problems?view=at_risk', '/supervision/problems/summary'])
      expect((await world.requester.request('GET', `${API}${url}`)).statusCode).toBe(404);
    expect((await world.agent.request('GET', `${API}/supervision/problems?view=at_risk`)).statusCode).toBe(403);
    const bad = await supervisor.request('GET', `${API}/supervision/problems?view=paused`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('view');
    const tampered = await supervisor.request('GET', `${API}/supervision/problems?view=at_risk&cursor=WyJ4Il0`);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().errors[0].field).toBe('cursor');
  });

  it('records a problem commitment, warns once before it and calls it broken once after', async () => {
    const url = `${API}/problems/${id('Caídas del ERP')}/commitments`;
    const body = { promisedAt: at('13:00').toISOString(), note: 'El proveedor entrega el parche a las 12:00.' };
    expect((await world.requester.request('POST', url, body)).statusCode).toBe(404);
    expect((await world.requester.request('GET', url)).statusCode).toBe(404);
    expect((await world.agent.request('POST', url, body)).statusCode).toBe(403);
    expect((await supervisor.request('POST', `${API}/problems/nope/commitments`, body)).statusCode).toBe(404);
    const told = await supervisor.request('POST', url, { ...body, tellRequester: true });
    expect(told.statusCode).toBe(400);
    expect(told.json().errors).toEqual([
      { field: 'tellRequester', message: 'a problem report has no requester to tell' },
    ]);
    const past = await supervisor.request('POST', url, { ...body, promisedAt: at('08:59').toISOString() });
    expect(past.json().errors).toEqual([{ field: 'promisedAt', message: 'must be in the future' }]);

    const made = await supervisor.request('POST', url, body);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      ticketId: null,
      problemId: id('Caídas del ERP'),
      state: 'open',
      toldRequester: false,
    });
    // Agents read a problem's commitments (problems.read) but do not make them.
    expect((await world.agent.request('GET', url)).json().items).toHaveLength(1);

    expect((await board('view=commitments')).items).toEqual([
      expect.objectContaining({
        subject: 'Caídas del ERP',
        commitment: expect.objectContaining({ promisedAt: at('13:00').toISOString(), warnedAt: null }),
      }),
    ]);
    expect((await supervisor.request('GET', `${API}/supervision/problems/summary`)).json().commitments).toBe(1);

    // Made at 09:00 for 13:00: the warning comes a quarter of the way before, at 12:00.
    clock.set(at('11:59'));
    expect(await check()).toBe(0);
    clock.set(at('12:00'));
    expect(await check()).toBe(1);
    expect(await check()).toBe(0);
    clock.set(at('13:00'));
    expect(await check()).toBe(1);
    expect(await check()).toBe(0);

    const [commitment] = (await supervisor.request('GET', url)).json().items;
    expect(commitment).toMatchObject({ state: 'broken', warnedAt: at('12:00').toISOString() });
    const timeline = (await supervisor.request('GET', `${API}/problems/${id('Caídas del ERP')}/timeline`)).json();
    expect(timeline.items.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'commitment_made',
      'commitment_warning',
      'commitment_broken',
    ]);
    // The owner heard of both; the notifications speak of the problem, not of a ticket.
    const told2 = await database()
      .db.selectFrom('notifications')
      .select(['kind', 'ticket_id', 'problem_id'])
      .where('user_id', '=', ownerId)
      .orderBy('id')
      .execute();
    expect(told2).toEqual([
      { kind: 'commitment_warning', ticket_id: null, problem_id: id('Caídas del ERP') },
      { kind: 'commitment_broken', ticket_id: null, problem_id: id('Caídas del ERP') },
    ]);
    expect(await subjects('view=commitments')).toEqual([]);
  });

  it('keeps a commitment when the problem is resolved in time, and settles it when cancelled', async () => {
    clock.set(at('13:10'));
    const mail = `${API}/problems/${id('Lentitud del correo')}/commitments`;
    await supervisor.request('POST', mail, { promisedAt: at('19:00').toISOString(), note: 'Primero' });
    const second = await supervisor.request('POST', mail, { promisedAt: at('18:00').toISOString(), note: 'Antes' });
    expect(second.statusCode).toBe(201);
    const printers = `${API}/problems/${id('Impresoras sin cola')}/commitments`;
    await supervisor.request('POST', printers, { promisedAt: at('18:00').toISOString(), note: 'Con el técnico' });
    expect(await subjects('view=commitments')).toEqual(['Lentitud del correo', 'Impresoras sin cola']);

    clock.set(at('14:00'));
    await resolve('Lentitud del correo');
    const printer = problems['Impresoras sin cola'] as { id: string; version: number };
    await supervisor.request('PATCH', `${API}/problems/${printer.id}`, {
      version: printer.version,
      status: 'cancelled',
    });
    expect(await check()).toBe(2);
    expect(await check()).toBe(0);
    const states = async (url: string) =>
      (await supervisor.request('GET', url)).json().items.map((c: { state: string }) => c.state);
    expect(await states(mail)).toEqual(['kept', 'superseded']);
    expect(await states(printers)).toEqual(['broken']);
    // Nothing more to promise once resolved; the board no longer lists either.
    const late = await supervisor.request('POST', mail, { promisedAt: at('20:00').toISOString(), note: 'x' });
    expect(late.statusCode).toBe(409);
    expect(await subjects('view=commitments')).toEqual([]);
    expect(await subjects('view=at_risk')).toEqual([]);
  });

  it('counts problem reports apart from tickets in the month’s compliance, per priority', async () => {
    // The mail problem (priority 2) was resolved within its standard; a certificate (priority 3)
    // resolved late; one resolved in December does not count for November.
    await setSla(id('Lentitud del correo'), { resolution_met: 1, sla_state: 'met' });
    await resolve('Certificado por vencer');
    await setSla(id('Certificado por vencer'), { resolution_met: 0, sla_state: 'breached' });
    await create('Backups incompletos', { organizationIds: [world.organization.id] });
    await setSla(id('Backups incompletos'), {
      status: 'resolved',
      resolved_at: at('10:00', '2026-12-01').toISOString(),
      resolution_met: 1,
    });

    // One ticket of an organization with an agreement, resolved late in November.
    const calendar = await built.services.agreements.createCalendar(systemContext, {
      name: '24x7',
      timeZone: 'America/Santiago',
      weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
    });
    await built.services.agreements.createAgreement(systemContext, {
      organizationId: world.organization.id,
      name: 'Acuerdo 24x7',
      calendarId: calendar.id,
      targets: [{ priority: 3, firstResponseMinutes: 30, resolutionMinutes: 120 }],
    });
    const ticket = await raise(world.requester, { subject: 'Sin correo' });
    await database()
      .db.updateTable('tickets')
      .set({ status: 'resolved', resolved_at: at('14:30').toISOString(), resolution_met: 0 })
      .where('id', '=', ticket.id)
      .execute();

    const compliance = (await supervisor.request('GET', `${API}/supervision/compliance?month=2026-11`)).json();
    expect(compliance.problems).toEqual([
      { priority: 1, resolved: 0, met: 0, breached: 0, percent: null },
      { priority: 2, resolved: 1, met: 1, breached: 0, percent: 100 },
      { priority: 3, resolved: 1, met: 0, breached: 1, percent: 0 },
      { priority: 4, resolved: 0, met: 0, breached: 0, percent: null },
    ]);
    // Tickets are measured as before, per organization, untouched by the problems.
    expect(compliance.items).toEqual([
      expect.objectContaining({
        organization: { id: world.organization.id, name: world.organization.name },
        resolution: { met: 0, breached: 1, percent: 0 },
      }),
    ]);
    const december = (await supervisor.request('GET', `${API}/supervision/compliance?month=2026-12`)).json();
    expect(december.problems[2]).toEqual({ priority: 3, resolved: 1, met: 1, breached: 0, percent: 100 });
  });
});
