import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  type Interval,
  MINUTE,
  minutesOf,
  type TimeRange,
} from './business-calendar.js';

/**
 * The oracle: walk the calendar minute by minute, reading each minute's wall-clock time in the
 * calendar's zone and asking whether some range covers it. It shares no interval arithmetic with
 * the code under test.
 */
function oracle(calendar: BusinessCalendar) {
  const offsets = new Map<number, number>();
  const offsetAt = (t: number) => {
    const hour = Math.floor(t / 3_600_000);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = DateTime.fromMillis(hour * 3_600_000, { zone: calendar.timeZone }).offset;
      offsets.set(hour, offset);
    }
    return offset;
  };
  // Per local date (days since 1970 in wall-clock time): its ranges, or none on a holiday.
  const rangeCache = new Map<number, TimeRange[]>();
  const rangesOn = (dayIndex: number) => {
    let ranges = rangeCache.get(dayIndex);
    if (!ranges) {
      const date = new Date(dayIndex * 86_400_000);
      const iso = date.toISOString().slice(0, 10);
      const holiday = calendar.holidays.some((h) =>
        'date' in h ? h.date === iso : h.month === date.getUTCMonth() + 1 && h.day === date.getUTCDate(),
      );
      const isoWeekday = ((((dayIndex + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
      ranges = holiday ? [] : (calendar.weekly[isoWeekday as 1] ?? []);
      rangeCache.set(dayIndex, ranges);
    }
    return ranges;
  };
  const isOpen = (t: number) => {
    const wall = t + offsetAt(t) * MINUTE;
    const dayIndex = Math.floor(wall / 86_400_000);
    const minute = Math.floor((wall - dayIndex * 86_400_000) / MINUTE);
    return (
      rangesOn(dayIndex).some((r) => {
        const [from, to] = [minutesOf(r.start), minutesOf(r.end)];
        return to > from ? minute >= from && minute < to : minute >= from;
      }) ||
      rangesOn(dayIndex - 1).some((r) => {
        const [from, to] = [minutesOf(r.start), minutesOf(r.end)];
        return to <= from && minute < to;
      })
    );
  };
  const paused = (t: number, pauses: Interval[]) => pauses.some((p) => t >= p.start && t < p.end);
  return {
    count(from: number, to: number, pauses: Interval[]) {
      let n = 0;
      for (let t = from; t < to; t += MINUTE) if (isOpen(t) && !paused(t, pauses)) n += 1;
      return n;
    },
    add(from: number, minutes: number, pauses: Interval[]) {
      if (minutes === 0) return from;
      let n = 0;
      for (let t = from; t < from + 60 * 86_400_000; t += MINUTE) {
        if (isOpen(t) && !paused(t, pauses)) n += 1;
        if (n === minutes) return t + MINUTE;
      }
      return null;
    },
  };
}

function weeklyOpenMinutes(calendar: BusinessCalendar): number {
  return Object.values(calendar.weekly)
    .flat()
    .reduce((total, r) => {
      const [from, to] = [minutesOf(r.start), minutesOf(r.end)];
      return total + (to > from ? to - from : 24 * 60 - from + to);
    }, 0);
}

const ZONES = ['America/Santiago', 'Europe/Madrid', 'America/New_York', 'UTC'] as const;
// Both daylight-saving changes of each zone in 2026, where the hard cases are.
const TRANSITIONS = [
  '2026-04-05T03:00:00Z',
  '2026-09-06T04:00:00Z',
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-03-08T07:00:00Z',
  '2026-11-01T06:00:00Z',
].map(Date.parse);

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const range = fc
  .tuple(fc.integer({ min: 0, max: 24 * 4 - 1 }), fc.integer({ min: 1, max: 24 * 4 }))
  .map(([start, length]): TimeRange => {
    const from = start * 15;
    const to = Math.min(from + length * 15, 24 * 60 + from - 15);
    return { start: hhmm(from), end: to === 24 * 60 ? '24:00' : hhmm(to % (24 * 60)) };
  });

const calendar = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    // At least one open weekday, so deadlines are always reached.
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    ranges: fc.array(fc.array(range, { minLength: 1, maxLength: 2 }), { minLength: 7, maxLength: 7 }),
    holidays: fc.array(
      fc.oneof(
        fc
          .integer({ min: 0, max: 60 })
          .map((d) => ({ date: new Date(Date.parse('2026-03-01') + d * 86_400_000).toISOString().slice(0, 10) })),
        fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }),
      ),
      { maxLength: 3 },
    ),
    alwaysOpen: fc.boolean(),
  })
  .map(
    ({ timeZone, days, ranges, holidays, alwaysOpen }): BusinessCalendar =>
      alwaysOpen
        ? { ...ALWAYS_OPEN(timeZone), holidays }
        : { timeZone, holidays, weekly: Object.fromEntries(days.map((d) => [d, ranges[d - 1]])) },
  );

