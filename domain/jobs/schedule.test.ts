import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { JobSchedule } from '../contracts/jobs.js';
import { CronError, nextRunAt, parseCron, retryAfter, slotAfter, slotAt } from './schedule.js';

const at = (iso: string) => new Date(iso);
const cron = (expression: string, zone = 'UTC'): JobSchedule => ({ kind: 'cron', cron: expression, zone });
const every = (seconds: number): JobSchedule => ({ kind: 'interval', everySeconds: seconds });

describe('cron fields', () => {
  it('read numbers, ranges, lists and steps', () => {
    const fields = parseCron('*/15 8-10 1,15 * 1-5');
    expect([...fields.minutes]).toEqual([0, 15, 30, 45]);
    expect([...fields.hours]).toEqual([8, 9, 10]);
    expect([...fields.days]).toEqual([1, 15]);
    expect(fields.months.size).toBe(12);
    expect([...fields.weekdays]).toEqual([1, 2, 3, 4, 5]);
    expect(fields.dayOrWeekday).toBe(true);
  });

  it('take 7 as Sunday', () => {
    expect([...parseCron('0 0 * * 7').weekdays]).toEqual([0]);
  });

  it.each([
    ['0 0 * *', /five fields/],
    ['60 * * * *', /minute "60" is outside 0-59/],
    ['* 24 * * *', /hour "24"/],
    ['* * 0 * *', /day of month "0"/],
    ['* * * 13 *', /month "13"/],
    ['* * * * mon', /day of week "mon" is not a number/],
    ['5-1 * * * *', /outside/],
    ['*/0 * * * *', /outside/],
  ])('refuse %s, naming the field', (expression, message) => {
    expect(() => parseCron(expression)).toThrow(CronError);
    expect(() => parseCron(expression)).toThrow(message);
  });
});

