import { DateTime } from 'luxon';

/**
 * Months as the analysis cuts them: "YYYY-MM" in the agreement calendar's IANA zone, never in UTC
 * (a ticket resolved at 2026-04-01T02:30Z is still March in Santiago, where it is 23:30).
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/**
 * The month an instant falls in, in `zone`. A zone is never more than a day from UTC, so the
 * answer is the UTC month or one next to it, found against memoized month starts: the analysis
 * asks this several times per ticket, and building a zoned date each time was most of its cost.
 */
export function monthOf(instant: number, zone: string): string {
  const utc = new Date(instant);
  const month = `${utc.getUTCFullYear()}-${String(utc.getUTCMonth() + 1).padStart(2, '0')}`;
  if (instant < monthStart(month, zone)) return previousMonth(month);
  const next = nextMonth(month);
  return instant < monthStart(next, zone) ? month : next;
}

function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** The month after ("2026-12" → "2027-01"). */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The first instant of a month in `zone`. Built from the date and taken to the start of its day,
 * as business-calendar.ts does: in a zone whose clocks skip midnight the day begins at 01:00.
 */
export function monthStart(month: string, zone: string): number {
  const key = `${zone} ${month}`;
  let start = starts.get(key);
  if (start === undefined) {
    start = DateTime.fromISO(`${month}-01`, { zone }).startOf('day').toMillis();
    starts.set(key, start);
  }
  return start;
}

// Every ticket's backlog asks for the same few month ends; zone arithmetic is the costly part.
// Months × zones in use stay in the thousands, so the memo needs no bound.
const starts = new Map<string, number>();

/** The instant a month closes: the first instant of the next one (exclusive end). */
export function monthEnd(month: string, zone: string): number {
  return monthStart(nextMonth(month), zone);
}

/** Every month from `from` to `to`, both included, in order (empty when `to` is before `from`). */
export function monthsFromTo(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) months.push(month);
  return months;
}
