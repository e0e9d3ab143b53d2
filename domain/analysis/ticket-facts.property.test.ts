import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aTicket, at, MADRID, SANTIAGO } from '../../test/support/analysis-fixtures.js';
import { MINUTE } from '../sla/business-calendar.js';
import { firstResponseClock, resolutionClock, type StatusChange } from '../sla/sla-clock.js';
import { ticketFacts } from './ticket-facts.js';

/**
 * Random histories against the SLA clocks themselves: the analysis counts business time exactly
 * as the clocks do (it reuses their code), pauses and reopenings included, in both zones.
 */
const stepArb = fc.record({
  afterMinutes: fc.integer({ min: 1, max: 6000 }),
  status: fc.constantFrom('assigned', 'in_progress', 'pending', 'resolved', 'closed'),
  pendingReason: fc.constantFrom('requester', 'third_party', 'scheduled'),
});
const historyArb = fc.record({
  // Across 2026, so both zones' daylight-saving changes are crossed.
  createdAt: fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2026-12-01T00:00:00Z') }),
  steps: fc.array(stepArb, { maxLength: 8 }),
  firstResponseAfter: fc.option(fc.integer({ min: 0, max: 20000 }), { nil: null }),
  calendar: fc.constantFrom(SANTIAGO, MADRID),
});

describe('ticket facts against the SLA clocks', () => {
  it('first response and resolution minutes are the clocks’ elapsed minutes', () => {
    fc.assert(
      fc.property(historyArb, ({ createdAt, steps, firstResponseAfter, calendar }) => {
        const history: StatusChange[] = [{ at: createdAt, status: 'new' }];
        let t = createdAt;
        for (const step of steps) {
          t += step.afterMinutes * MINUTE;
          history.push({
            at: t,
            status: step.status,
            pendingReason: step.status === 'pending' ? step.pendingReason : null,
          });
        }
        const firstResponseAt = firstResponseAfter === null ? null : createdAt + firstResponseAfter * MINUTE;
        const asOf = at('2027-06-01T00:00:00Z');
        const facts = ticketFacts(aTicket(createdAt, { statusHistory: history, firstResponseAt }), {
          calendar,
          reopenWindowDays: 7,
          asOf,
        });
        const input = { createdAt, history, firstResponseAt };
        // The target only moves the deadline, not the elapsed time; a short one keeps the deadline search short.
        const target = { minutes: 60 };
        const response = firstResponseClock(calendar, input, target, asOf);
        expect(facts.firstResponse?.minutes ?? null).toBe(
          response.settled ? Math.round(response.elapsedMinutes) : null,
        );
        const resolution = resolutionClock(calendar, input, target, asOf);
        expect(facts.resolution?.minutes ?? null).toBe(
          resolution.settled ? Math.round(resolution.elapsedMinutes) : null,
        );
        // One resolution counted per spell of being resolved or closed.
        const done = (status: string | undefined) => status === 'resolved' || status === 'closed';
        const spells = history.filter((c, i) => done(c.status) && !done(history[i - 1]?.status)).length;
        expect(facts.resolutions).toHaveLength(spells);
      }),
      { numRuns: 150 },
    );
  });
});
