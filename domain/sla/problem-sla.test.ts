import { describe, expect, it } from 'vitest';
import { checkProblemTargets, problemClock, problemOutcome, problemTargetFor, strictest } from './problem-sla.js';
import type { EscalationRule } from './sla-schedule.js';

const office = {
  timeZone: 'America/Santiago',
  weekly: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
  holidays: [],
};
const utc = (iso: string) => Date.parse(iso);
const created = utc('2026-11-30T12:00:00Z'); // Monday 09:00 in Santiago
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const escalations: EscalationRule[] = [
  { target: 'first_response', percent: 100 },
  { target: 'resolution', percent: 75 },
  { target: 'resolution', percent: 100, afterMinutes: 60 },
];

function clockAt(now: number, history = [{ at: created, status: 'new' }], minutes = 240) {
  return problemClock({ calendar: office, createdAt: created, history, minutes, warnAt: [0.5], escalations, now });
}

describe('problem service levels', () => {
  it('checks one target per priority, each positive', () => {
    expect(
      checkProblemTargets([
        { priority: 1, resolutionMinutes: 60 },
        { priority: 2, resolutionMinutes: 120 },
      ]),
    ).toEqual([]);
    expect(
      checkProblemTargets([
        { priority: 1, resolutionMinutes: 60 },
        { priority: 1, resolutionMinutes: 0 },
      ]).map((issue) => issue.field),
    ).toEqual(['problemTargets.1.priority', 'problemTargets.1.resolutionMinutes']);
    expect(problemTargetFor([{ priority: 2, resolutionMinutes: 9 }], 2)).toEqual({ priority: 2, resolutionMinutes: 9 });
    expect(problemTargetFor([{ priority: 2, resolutionMinutes: 9 }], 3)).toBeUndefined();
  });

  it("runs on business time with the matrix's resolution levels only, never paused", () => {
    const { clock, firings } = clockAt(created);
    expect(iso(clock.deadline)).toBe('2026-11-30T16:00:00.000Z');
    expect(clock.state).toBe('running');
    expect(firings.map((f) => [f.key, iso(f.at)])).toEqual([
      ['warning:resolution:50', '2026-11-30T14:00:00.000Z'],
      ['breach:resolution', '2026-11-30T16:00:00.000Z'],
      ['escalation:resolution:75+0', '2026-11-30T15:00:00.000Z'],
      ['escalation:resolution:100+60', '2026-11-30T17:00:00.000Z'],
    ]);
    // A status called "pending" would pause a ticket; a problem has none, and nothing pauses it.
    const pending = clockAt(utc('2026-11-30T13:00:00Z'), [
      { at: created, status: 'new' },
      { at: utc('2026-11-30T12:30:00Z'), status: 'pending' },
    ]);
    expect(pending.clock.state).toBe('running');
    expect(iso(pending.clock.deadline)).toBe('2026-11-30T16:00:00.000Z');
  });

  it('stops when resolved, runs on when reopened, and has no outcome once cancelled', () => {
    const resolved = [
      { at: created, status: 'new' },
      { at: utc('2026-11-30T13:00:00Z'), status: 'resolved' },
    ];
    const done = clockAt(utc('2026-11-30T20:00:00Z'), resolved);
    expect(done.clock).toMatchObject({ state: 'met', settled: true, elapsedMinutes: 60 });
    expect(done.firings).toEqual([]);
    expect(problemOutcome(done.clock, 'resolved')).toEqual({ state: 'met', met: 1, minutes: 60 });
    const reopened = clockAt(utc('2026-11-30T15:00:00Z'), [
      ...resolved,
      { at: utc('2026-11-30T14:00:00Z'), status: 'investigating' },
    ]);
    // One hour spent resolved does not count: the deadline moves an hour later.
    expect(iso(reopened.clock.deadline)).toBe('2026-11-30T17:00:00.000Z');
    const cancelled = clockAt(utc('2026-11-30T20:00:00Z'), [
      { at: created, status: 'new' },
      { at: utc('2026-11-30T17:00:00Z'), status: 'cancelled' },
    ]);
    expect(problemOutcome(cancelled.clock, 'cancelled')).toEqual({ state: null, met: null, minutes: null });
    expect(problemOutcome(clockAt(utc('2026-11-30T17:00:00Z')).clock, 'investigating')).toEqual({
      state: 'breached',
      met: null,
      minutes: null,
    });
  });

  it('takes the strictest agreement: the earliest deadline, the first on a tie', () => {
    const late = { name: 'late', ...clockAt(created, undefined, 480) };
    const early = { name: 'early', ...clockAt(created, undefined, 120) };
    const same = { name: 'same', ...clockAt(created, undefined, 120) };
    expect(strictest([late, early, same])?.name).toBe('early');
    expect(strictest([])).toBeNull();
  });
});
