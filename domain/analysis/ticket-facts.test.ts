import { describe, expect, it } from 'vitest';
import { aTicket, at, MADRID, SANTIAGO } from '../../test/support/analysis-fixtures.js';
import { resolutionClock } from '../sla/sla-clock.js';
import { type FactsContext, ticketFacts } from './ticket-facts.js';

const santiagoAsOf = (asOf: number): FactsContext => ({ calendar: SANTIAGO, reopenWindowDays: 7, asOf });
const madridAsOf = (asOf: number, reopenWindowDays = 7): FactsContext => ({ calendar: MADRID, reopenWindowDays, asOf });

describe('business time of a ticket', () => {
  // Santiago is at UTC−3 all of March 2026; the office is open weekdays 09:00–18:00.
  const created = at('2026-03-13T19:00:00Z'); // Friday 16:00 local
  const ticket = aTicket(created, {
    statusHistory: [
      { at: created, status: 'new' },
      { at: at('2026-03-13T19:05:00Z'), status: 'assigned' },
      { at: at('2026-03-16T13:00:00Z'), status: 'pending', pendingReason: 'requester' }, // Monday 10:00
      { at: at('2026-03-16T15:00:00Z'), status: 'in_progress' }, // Monday 12:00
      { at: at('2026-03-17T14:00:00Z'), status: 'resolved' }, // Tuesday 11:00
    ],
    firstResponseAt: at('2026-03-16T12:30:00Z'), // Monday 09:30
    slaTargets: { firstResponseMinutes: 240, resolutionMinutes: 600 },
  });

  it('counts business minutes across the weekend and leaves the pause out', () => {
    const facts = ticketFacts(ticket, santiagoAsOf(at('2026-04-30T00:00:00Z')));
    // First response: Friday 16:00–18:00 = 120, the weekend 0, Monday 09:00–09:30 = 30 → 150 ≤ 240.
    expect(facts.firstResponse).toEqual({ month: '2026-03', minutes: 150, withinTarget: true, slaMet: true });
    // Resolution: Friday 120 + Monday 540 − the 10:00–12:00 pause 120 + Tuesday 09:00–11:00 120 = 660 > 600.
    expect(facts.resolution).toMatchObject({ month: '2026-03', minutes: 660, withinTarget: false, slaMet: false });
  });

  it('measures resolution exactly as the SLA resolution clock does', () => {
    const asOf = at('2026-04-30T00:00:00Z');
    const input = { createdAt: created, history: ticket.statusHistory, firstResponseAt: ticket.firstResponseAt };
    const clock = resolutionClock(SANTIAGO, input, { minutes: 600 }, asOf);
    expect(ticketFacts(ticket, santiagoAsOf(asOf)).resolution?.minutes).toBe(clock.elapsedMinutes);
  });

  it('sees the ticket as it stood at an earlier instant', () => {
    // Monday 11:00 local: answered, paused, not yet resolved; still open at the instant.
    const facts = ticketFacts(ticket, santiagoAsOf(at('2026-03-16T14:00:00Z')));
    expect(facts.firstResponse?.minutes).toBe(150);
    expect(facts.resolution).toBeNull();
    expect(facts.backlog).toEqual([{ month: '2026-03', bucket: 'days_0_2' }]);
  });
});

describe('reopen attribution', () => {
  // Madrid: CET (UTC+1) until 29 March 2026, then CEST (UTC+2).
  const created = at('2026-03-23T08:00:00Z'); // Monday 09:00 CET
  const history = [
    { at: created, status: 'new' },
    { at: at('2026-03-30T15:00:00Z'), status: 'resolved' }, // Monday 30 March 17:00 CEST
    { at: at('2026-04-02T08:00:00Z'), status: 'in_progress' }, // Thursday 2 April 10:00: reopened
    { at: at('2026-04-03T10:00:00Z'), status: 'resolved' }, // Friday 3 April 12:00
    { at: at('2026-04-10T10:00:00Z'), status: 'closed' },
  ];
  const ticket = aTicket(created, { statusHistory: history });

  it('counts a reopening in the month of the original resolution', () => {
    const facts = ticketFacts(ticket, madridAsOf(at('2026-05-01T00:00:00Z')));
    expect(facts.resolutions).toEqual([
      { month: '2026-03', reopened: true },
      { month: '2026-04', reopened: false },
    ]);
    // The resolution that stands is April's. Monday 23 to Friday 27 March: 5 × 540 = 2700; Monday
    // 30 March 09:00–17:00: 480 → 3180; the resolved spell until Thursday 10:00 does not count;
    // Thursday 10:00–18:00: 480; Friday 09:00–12:00: 180 → 3180 + 660 = 3840.
    expect(facts.resolution).toMatchObject({ month: '2026-04', minutes: 3840 });
  });

  it('does not count a reopening after the window', () => {
    // 30 March 15:00Z to 2 April 08:00Z is 2 days 17 hours, past a 2-day window.
    const facts = ticketFacts(ticket, madridAsOf(at('2026-05-01T00:00:00Z'), 2));
    expect(facts.resolutions[0]).toEqual({ month: '2026-03', reopened: false });
  });

  it('at March’s close, shows March’s resolution, not yet reopened', () => {
    const facts = ticketFacts(ticket, madridAsOf(at('2026-03-31T21:59:00Z')));
    expect(facts.resolutions).toEqual([{ month: '2026-03', reopened: false }]);
    expect(facts.resolution).toMatchObject({ month: '2026-03', minutes: 3180 });
  });
});

