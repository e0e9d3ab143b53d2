import { DateTime } from 'luxon';
import type { JobSchedule } from '../contracts/jobs.js';

/**
 * When a background job is due. A job runs once per *slot*: an interval job's slots are the
 * multiples of its interval since the epoch (so every instance agrees on them without talking);
 * a cron job's slots are the minutes its five fields match, read in its zone. A slot's start names
 * its run, which is how several instances agree to run it once.
 */

export interface CronFields {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>;
  /** Cron's rule: when both day fields are restricted, a day matching either runs. */
  dayOrWeekday: boolean;
}

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

export class CronError extends Error {}

/** Reads `minute hour day-of-month month day-of-week`: `*`, numbers, `a-b` ranges, `,` lists and `/n` steps. */
export function parseCron(expression: string): CronFields {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new CronError(`"${expression}" must have five fields (minute hour day month weekday)`);
  const sets = parts.map((part, i) => parseField(part, FIELDS[i] as (typeof FIELDS)[number]));
  const [minutes, hours, days, months, rawWeekdays] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  // 7 is Sunday too.
  const weekdays = new Set([...rawWeekdays].map((day) => day % 7));
  return {
    minutes,
    hours,
    days,
    months,
    weekdays,
    dayOrWeekday: parts[2] !== '*' && parts[4] !== '*',
  };
}

function parseField(text: string, field: (typeof FIELDS)[number]): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
    if (!match) throw new CronError(`${field.name} "${item}" is not a number, a range, a list or a step`);
    const [, , from, to, step] = match;
    const start = from === undefined ? field.min : Number(from);
    const end = from === undefined ? field.max : to === undefined ? (step ? field.max : start) : Number(to);
    const by = step === undefined ? 1 : Number(step);
    if (start < field.min || end > field.max || start > end || by < 1)
      throw new CronError(`${field.name} "${item}" is outside ${field.min}-${field.max}`);
    for (let value = start; value <= end; value += by) values.add(value);
  }
  return values;
}

function dayMatches(fields: CronFields, day: DateTime): boolean {
  const inMonth = fields.days.has(day.day);
  const inWeek = fields.weekdays.has(day.weekday % 7);
  if (!fields.months.has(day.month)) return false;
  return fields.dayOrWeekday ? inMonth || inWeek : inMonth && inWeek;
}

// Five years of days: an expression such as "0 0 30 2 *" never matches, and must not loop forever.
const DAYS_SEARCHED = 5 * 366;

/**
 * The first minute at or after `from` (direction 1) or at or before it (direction -1) that the
 * fields match, in `zone`; null when none does within five years. Local times a DST change skips
 * do not exist and never match; a repeated hour matches once, at its first occurrence.
 */
function searchCron(fields: CronFields, zone: string, from: Date, direction: 1 | -1): Date | null {
  const start = DateTime.fromJSDate(from, { zone }).startOf('minute');
  const minutes = [...fields.minutes].sort((a, b) => (a - b) * direction);
  const hours = [...fields.hours].sort((a, b) => (a - b) * direction);
  for (let offset = 0; offset < DAYS_SEARCHED; offset++) {
    const day = start.startOf('day').plus({ days: offset * direction });
    if (!dayMatches(fields, day)) continue;
    for (const hour of hours) {
      for (const minute of minutes) {
        const local = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone });
        // Luxon moves a skipped local time forward; such a time does not exist here.
        if (local.hour !== hour || local.minute !== minute) continue;
        // A repeated local time may come back as either occurrence (which one depends on the zone's
        // rules); the slot is the first.
        const at = earliest(local.getPossibleOffsets());
        if (direction === 1 ? at < start : at > start) continue;
        return at.toJSDate();
      }
    }
  }
  return null;
}

const earliest = (times: DateTime[]): DateTime =>
  times.reduce((first, time) => (time.toMillis() < first.toMillis() ? time : first));

/** The start of the slot `at` falls in: the latest start at or before it (null: none yet). */
export function slotAt(schedule: JobSchedule, at: Date): Date | null {
  if (schedule.kind === 'interval') {
    const every = schedule.everySeconds * 1000;
    return new Date(Math.floor(at.getTime() / every) * every);
  }
  return searchCron(parseCron(schedule.cron), schedule.zone, at, -1);
}

/** The start of the first slot after `at`. */
export function slotAfter(schedule: JobSchedule, at: Date): Date | null {
  if (schedule.kind === 'interval') {
    const every = schedule.everySeconds * 1000;
    return new Date((Math.floor(at.getTime() / every) + 1) * every);
  }
  return searchCron(parseCron(schedule.cron), schedule.zone, new Date(at.getTime() + 60_000), 1);
}

/** How long a slot lasts, roughly: what backing off multiplies. */
export function periodMs(schedule: JobSchedule, at: Date): number {
  if (schedule.kind === 'interval') return schedule.everySeconds * 1000;
  const next = slotAfter(schedule, at);
  const previous = slotAt(schedule, at);
  return next && previous ? next.getTime() - previous.getTime() : 24 * 3_600_000;
}

export const MAX_BACKOFF_MS = 3_600_000;

/**
 * After `failures` failed runs in a row, the next run waits until `period × 2^(failures−1)` after
 * the slot of the last failed run (at most an hour, or one period when that is longer): one failure
 * lets the next slot run, two skip one slot, three skip three…
 */
export function retryAfter(lastFailureSlotAt: Date, failures: number, period: number): Date {
  if (failures <= 0) return lastFailureSlotAt;
  const wait = Math.min(period * 2 ** (failures - 1), Math.max(MAX_BACKOFF_MS, period));
  return new Date(lastFailureSlotAt.getTime() + wait);
}

/** The next time the job will run, given its last failures (none: the next slot). */
export function nextRunAt(
  schedule: JobSchedule,
  now: Date,
  backoff: { failures: number; lastFailureSlotAt: Date | null },
): Date | null {
  const next = slotAfter(schedule, now);
  if (!next || backoff.failures === 0 || !backoff.lastFailureSlotAt) return next;
  const retry = retryAfter(backoff.lastFailureSlotAt, backoff.failures, periodMs(schedule, now));
  if (retry <= next) return next;
  // The first slot starting at or after the retry time.
  const atRetry = slotAt(schedule, retry);
  return atRetry && atRetry.getTime() === retry.getTime() ? atRetry : slotAfter(schedule, retry);
}