const moment = fc.oneof(
  fc
    .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }))
    .map(([t, m]) => t + m * MINUTE),
  fc.integer({ min: 0, max: 364 * 24 * 60 }).map((m) => Date.parse('2026-01-01T00:00:00Z') + m * MINUTE),
);

const pauses = (from: number) =>
  fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: 3 * 24 * 60 }), fc.integer({ min: 1, max: 24 * 60 }))
      .map(([offset, length]) => ({
        start: from + offset * MINUTE,
        end: from + (offset + length) * MINUTE,
      })),
    { maxLength: 2 },
  );

describe('business calendar against a minute-by-minute oracle', () => {
  // 10,000 generated cases walk about three million minutes: this takes tens of seconds.
  it('adds business minutes and counts them exactly, across DST, midnight ranges, holidays and pauses', {
    timeout: 300_000,
  }, () => {
    fc.assert(
      fc.property(
        calendar,
        moment.chain((from) => fc.tuple(fc.constant(from), pauses(from))),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 2 * 24 * 60 }),
        (cal, [from, paused], wanted, span) => {
          // Keep deadlines within a few weeks, where the oracle's walk stays short.
          const minutes = Math.min(wanted, weeklyOpenMinutes(cal) * 2);
          const expected = oracle(cal);
          expect(addBusinessMinutes(cal, from, minutes, paused)).toBe(expected.add(from, minutes, paused));
          expect(businessMinutesBetween(cal, from, from + span * MINUTE, paused)).toBe(
            expected.count(from, from + span * MINUTE, paused),
          );
        },
      ),
      { numRuns: Number(process.env.SLA_RUNS ?? 10_000) },
    );
  });

  it('keeps wall-clock hours across a DST change: 9:00–18:00 is nine hours on both sides', () => {
    const madrid: BusinessCalendar = {
      timeZone: 'Europe/Madrid',
      weekly: { 5: [{ start: '09:00', end: '18:00' }], 1: [{ start: '09:00', end: '18:00' }] },
      holidays: [],
    };
    const friday = Date.parse('2026-10-23T07:00:00Z'); // 09:00 CEST
    const deadline = addBusinessMinutes(madrid, friday, 10 * 60) as number;
    // Nine hours on Friday, one on Monday from 09:00 CET (08:00 UTC).
    expect(new Date(deadline).toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('counts a range that runs past midnight, and skips holidays by the day a range starts', () => {
    const night: BusinessCalendar = {
      timeZone: 'UTC',
      weekly: { 3: [{ start: '22:00', end: '06:00' }] },
      holidays: [{ month: 12, day: 25 }],
    };
    expect(businessMinutesBetween(night, Date.parse('2026-12-02T00:00:00Z'), Date.parse('2026-12-04T00:00:00Z'))).toBe(
      8 * 60,
    );
    // 2024-12-25 is a Wednesday: its night shift does not open.
    expect(businessMinutesBetween(night, Date.parse('2024-12-25T00:00:00Z'), Date.parse('2024-12-27T00:00:00Z'))).toBe(
      0,
    );
  });

  it('never reaches a deadline while paused without end', () => {
    const from = Date.parse('2026-06-01T00:00:00Z');
    expect(addBusinessMinutes(ALWAYS_OPEN(), from, 60, [{ start: from, end: Number.POSITIVE_INFINITY }])).toBeNull();
  });
});
