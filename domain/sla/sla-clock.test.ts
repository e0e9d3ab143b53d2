import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './business-calendar.js';
import { firstResponseClock, resolutionClock, type SlaInput } from './sla-clock.js';

// Weekdays 09:00–18:00 in Santiago (UTC−3 in November 2026).
const office: BusinessCalendar = {
  timeZone: 'America/Santiago',
  weekly: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
  holidays: [],
};
const at = (iso: string) => Date.parse(iso);
const created = at('2026-11-30T12:00:00Z'); // Monday 09:00 local
const target = { minutes: 8 * 60, warnAt: [0.5, 0.75, 0.9] };

describe('SLA clock', () => {
  it('runs, warns at thresholds, and breaches in business time', () => {
    const input: SlaInput = { createdAt: created, history: [{ at: created, status: 'new' }], firstResponseAt: null };
    expect(resolutionClock(office, input, target, at('2026-11-30T14:00:00Z'))).toMatchObject({
      state: 'running',
      elapsedMinutes: 120,
      remainingMinutes: 360,
      deadline: at('2026-11-30T20:00:00Z'),
    });
    expect(resolutionClock(office, input, target, at('2026-11-30T19:00:00Z'))).toMatchObject({
      state: 'warning',
      warningLevel: 0.75,
    });
    // Overnight does not count: by Tuesday 09:30 local, Monday's 9 hours and 30 minutes have run.
    expect(resolutionClock(office, input, target, at('2026-12-01T12:30:00Z'))).toMatchObject({
      state: 'breached',
      elapsedMinutes: 570,
      remainingMinutes: -90,
    });
  });

  it('pauses while waiting on the requester and moves the deadline by the pause', () => {
    const input: SlaInput = {
      createdAt: created,
      history: [
        { at: created, status: 'new' },
        { at: at('2026-11-30T13:00:00Z'), status: 'pending', pendingReason: 'requester' },
        { at: at('2026-11-30T15:00:00Z'), status: 'in_progress' },
      ],
      firstResponseAt: null,
    };
    expect(resolutionClock(office, input, target, at('2026-11-30T14:00:00Z'))).toMatchObject({
      state: 'paused',
      deadline: null,
    });
    expect(resolutionClock(office, input, target, at('2026-11-30T16:00:00Z'))).toMatchObject({
      state: 'running',
      elapsedMinutes: 120,
      pausedMinutes: 120,
      deadline: at('2026-12-01T13:00:00Z'),
    });
  });

  it('does not pause while waiting on a scheduled date unless the agreement says so', () => {
    const input: SlaInput = {
      createdAt: created,
      history: [
        { at: created, status: 'new' },
        { at: at('2026-11-30T13:00:00Z'), status: 'pending', pendingReason: 'scheduled' },
      ],
      firstResponseAt: null,
    };
    expect(resolutionClock(office, input, target, at('2026-11-30T14:00:00Z')).state).toBe('running');
    const pausing = { ...input, pausesClock: (status: string) => status === 'pending' };
    expect(resolutionClock(office, pausing, target, at('2026-11-30T14:00:00Z')).state).toBe('paused');
  });

  it('is met when resolved in time, and a reopened ticket runs on from where it stood', () => {
    const resolved = at('2026-11-30T15:00:00Z');
    const history = [
      { at: created, status: 'new' },
      { at: resolved, status: 'resolved' },
    ];
    expect(
      resolutionClock(
        office,
        { createdAt: created, history, firstResponseAt: null },
        target,
        at('2026-12-02T12:00:00Z'),
      ),
    ).toMatchObject({
      state: 'met',
      elapsedMinutes: 180,
    });
    const reopened = [...history, { at: at('2026-12-01T12:00:00Z'), status: 'in_progress' }];
    expect(
      resolutionClock(
        office,
        { createdAt: created, history: reopened, firstResponseAt: null },
        target,
        at('2026-12-01T13:00:00Z'),
      ),
    ).toMatchObject({ state: 'warning', warningLevel: 0.5, elapsedMinutes: 240 });
  });

  it('stops the first-response clock at the first reply', () => {
    const input: SlaInput = {
      createdAt: created,
      history: [{ at: created, status: 'new' }],
      firstResponseAt: at('2026-11-30T12:45:00Z'),
    };
    expect(firstResponseClock(office, input, { minutes: 60 }, at('2026-12-03T12:00:00Z'))).toMatchObject({
      state: 'met',
      elapsedMinutes: 45,
    });
    expect(
      firstResponseClock(office, { ...input, firstResponseAt: null }, { minutes: 60 }, at('2026-11-30T13:30:00Z'))
        .state,
    ).toBe('breached');
  });
});
