import { DateTime } from 'luxon';

/**
 * A business calendar: the hours an agreement's clock counts, in the calendar's own time zone.
 * Hours are wall-clock times, so "09:00–18:00" stays 09:00–18:00 across daylight-saving changes;
 * a range whose end is not after its start runs past midnight ("22:00–06:00").
 */
export interface TimeRange {
  /** "HH:MM", 00:00–23:59 */
  start: string;
  /** "HH:MM", 00:00–24:00 */
  end: string;
}

export type Holiday = { date: string } | { month: number; day: number };

export interface BusinessCalendar {
  timeZone: string;
  /** Ranges per ISO weekday: 1 Monday … 7 Sunday. A missing day is closed. */
  weekly: Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, TimeRange[]>>;
  /** Closed dates: a range starting on one does not open (a range from the day before still runs). */
  holidays: Holiday[];
}

export interface Interval {
  start: number;
  end: number;
}

export const MINUTE = 60_000;

export const ALWAYS_OPEN = (timeZone = 'UTC'): BusinessCalendar => ({
  timeZone,
  weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
  holidays: [],
});

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function isHoliday(calendar: BusinessCalendar, day: DateTime): boolean {
  const iso = day.toISODate();
  return calendar.holidays.some((h) => ('date' in h ? h.date === iso : h.month === day.month && h.day === day.day));
}

/**
 * The instants whose wall-clock time on `day` (a local date) falls in [fromMinute, toMinute).
 * A local day holds at most one offset change, so it is cut there and each piece maps wall
 * minutes to instants by its own constant offset — exact in skipped and repeated hours alike.
 */
function wallRangeToIntervals(day: DateTime, fromMinute: number, toMinute: number): Interval[] {
  // Built from the date, never by adding a day to a time: a day can begin at 01:00 (Santiago's
  // clocks skip midnight), and "plus one day" would then keep 01:00.
  const dayStart = localDay(day.toISODate() as string, day.zone.name);
  const dayEnd = localDay(nextDate(day.toISODate() as string), day.zone.name);
  const pieces: [number, number][] = [];
  let cursor = dayStart.toMillis();
  const end = dayEnd.toMillis();
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone: day.zone }).offset;
  if (offsetAt(cursor) !== offsetAt(end - 1)) {
    // Find the first millisecond at the new offset.
    let low = cursor;
    let high = end - 1;
    const first = offsetAt(low);
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (offsetAt(mid) === first) low = mid;
      else high = mid;
    }
    pieces.push([cursor, high]);
    cursor = high;
  }
  pieces.push([cursor, end]);
  const localMidnight = Date.UTC(day.year, day.month - 1, day.day);
  const intervals: Interval[] = [];
  for (const [a, b] of pieces) {
    const offsetMs = offsetAt(a) * MINUTE;
    // Wall minute w on this day is the instant localMidnight + w minutes - offset.
    const start = Math.max(a, localMidnight + fromMinute * MINUTE - offsetMs);
    const stop = Math.min(b, localMidnight + toMinute * MINUTE - offsetMs);
    if (stop > start) intervals.push({ start, end: stop });
  }
  return intervals;
}

/** The first instant of a local date, even when its midnight does not exist. */
function localDay(isoDate: string, zone: string): DateTime {
  return DateTime.fromISO(isoDate, { zone }).startOf('day');
}

