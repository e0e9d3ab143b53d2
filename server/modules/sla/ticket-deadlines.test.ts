import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, login } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';
import { fixedClock } from '../../platform/clock.js';
import { systemContext } from '../../platform/request-context.js';

describeOnEachDatabase('stored ticket deadlines', (database) => {
  // Monday 30 November 2026, 10:00 in Santiago (UTC−3).
  const clock = fixedClock(new Date('2026-11-30T13:00:00Z'));
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;

  beforeAll(async () => {
    built = await buildTestApp(database(), { clock });
    world = await ticketWorld(built);
    const calendar = await built.services.agreements.createCalendar(systemContext, {
      name: 'Lunes a viernes',
      timeZone: 'America/Santiago',
      weekly: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
    });
    await built.services.agreements.createAgreement(systemContext, {
      organizationId: world.organization.id,
      name: 'Acuerdo',
      calendarId: calendar.id,
      targets: [
        { priority: 2, firstResponseMinutes: 60, resolutionMinutes: 240 },
        { priority: 3, firstResponseMinutes: 120, resolutionMinutes: 480 },
      ],
    });
  });

  it('stores deadlines in business time and moves them with pauses, priority and the first reply', async () => {
    const ticket = await raise(world.requester);
    expect(ticket.priority).toBe(3);
    expect(ticket.sla).toMatchObject({
      firstResponseDueAt: '2026-11-30T15:00:00.000Z',
      resolutionDueAt: '2026-11-30T21:00:00.000Z',
      nextDueAt: '2026-11-30T15:00:00.000Z',
      firstResponseMet: null,
    });
    const url = `/api/v1/tickets/${ticket.id}`;
    const agent = await login(built, world.agentUser.email);

    // A public reply at 10:30 meets the first response target.
    clock.set(new Date('2026-11-30T13:30:00Z'));
    await agent.request('POST', `${url}/replies`, { bodyHtml: 'Revisando' });
    let current = (await agent.request('GET', url)).json();
    expect(current.sla).toMatchObject({ firstResponseMet: true, nextDueAt: '2026-11-30T21:00:00.000Z' });

    // Waiting on the requester from 11:00 stops the resolution clock.
    clock.set(new Date('2026-11-30T14:00:00Z'));
    current = (
      await agent.request('PATCH', url, { version: current.version, status: 'pending', pendingReason: 'requester' })
    ).json();
    expect(current.sla).toMatchObject({ resolutionDueAt: null, nextDueAt: null });

    // Back to work at 17:00: one hour used before the pause, one more until 18:00, and the six
    // left run Tuesday 09:00–15:00 (18:00 UTC).
    clock.set(new Date('2026-11-30T20:00:00Z'));
    current = (await agent.request('PATCH', url, { version: current.version, status: 'in_progress' })).json();
    expect(current.sla.resolutionDueAt).toBe('2026-12-01T18:00:00.000Z');

    // Raised to priority 2 (4 hours): two are used, so it is due Tuesday 11:00 (14:00 UTC).
    current = (await agent.request('PATCH', url, { version: current.version, urgency: 'high' })).json();
    expect(current.priority).toBe(2);
    expect(current.sla.resolutionDueAt).toBe('2026-12-01T14:00:00.000Z');

    const explained = (await agent.request('GET', `${url}/sla`)).json();
    expect(explained).toMatchObject({
      agreement: { name: 'Acuerdo' },
      target: { priority: 2, resolutionMinutes: 240 },
      calendar: { timeZone: 'America/Santiago' },
      pauses: [{ from: '2026-11-30T14:00:00.000Z', to: '2026-11-30T20:00:00.000Z', reason: 'requester' }],
      firstResponse: { state: 'met', elapsedMinutes: 30 },
      resolution: { state: 'running', elapsedMinutes: 60, pausedMinutes: 360 },
    });
    expect(explained.why).toContain('not counting 1 pause(s) waiting on requester');
    expect((await world.requester.request('GET', `${url}/sla`)).statusCode).toBe(403);
  });

  it('applies no agreement to an organization without one', async () => {
    const elsewhere = await ticketWorld(built);
    const ticket = await raise(elsewhere.requester);
    expect(ticket.sla).toEqual({
      agreementId: null,
      firstResponseDueAt: null,
      resolutionDueAt: null,
      nextDueAt: null,
      firstResponseMet: null,
      resolutionMet: null,
      state: null,
      escalatedAt: null,
    });
  });
});
