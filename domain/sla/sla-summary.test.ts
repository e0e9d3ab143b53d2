import { describe, expect, it } from 'vitest';
import { SLA_STATES } from './sla-clock.js';
import { slaSummaryAt } from './sla-summary.js';

const due = '2026-12-07T15:00:00.000Z';
const before = Date.parse('2026-12-07T14:59:59Z');
const after = Date.parse('2026-12-07T15:00:00Z');

describe('SLA summary as of now', () => {
  it('keeps the stored state while the next deadline is ahead', () => {
    for (const state of SLA_STATES)
      expect(slaSummaryAt({ nextDueAt: due, state }, before)).toEqual({ nextDueAt: due, state });
  });

  it('reads a running or at-risk clock as breached once its deadline has passed, before the job says so', () => {
    expect(slaSummaryAt({ nextDueAt: due, state: 'running' }, after).state).toBe('breached');
    expect(slaSummaryAt({ nextDueAt: due, state: 'warning' }, after).state).toBe('breached');
    expect(slaSummaryAt({ nextDueAt: due, state: 'running' }, after).nextDueAt).toBe(due);
  });

  it('leaves states that do not move with time, and tickets without a deadline or an agreement', () => {
    expect(slaSummaryAt({ nextDueAt: null, state: 'paused' }, after).state).toBe('paused');
    expect(slaSummaryAt({ nextDueAt: null, state: 'met' }, after).state).toBe('met');
    expect(slaSummaryAt({ nextDueAt: null, state: 'running' }, after).state).toBe('running');
    expect(slaSummaryAt({ nextDueAt: null, state: null }, after)).toEqual({ nextDueAt: null, state: null });
  });
});