describe('months cut in the calendar’s zone', () => {
  const created = at('2026-03-31T12:00:00Z');
  const resolvedAt = (iso: string) =>
    aTicket(created, {
      statusHistory: [
        { at: created, status: 'new' },
        { at: at(iso), status: 'resolved' },
      ],
    });
  const asOf = at('2026-12-31T00:00:00Z');

  it('puts 2026-04-01T02:30Z in March in Santiago (23:30, UTC−3) and in April in Madrid (04:30, UTC+2)', () => {
    const ticket = resolvedAt('2026-04-01T02:30:00Z');
    expect(ticketFacts(ticket, santiagoAsOf(asOf)).resolution?.month).toBe('2026-03');
    expect(ticketFacts(ticket, madridAsOf(asOf)).resolution?.month).toBe('2026-04');
  });

  it('cuts Madrid’s April at 22:00Z, two days after the clocks went forward', () => {
    expect(ticketFacts(resolvedAt('2026-03-31T21:59:59Z'), madridAsOf(asOf)).resolution?.month).toBe('2026-03');
    expect(ticketFacts(resolvedAt('2026-03-31T22:00:00Z'), madridAsOf(asOf)).resolution?.month).toBe('2026-04');
  });

  it('cuts Santiago’s April at 03:00Z (still summer time) and its May at 04:00Z (winter time)', () => {
    expect(ticketFacts(resolvedAt('2026-04-01T02:59:59Z'), santiagoAsOf(asOf)).resolution?.month).toBe('2026-03');
    expect(ticketFacts(resolvedAt('2026-04-01T03:00:00Z'), santiagoAsOf(asOf)).resolution?.month).toBe('2026-04');
    expect(ticketFacts(resolvedAt('2026-05-01T03:30:00Z'), santiagoAsOf(asOf)).resolution?.month).toBe('2026-04');
  });
});

describe('first contact, levels and escalation', () => {
  const created = at('2026-03-10T14:00:00Z');
  const resolvedBy = (resolvedAt: number, overrides: Parameters<typeof aTicket>[1]) =>
    aTicket(created, {
      statusHistory: [
        { at: created, status: 'new' },
        { at: resolvedAt, status: 'resolved' },
      ],
      ...overrides,
    });
  const asOf = santiagoAsOf(at('2026-04-30T00:00:00Z'));

  it('resolved on the call with a procedure: first contact, L1, procedure at first contact', () => {
    const facts = ticketFacts(resolvedBy(created, { firstContact: true, procedureAppliedAt: created }), asOf);
    expect(facts.resolution).toMatchObject({
      firstContact: true,
      l1WithoutEscalation: true,
      escalated: false,
      procedureAtFirstContact: true,
    });
  });

  it('escalated to L2 and resolved there: escalated, not an L1 resolution, level L2', () => {
    const facts = ticketFacts(
      resolvedBy(at('2026-03-11T14:00:00Z'), {
        escalations: [{ at: at('2026-03-10T15:00:00Z'), kind: 'escalation', toLevel: 'L2' }],
        procedureAppliedAt: at('2026-03-10T14:30:00Z'),
        firstResponseAt: at('2026-03-10T14:10:00Z'),
      }),
      asOf,
    );
    expect(facts.resolution).toMatchObject({
      l1WithoutEscalation: false,
      escalated: true,
      procedureAtFirstContact: false,
    });
    expect(facts.dimensions.level).toBe('L2');
  });

  it('a transfer between L1 groups is not an escalation', () => {
    const facts = ticketFacts(
      resolvedBy(at('2026-03-11T14:00:00Z'), {
        escalations: [{ at: at('2026-03-10T15:00:00Z'), kind: 'transfer', toLevel: 'L1' }],
      }),
      asOf,
    );
    expect(facts.resolution).toMatchObject({ l1WithoutEscalation: true, escalated: false });
  });

  it('a first-contact resolution that is reopened no longer counts as one', () => {
    const ticket = aTicket(created, {
      firstContact: true,
      statusHistory: [
        { at: created, status: 'resolved' },
        { at: at('2026-03-11T14:00:00Z'), status: 'in_progress' },
        { at: at('2026-03-12T14:00:00Z'), status: 'resolved' },
      ],
    });
    expect(ticketFacts(ticket, asOf).resolution?.firstContact).toBe(false);
  });

  it('a cancelled ticket is created but never resolved', () => {
    const ticket = aTicket(created, {
      statusHistory: [
        { at: created, status: 'new' },
        { at: at('2026-03-10T15:00:00Z'), status: 'cancelled' },
      ],
    });
    const facts = ticketFacts(ticket, asOf);
    expect([facts.created.month, facts.resolution, facts.firstResponse, facts.backlog]).toEqual([
      '2026-03',
      null,
      null,
      [],
    ]);
  });
});

