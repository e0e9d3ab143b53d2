import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, addBusinessMinutes, type BusinessCalendar } from './business-calendar.js';
import { resolutionClock, type SlaInput } from './sla-clock.js';

/** The cases peers get wrong, one by one, with the deadline worked out by hand in the comment. */
const weekdays = (timeZone: string, start = '09:00', end = '18:00', holidays: BusinessCalendar['holidays'] = []) => ({
  timeZone,
  weekly: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start, end }]])),
  holidays,
});
const utc = (iso: string) => Date.parse(iso);

describe('SLA deadlines in the hard cases', () => {
  it('a ticket raised on Friday at 17:59 in a Mon–Fri 09–18 calendar', () => {
    // One minute on Friday, 59 on Monday: due Monday 09:59 in Santiago (12:59Z).
    const friday = utc('2026-12-04T20:59:00Z');
    expect(addBusinessMinutes(weekdays('America/Santiago'), friday, 60)).toBe(utc('2026-12-07T12:59:00Z'));
  });

  it('a ticket raised on a holiday counts from the next business day', () => {
    // Tuesday 8 December is a holiday in Chile: raised at 10:00, due Wednesday 10:00.
    const calendar = weekdays('America/Santiago', '09:00', '18:00', [{ month: 12, day: 8 }]);
    expect(addBusinessMinutes(calendar, utc('2026-12-08T13:00:00Z'), 60)).toBe(utc('2026-12-09T13:00:00Z'));
  });

  it('a pause across a weekend moves the deadline by the pause', () => {
    // 24×7: raised Friday 16:00, waiting on the requester from 17:00 to Monday 09:00. One hour
    // used before the pause, three after: due Monday 12:00 (not Friday 20:00).
    const input: SlaInput = {
      createdAt: utc('2026-12-04T19:00:00Z'),
      history: [
        { at: utc('2026-12-04T19:00:00Z'), status: 'in_progress' },
        { at: utc('2026-12-04T20:00:00Z'), status: 'pending', pendingReason: 'requester' },
        { at: utc('2026-12-07T12:00:00Z'), status: 'in_progress' },
      ],
      firstResponseAt: null,
    };
    const clock = resolutionClock(
      ALWAYS_OPEN('America/Santiago'),
      input,
      { minutes: 240 },
      utc('2026-12-07T13:00:00Z'),
    );
    expect(clock).toMatchObject({ deadline: utc('2026-12-07T15:00:00Z'), elapsedMinutes: 120, state: 'running' });
    expect(clock.pausedMinutes).toBe(60 * 64);
  });

  it('a range that ends at 02:00 the next day', () => {
    // Night desk, 18:00–02:00 Monday to Friday. Raised Monday 23:00: three hours until 02:00,
    // the fourth from Tuesday 18:00 — due Tuesday 19:00 in Santiago (22:00Z).
    const night = weekdays('America/Santiago', '18:00', '02:00');
    expect(addBusinessMinutes(night, utc('2026-12-01T02:00:00Z'), 240)).toBe(utc('2026-12-01T22:00:00Z'));
  });

  it('the spring-forward and fall-back nights of Europe/Madrid and America/Santiago', () => {
    // Madrid skips 02:00–03:00 on 29 March 2026: four hours from Saturday 23:00 end at 04:00 CEST.
    expect(addBusinessMinutes(ALWAYS_OPEN('Europe/Madrid'), utc('2026-03-28T22:00:00Z'), 240)).toBe(
      utc('2026-03-29T02:00:00Z'),
    );
    // Madrid repeats 02:00–03:00 on 25 October 2026: four hours from Saturday 23:00 end at the
    // second 02:00 (CET), an hour earlier on the wall than a naive local sum would say.
    expect(addBusinessMinutes(ALWAYS_OPEN('Europe/Madrid'), utc('2026-10-24T21:00:00Z'), 240)).toBe(
      utc('2026-10-25T01:00:00Z'),
    );
    // Santiago's clocks skip from midnight to 01:00 on 6 September 2026.
    expect(addBusinessMinutes(ALWAYS_OPEN('America/Santiago'), utc('2026-09-06T03:00:00Z'), 120)).toBe(
      utc('2026-09-06T05:00:00Z'),
    );
    // An office day on either change is still nine wall-clock hours: Monday after fall-back in
    // Santiago (5 April 2026), 09:00–18:00 at UTC−4 now.
    expect(addBusinessMinutes(weekdays('America/Santiago'), utc('2026-04-06T13:00:00Z'), 540)).toBe(
      utc('2026-04-06T22:00:00Z'),
    );
  });
});