function nextDate(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The open intervals of one local day's ranges, including the part after midnight of a crossing range. */
function openIntervalsStartingOn(calendar: BusinessCalendar, day: DateTime): Interval[] {
  if (isHoliday(calendar, day)) return [];
  const ranges = calendar.weekly[day.weekday as 1] ?? [];
  const intervals: Interval[] = [];
  for (const range of ranges) {
    const from = minutesOf(range.start);
    const to = minutesOf(range.end);
    if (to > from) {
      intervals.push(...wallRangeToIntervals(day, from, to));
    } else {
      intervals.push(...wallRangeToIntervals(day, from, 24 * 60));
      intervals.push(...wallRangeToIntervals(localDay(nextDate(day.toISODate() as string), day.zone.name), 0, to));
    }
  }
  return intervals;
}

/** Merges overlapping or touching intervals, sorted by start. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/**
 * Values computed once and kept by an outer and an inner key, up to `limit` of them in all (then
 * forgotten at once and computed again): long-running servers ask for ever new dates.
 */
class Memo<V> {
  private readonly byOuter = new Map<string, Map<number, V>>();
  private size = 0;

  constructor(private readonly limit: number) {}

  get(outer: string, inner: number, compute: () => V): V {
    if (this.size >= this.limit) {
      this.byOuter.clear();
      this.size = 0;
    }
    let values = this.byOuter.get(outer);
    if (!values) {
      values = new Map();
      this.byOuter.set(outer, values);
    }
    let value = values.get(inner);
    if (value === undefined) {
      value = compute();
      values.set(inner, value);
      this.size++;
    }
    return value;
  }
}

// A day's intervals depend only on the calendar and the date, and time-zone arithmetic is the
// costly part: recomputing a ticket's deadlines reads the same days again and again. Days are
// counted as whole days since 1970-01-01 (local), so walking and finding them takes no strings.
const DAY = 24 * 60 * MINUTE;
const days = new Memo<Interval[]>(20_000);

function cachedDay(calendar: BusinessCalendar, calendarKey: string, day: number): Interval[] {
  return days.get(calendarKey, day, () => {
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    return openIntervalsStartingOn(calendar, localDay(date, calendar.timeZone));
  });
}

// The same calendar object is asked about again and again (the server keeps configuration in
// memory): its cache key is worked out once.
const calendarKeys = new WeakMap<BusinessCalendar, string>();

function keyOf(calendar: BusinessCalendar): string {
  let key = calendarKeys.get(calendar);
  if (key === undefined) {
    key = JSON.stringify(calendar);
    calendarKeys.set(calendar, key);
  }
  return key;
}

// Since the 1970s every time zone changes its offset only at a multiple of 15 minutes (UTC), so
// the offset found for the start of a quarter hour holds for all of it.
const QUARTER_HOUR = 15 * MINUTE;
const offsets = new Memo<number>(50_000);

/** The local calendar day of an instant in a zone, as days since 1970-01-01. */
function localDayOf(ms: number, zone: string): number {
  const quarter = Math.floor(ms / QUARTER_HOUR);
  const offset = offsets.get(zone, quarter, () => DateTime.fromMillis(quarter * QUARTER_HOUR, { zone }).offset);
  return Math.floor((ms + offset * MINUTE) / DAY);
}

/** Open business intervals overlapping [from, to), clipped to it. */
export function openIntervals(calendar: BusinessCalendar, from: number, to: number): Interval[] {
  const zone = calendar.timeZone;
  const calendarKey = keyOf(calendar);
  const last = localDayOf(to, zone);
  const all: Interval[] = [];
  // Start a day early: a range that crossed midnight may still be running at `from`.
  for (let day = localDayOf(from, zone) - 1; day <= last; day++) {
    all.push(...cachedDay(calendar, calendarKey, day));
  }
  return mergeIntervals(all)
    .map((i) => ({ start: Math.max(i.start, from), end: Math.min(i.end, to) }))
    .filter((i) => i.end > i.start);
}

/** Removes the paused intervals from the open ones. */
export function subtractIntervals(open: Interval[], paused: Interval[]): Interval[] {
  let result = open;
  for (const pause of mergeIntervals(paused)) {
    result = result.flatMap((i) => {
      if (pause.end <= i.start || pause.start >= i.end) return [i];
      const parts: Interval[] = [];
      if (pause.start > i.start) parts.push({ start: i.start, end: pause.start });
      if (pause.end < i.end) parts.push({ start: pause.end, end: i.end });
      return parts;
    });
  }
  return result;
}

const sum = (intervals: Interval[]) => intervals.reduce((total, i) => total + (i.end - i.start), 0);

/** Business minutes counted between two instants, leaving out paused time. */
export function businessMinutesBetween(
  calendar: BusinessCalendar,
  from: number,
  to: number,
  paused: Interval[] = [],
): number {
  if (to <= from) return 0;
  return sum(subtractIntervals(openIntervals(calendar, from, to), paused)) / MINUTE;
}

/**
 * The instant at which `minutes` business minutes will have passed since `from`, not counting
 * paused time. Pauses with no end (still paused) stop the clock: the answer is null.
 */
export function addBusinessMinutes(
  calendar: BusinessCalendar,
  from: number,
  minutes: number,
  paused: Interval[] = [],
): number | null {
  return instantsAfterBusinessMinutes(calendar, from, [minutes], paused)[0] ?? null;
}

/**
 * `addBusinessMinutes` for several amounts in one walk of the calendar: the instant each amount
 * is reached, in the order given (null where it never is). A ticket's warnings, breach and
 * escalation levels are all points on one clock, so they are found together.
 */
export function instantsAfterBusinessMinutes(
  calendar: BusinessCalendar,
  from: number,
  minutes: readonly number[],
  paused: Interval[] = [],
): (number | null)[] {
  const order = minutes.map((_, i) => i).sort((a, b) => (minutes[a] as number) - (minutes[b] as number));
  const result: (number | null)[] = minutes.map(() => null);
  let next = 0;
  let counted = 0;
  const settleReached = (reachedAt: (amount: number) => number, upTo: number) => {
    for (; next < order.length; next++) {
      const index = order[next] as number;
      const amount = (minutes[index] as number) * MINUTE;
      if (amount > upTo) return;
      result[index] = reachedAt(amount);
    }
  };
  settleReached(() => from, 0);
  let windowStart = from;
  // Look ahead in widening windows; a calendar with no open time at all never reaches a deadline.
  for (let days = 2; days <= 512 && next < order.length; days *= 2) {
    const windowEnd = windowStart + days * 24 * 60 * MINUTE;
    for (const interval of subtractIntervals(openIntervals(calendar, windowStart, windowEnd), paused)) {
      const before = counted;
      counted += interval.end - interval.start;
      settleReached((amount) => interval.start + (amount - before), counted);
      if (next >= order.length) break;
    }
    windowStart = windowEnd;
  }
  return result;
}