describe('backlog, commitments, satisfaction, problems', () => {
  it('is open at the close of each month, aged in calendar days at that close', () => {
    // Created 20 January 10:00 CET. Closes: 1 Feb 00:00 CET (Jan 31 23:00Z) → 11 days 14 h → 8–30;
    // 1 March (Feb 28 23:00Z) → 39 days → 31+; March still running at 15 March 12:00Z → 54 days → 31+.
    const facts = ticketFacts(aTicket(at('2026-01-20T09:00:00Z')), madridAsOf(at('2026-03-15T12:00:00Z')));
    expect(facts.backlog).toEqual([
      { month: '2026-01', bucket: 'days_8_30' },
      { month: '2026-02', bucket: 'days_31_plus' },
      { month: '2026-03', bucket: 'days_31_plus' },
    ]);
  });

  it('leaves the backlog the month it is resolved', () => {
    const created = at('2026-01-30T12:00:00Z');
    const ticket = aTicket(created, {
      statusHistory: [
        { at: created, status: 'new' },
        { at: at('2026-02-03T12:00:00Z'), status: 'resolved' },
      ],
    });
    // 30 January 13:00 CET to the close at Jan 31 23:00Z: 1 day 11 hours → 0–2.
    expect(ticketFacts(ticket, madridAsOf(at('2026-03-15T12:00:00Z'))).backlog).toEqual([
      { month: '2026-01', bucket: 'days_0_2' },
    ]);
  });

  it('counts commitments in the month they settle, the rating when answered, the problem link as seen', () => {
    const created = at('2026-03-10T12:00:00Z');
    const ticket = aTicket(created, {
      commitments: [
        { state: 'kept', settledAt: at('2026-03-31T23:00:00Z'), brokenAt: null }, // 20:00 in Santiago: March
        { state: 'broken', settledAt: null, brokenAt: at('2026-04-02T12:00:00Z') },
        { state: 'superseded', settledAt: at('2026-03-20T12:00:00Z'), brokenAt: null },
      ],
      satisfaction: { rating: 4, answeredAt: at('2026-04-01T02:00:00Z') }, // 23:00 on 31 March in Santiago
      linkedToProblemAt: at('2026-04-15T12:00:00Z'),
    });
    const facts = ticketFacts(ticket, santiagoAsOf(at('2026-05-01T00:00:00Z')));
    expect(facts.commitments).toEqual([
      { month: '2026-03', kept: true },
      { month: '2026-04', kept: false },
    ]);
    expect(facts.satisfaction).toEqual({ month: '2026-03', rating: 4 });
    expect(facts.created).toEqual({ month: '2026-03', incident: true, linkedToProblem: true });
    expect(ticketFacts(ticket, santiagoAsOf(at('2026-04-01T03:00:00Z'))).created.linkedToProblem).toBe(false);
  });
});

describe('imported tickets', () => {
  const created = at('2025-06-02T13:00:00Z');
  const history = [
    { at: created, status: 'new' },
    { at: at('2025-06-03T13:00:00Z'), status: 'resolved' },
  ];

  it('count exactly like native ones', () => {
    const context = santiagoAsOf(at('2026-01-01T00:00:00Z'));
    const native = ticketFacts(aTicket(created, { statusHistory: history }), context);
    const imported = ticketFacts(aTicket(created, { statusHistory: history, imported: true }), context);
    expect({ ...imported, imported: false }).toEqual(native);
  });

  it('closed without a resolved step (as some tools record it) are resolved at the close', () => {
    const closedAt = at('2025-06-03T13:00:00Z');
    const ticket = aTicket(created, {
      imported: true,
      statusHistory: [
        { at: created, status: 'new' },
        { at: closedAt, status: 'closed' },
      ],
    });
    // Monday 2 June 09:00 Santiago (UTC−4) to Tuesday 09:00: Monday's 540 business minutes.
    const facts = ticketFacts(ticket, santiagoAsOf(at('2026-01-01T00:00:00Z')));
    expect(facts.resolution).toMatchObject({ month: '2025-06', minutes: 540 });
    expect(facts.resolutions).toEqual([{ month: '2025-06', reopened: false }]);
  });

  it('keep the SLA flags of the tool they came from when there are no targets to judge by', () => {
    const ticket = aTicket(created, {
      statusHistory: history,
      imported: true,
      firstResponseAt: at('2025-06-02T14:00:00Z'),
      recordedSla: { firstResponseMet: true, resolutionMet: false },
    });
    const facts = ticketFacts(ticket, santiagoAsOf(at('2026-01-01T00:00:00Z')));
    expect(facts.firstResponse).toMatchObject({ withinTarget: null, slaMet: true });
    expect(facts.resolution).toMatchObject({ withinTarget: null, slaMet: false });
  });
});