describe('slots', () => {
  it('of an interval job are the multiples of the interval, the same on every instance', () => {
    expect(slotAt(every(15), at('2026-12-07T13:45:29.999Z'))).toEqual(at('2026-12-07T13:45:15.000Z'));
    expect(slotAfter(every(15), at('2026-12-07T13:45:15.000Z'))).toEqual(at('2026-12-07T13:45:30.000Z'));
  });

  it('of a cron job are the minutes it matches, read in its zone', () => {
    // 02:30 in Santiago (UTC−3 in December) is 05:30 UTC.
    const nightly = cron('30 2 * * *', 'America/Santiago');
    expect(slotAt(nightly, at('2026-12-07T13:00:00Z'))).toEqual(at('2026-12-07T05:30:00Z'));
    expect(slotAt(nightly, at('2026-12-07T05:29:59Z'))).toEqual(at('2026-12-06T05:30:00Z'));
    expect(slotAfter(nightly, at('2026-12-07T05:30:00Z'))).toEqual(at('2026-12-08T05:30:00Z'));
  });

  it('follow cron’s rule that either restricted day field matches', () => {
    // The 1st of the month or any Monday.
    const schedule = cron('0 9 1 * 1');
    expect(slotAfter(schedule, at('2026-12-01T10:00:00Z'))).toEqual(at('2026-12-07T09:00:00Z')); // a Monday
    expect(slotAfter(schedule, at('2026-12-28T10:00:00Z'))).toEqual(at('2027-01-01T09:00:00Z')); // the 1st
  });

  it('skip a local time the clocks jump over, and run a repeated one once', () => {
    // Santiago: 2026-09-06 00:00–00:59 does not exist (clocks go to 01:00); 2026-04-04 23:00 happens twice.
    const schedule = cron('30 0 * * *', 'America/Santiago');
    expect(slotAfter(schedule, at('2026-09-05T12:00:00Z'))).toEqual(at('2026-09-07T03:30:00Z'));
    const repeated = cron('30 23 4 4 *', 'America/Santiago');
    expect(slotAfter(repeated, at('2026-04-01T00:00:00Z'))).toEqual(at('2026-04-05T02:30:00Z'));
    // Madrid: 2026-10-25 02:00 happens at 00:00Z (summer time) and again at 01:00Z; the first runs.
    const madrid = cron('0 2 * * *', 'Europe/Madrid');
    expect(slotAfter(madrid, at('2026-10-24T00:00:00Z'))).toEqual(at('2026-10-25T00:00:00Z'));
    expect(slotAt(madrid, at('2026-10-25T01:30:00Z'))).toEqual(at('2026-10-25T00:00:00Z'));
  });

  it('are absent for an expression that never matches', () => {
    expect(slotAfter(cron('0 0 30 2 *'), at('2026-12-07T00:00:00Z'))).toBeNull();
  });

  it('match a minute-by-minute walk for any expression and instant', () => {
    const field = (max: number, min = 0) =>
      fc.oneof(
        fc.constant('*'),
        fc.integer({ min, max }).map(String),
        fc
          .tuple(fc.integer({ min, max }), fc.integer({ min, max }))
          .map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
        fc.integer({ min: 2, max: 7 }).map((step) => `*/${step}`),
      );
    const expression = fc
      .tuple(field(59), field(23), fc.constant('*'), fc.constant('*'), field(6))
      .map((parts) => parts.join(' '));
    const zone = fc.constantFrom('UTC', 'America/Santiago', 'Europe/Madrid');
    const instant = fc
      .integer({ min: Date.parse('2026-01-01'), max: Date.parse('2027-01-01') })
      .map((ms) => new Date(ms));
    fc.assert(
      fc.property(expression, zone, instant, (text, z, when) => {
        const fields = parseCron(text);
        const matches = (date: Date) => {
          const local = DateTime.fromJSDate(date, { zone: z });
          return (
            fields.minutes.has(local.minute) &&
            fields.hours.has(local.hour) &&
            fields.weekdays.has(local.weekday % 7) &&
            // The first of a repeated local minute only.
            DateTime.fromJSDate(new Date(date.getTime() - 3_600_000), { zone: z }).toFormat('HH:mm') !==
              local.toFormat('HH:mm')
          );
        };
        let walk = new Date(Math.ceil((when.getTime() + 1) / 60_000) * 60_000);
        for (let i = 0; i < 8 * 24 * 60 && !matches(walk); i++) walk = new Date(walk.getTime() + 60_000);
        expect(slotAfter(cron(text, z), new Date(walk.getTime() - 60_000))).toEqual(walk);
      }),
      { numRuns: 30 },
    );
  });
});

describe('backing off', () => {
  const failedAt = at('2026-12-07T13:00:00Z');

  it('lets the next slot run after one failure and doubles the wait after each more', () => {
    expect(retryAfter(failedAt, 1, 15_000)).toEqual(at('2026-12-07T13:00:15Z'));
    expect(retryAfter(failedAt, 2, 15_000)).toEqual(at('2026-12-07T13:00:30Z'));
    expect(retryAfter(failedAt, 4, 15_000)).toEqual(at('2026-12-07T13:02:00Z'));
  });

  it('waits at most an hour, or one period when that is longer', () => {
    expect(retryAfter(failedAt, 30, 15_000)).toEqual(at('2026-12-07T14:00:00Z'));
    expect(retryAfter(failedAt, 3, 86_400_000)).toEqual(at('2026-12-08T13:00:00Z'));
  });

  it('moves the next run to the first slot at or after the retry time', () => {
    const now = at('2026-12-07T13:00:20Z');
    expect(nextRunAt(every(15), now, { failures: 0, lastFailureSlotAt: null })).toEqual(at('2026-12-07T13:00:30Z'));
    expect(nextRunAt(every(15), now, { failures: 3, lastFailureSlotAt: failedAt })).toEqual(at('2026-12-07T13:01:00Z'));
    expect(nextRunAt(every(15), now, { failures: 4, lastFailureSlotAt: at('2026-12-07T13:00:05Z') })).toEqual(
      at('2026-12-07T13:02:15Z'),
    );
  });
});
