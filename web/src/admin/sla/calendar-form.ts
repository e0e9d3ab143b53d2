import type { Calendar } from '../../../../domain/contracts/sla.js';

/**
 * The calendar form's state and its rules, with no React: rows carry a key so lists can be edited
 * in place, and `calendarIssues` says what is wrong before anything is sent.
 */

export const ISO_DAYS = [
  [1, 'mon'],
  [2, 'tue'],
  [3, 'wed'],
  [4, 'thu'],
  [5, 'fri'],
  [6, 'sat'],
  [7, 'sun'],
] as const;
export type IsoDay = (typeof ISO_DAYS)[number][0];
export type DayKey = (typeof ISO_DAYS)[number][1];

export type Weekly = Calendar['weekly'];
export type Holiday = Calendar['holidays'][number];

export interface RangeDraft {
  key: string;
  start: string;
  end: string;
}
export type WeeklyDraft = Record<IsoDay, RangeDraft[]>;

export interface HolidayDraft {
  key: string;
  kind: 'date' | 'yearly';
  date: string;
  month: number | null;
  day: number | null;
  name: string;
}

let nextKey = 0;
export const draftKey = () => `row-${++nextKey}`;

const CLOCK = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;
export const isClock = (value: string) => CLOCK.test(value);
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** "9" → "09:00", "930" → "09:30", "18.30" → "18:30"; anything else is left as typed for the error to show. */
export function normalizeClock(typed: string): string {
  const text = typed.trim().replace(/[.h]/i, ':');
  const short = /^(\d{1,2})(?::(\d{0,2}))?$/.exec(text);
  const compact = /^(\d{1,2})(\d{2})$/.exec(text);
  const match = short ?? compact;
  if (!match) return typed.trim();
  const clock = `${match[1]?.padStart(2, '0')}:${(match[2] || '0').padStart(2, '0')}`;
  return isClock(clock) ? clock : typed.trim();
}

/** A range whose end is not after its start runs past midnight into the next day. */
export const runsPastMidnight = (range: { start: string; end: string }) =>
  isClock(range.start) && isClock(range.end) && range.end !== '24:00' && minutesOf(range.end) <= minutesOf(range.start);

export function weeklyDraftOf(weekly: Weekly): WeeklyDraft {
  const draft = {} as WeeklyDraft;
  for (const [day] of ISO_DAYS) draft[day] = (weekly[day] ?? []).map((range) => ({ key: draftKey(), ...range }));
  return draft;
}

export function weeklyOf(draft: WeeklyDraft): Weekly {
  const weekly: Weekly = {};
  for (const [day] of ISO_DAYS) {
    const ranges = draft[day];
    if (ranges.length > 0) weekly[day] = ranges.map(({ start, end }) => ({ start, end }));
  }
  return weekly;
}

const everyDay = (days: readonly IsoDay[], start: string, end: string): WeeklyDraft => {
  const draft = {} as WeeklyDraft;
  for (const [day] of ISO_DAYS) draft[day] = days.includes(day) ? [{ key: draftKey(), start, end }] : [];
  return draft;
};
export const PRESETS = {
  always: () => everyDay([1, 2, 3, 4, 5, 6, 7], '00:00', '24:00'),
  office: () => everyDay([1, 2, 3, 4, 5], '09:00', '18:00'),
  none: () => everyDay([], '', ''),
};

const holidayOrder = (h: Holiday) => ('date' in h ? `1-${h.date}` : `0-${String(h.month).padStart(2, '0')}-${h.day}`);
export const holidayKeyOf = (h: Holiday) => ('date' in h ? h.date : `${h.month}/${h.day}`);

/** Yearly holidays first (by month and day), then one-off dates in order. */
export function holidayDraftsOf(holidays: readonly Holiday[]): HolidayDraft[] {
  return [...holidays]
    .sort((a, b) => holidayOrder(a).localeCompare(holidayOrder(b), 'en', { numeric: true }))
    .map((h) =>
      'date' in h
        ? { key: draftKey(), kind: 'date', date: h.date, month: null, day: null, name: h.name ?? '' }
        : { key: draftKey(), kind: 'yearly', date: '', month: h.month, day: h.day, name: h.name ?? '' },
    );
}

export function holidaysOf(drafts: readonly HolidayDraft[]): Holiday[] {
  return drafts.map((d) => {
    const name = d.name.trim() ? { name: d.name.trim() } : {};
    return d.kind === 'date' ? { date: d.date, ...name } : { month: d.month ?? 1, day: d.day ?? 1, ...name };
  });
}

/** Days in a month, counting 29 February (a yearly holiday may fall on it). */
export const daysInMonth = (month: number) => new Date(Date.UTC(2024, month, 0)).getUTCDate();

export type CalendarIssue = 'required' | 'badClock' | 'startAtMidnight' | 'emptyRange' | 'badDate' | 'duplicate';

/** Issues by field path, the way the API names them (`weekly.1.0.start`, `holidays.2.date`). */
export function calendarIssues(form: {
  name: string;
  timeZone: string | null;
  weekly: WeeklyDraft;
  holidays: readonly HolidayDraft[];
}): Record<string, CalendarIssue> {
  const issues: Record<string, CalendarIssue> = {};
  if (!form.name.trim()) issues.name = 'required';
  if (!form.timeZone) issues.timeZone = 'required';
  for (const [day] of ISO_DAYS) {
    form.weekly[day].forEach((range, i) => {
      const at = `weekly.${day}.${i}`;
      if (!isClock(range.start)) issues[`${at}.start`] = 'badClock';
      else if (range.start === '24:00') issues[`${at}.start`] = 'startAtMidnight';
      if (!isClock(range.end)) issues[`${at}.end`] = 'badClock';
      if (range.start === range.end && isClock(range.start)) issues[at] = 'emptyRange';
    });
  }
  const seen = new Set<string>();
  form.holidays.forEach((h, i) => {
    const at = `holidays.${i}`;
    if (h.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(h.date)) issues[`${at}.date`] = 'badDate';
    if (h.kind === 'yearly' && (!h.month || !h.day || h.day > daysInMonth(h.month))) issues[`${at}.day`] = 'badDate';
    const key = h.kind === 'date' ? h.date : `${h.month}/${h.day}`;
    if (!issues[`${at}.date`] && !issues[`${at}.day`] && seen.has(key)) issues[at] = 'duplicate';
    seen.add(key);
  });
  return issues;
}

/** "Mon–Fri 09:00–18:00 · Sat 09:00–13:00": consecutive days with the same hours are joined. */
export function weeklySummary(
  weekly: Weekly,
  words: { day: (key: DayKey) => string; always: string; closed: string },
): string {
  const text = (day: IsoDay) => (weekly[day] ?? []).map((r) => `${r.start}–${r.end}`).join(', ');
  if (ISO_DAYS.every(([day]) => text(day) === '00:00–24:00')) return words.always;
  const parts: string[] = [];
  let run: { from: DayKey; to: DayKey; hours: string } | null = null;
  const flush = () => {
    if (run?.hours)
      parts.push(`${words.day(run.from)}${run.from === run.to ? '' : `–${words.day(run.to)}`} ${run.hours}`);
  };
  for (const [day, key] of ISO_DAYS) {
    const hours = text(day);
    if (run && run.hours === hours) run.to = key;
    else {
      flush();
      run = { from: key, to: key, hours };
    }
  }
  flush();
  return parts.join(' · ') || words.closed;
}
