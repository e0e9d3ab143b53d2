import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, instantsAfterBusinessMinutes } from './business-calendar.js';
import { firstResponseClock, resolutionClock, type SlaInput } from './sla-clock.js';
import {
  dueFirings,
  type EscalationRule,
  nextCheckAt,
  oneNoticePerPerson,
  silencedByLater,
  slaSchedule,
} from './sla-schedule.js';

const office = {
  timeZone: 'America/Santiago',
  weekly: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
  holidays: [],
};
const utc = (iso: string) => Date.parse(iso);
const created = utc('2026-11-30T12:00:00Z'); // Monday 09:00 in Santiago

function schedule(input: SlaInput, now: number, escalations: EscalationRule[] = [], ola = null as null | number) {
  const targets = {
    first_response: { minutes: 60, clock: firstResponseClock(office, input, { minutes: 60 }, now) },
    resolution: { minutes: 240, clock: resolutionClock(office, input, { minutes: 240 }, now) },
  };
  return slaSchedule({
    calendar: office,
    input,
    now,
    targets,
    warnAt: [0.5, 0.75],
    escalations,
    ola: ola === null ? null : { level: 'L1', minutes: ola, since: created },
  });
}

describe('the SLA schedule', () => {
  it('finds several amounts in one walk exactly where adding each alone would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 14 * 24 * 60 }),
        (amounts, offset) => {
          const from = created + offset * 60_000;
          expect(instantsAfterBusinessMinutes(office, from, amounts)).toEqual(
            amounts.map((amount) => addBusinessMinutes(office, from, amount)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('places warnings, breaches, escalation levels and the OLA on the business clock', () => {
    const input: SlaInput = { createdAt: created, history: [{ at: created, status: 'new' }], firstResponseAt: null };
    const firings = schedule(input, created, [{ target: 'resolution', percent: 100, afterMinutes: 240 }], 30);
    const when = Object.fromEntries(firings.map((f) => [f.key, new Date(f.at as number).toISOString()]));
    expect(when).toEqual({
      'warning:first_response:50': '2026-11-30T12:30:00.000Z',
      'warning:first_response:75': '2026-11-30T12:45:00.000Z',
      'breach:first_response': '2026-11-30T13:00:00.000Z',
      'warning:resolution:50': '2026-11-30T14:00:00.000Z',
      'warning:resolution:75': '2026-11-30T15:00:00.000Z',
      'breach:resolution': '2026-11-30T16:00:00.000Z',
      // Four business hours past the 13:00 local breach: 17:00 local.
      'escalation:resolution:100+240': '2026-11-30T20:00:00.000Z',
      'ola:L1': '2026-11-30T12:30:00.000Z',
    });
    expect(nextCheckAt(firings, new Set(['warning:first_response:50', 'ola:L1']))).toBe(utc('2026-11-30T12:45:00Z'));
  });

  it('has no instant for what a paused clock has not reached, and nothing for a settled target', () => {
    const paused: SlaInput = {
      createdAt: created,
      history: [
        { at: created, status: 'new' },
        { at: utc('2026-11-30T14:30:00Z'), status: 'pending', pendingReason: 'requester' },
      ],
      firstResponseAt: utc('2026-11-30T12:10:00Z'),
    };
    const firings = schedule(paused, utc('2026-11-30T16:00:00Z'));
    // The first reply settled the first-response target: nothing of it is left.
    expect(firings.some((f) => f.target === 'first_response')).toBe(false);
    const at = Object.fromEntries(firings.map((f) => [f.key, f.at]));
    expect(at['warning:resolution:50']).toBe(utc('2026-11-30T14:00:00Z'));
    expect(at['warning:resolution:75']).toBeNull();
    expect(at['breach:resolution']).toBeNull();
  });

  it('tells only the furthest step of a target when several fall due together', () => {
    const input: SlaInput = { createdAt: created, history: [{ at: created, status: 'new' }], firstResponseAt: null };
    const now = utc('2026-11-30T15:30:00Z');
    const due = dueFirings(schedule(input, now), new Set(['warning:first_response:50']), now);
    expect(due.map((f) => f.key)).toEqual([
      'warning:first_response:75',
      'breach:first_response',
      'warning:resolution:50',
      'warning:resolution:75',
    ]);
    expect([...silencedByLater(due)]).toEqual(['warning:first_response:75', 'warning:resolution:50']);
  });
});

describe('oneNoticePerPerson', () => {
  it('tells each person of a target once, through the weightiest firing that names them', () => {
    const firings = [
      { kind: 'warning', target: 'resolution' },
      { kind: 'escalation', target: 'resolution' },
      { kind: 'warning', target: 'first_response' },
      { kind: 'ola', target: 'resolution' },
    ];
    const told = oneNoticePerPerson(firings, [['lead', 'agent'], ['lead'], ['lead'], ['lead']]);
    // The lead hears the escalation, not the warning it came with; the agent still hears the warning;
    // another target and the internal target speak for themselves.
    expect(told).toEqual([['agent'], ['lead'], ['lead'], ['lead']]);
  });

  it('keeps the first of two equal firings', () => {
    const firings = [
      { kind: 'escalation', target: 'resolution' },
      { kind: 'escalation', target: 'resolution' },
    ];
    expect(oneNoticePerPerson(firings, [['boss'], ['boss', 'manager']])).toEqual([['boss'], ['manager']]);
  });
});
