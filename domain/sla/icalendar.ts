import type { Holiday } from './business-calendar.js';

export type NamedHoliday = Holiday & { name?: string };

/**
 * Holidays from an iCalendar file (RFC 5545), as national holiday calendars publish them: each
 * all-day VEVENT is a closed date, one with a yearly RRULE a date every year. Multi-day events
 * close each of their days. Times and other recurrences are not holidays and are left out.
 */
export function holidaysFromICalendar(text: string): { holidays: NamedHoliday[]; skipped: number } {
  // Lines folded by a leading space or tab belong to the line before (RFC 5545 §3.1).
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const holidays: NamedHoliday[] = [];
  let skipped = 0;
  let event: Map<string, { params: string; value: string }> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') {
      event = new Map();
      continue;
    }
    if (line === 'END:VEVENT' && event) {
      const found = holidaysOfEvent(event);
      if (found.length === 0) skipped++;
      holidays.push(...found);
      event = null;
      continue;
    }
    if (!event) continue;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const [name = '', ...params] = line.slice(0, colon).split(';');
    event.set(name.toUpperCase(), { params: params.join(';').toUpperCase(), value: line.slice(colon + 1) });
  }
  return { holidays: dedupe(holidays), skipped };
}

const DATE = /^(\d{4})(\d{2})(\d{2})$/;

function holidaysOfEvent(event: Map<string, { params: string; value: string }>): NamedHoliday[] {
  const start = event.get('DTSTART');
  const match = start && DATE.exec(start.value.trim());
  // Only all-day events: a DTSTART with a time is a meeting, not a closed day.
  if (!start || !match || (start.params && !start.params.includes('VALUE=DATE'))) return [];
  const summary = unescapeText(event.get('SUMMARY')?.value ?? '').slice(0, 100);
  const named = summary ? { name: summary } : {};
  const rule = event.get('RRULE')?.value.toUpperCase();
  if (rule) {
    if (!/(^|;)FREQ=YEARLY(;|$)/.test(rule) || /(^|;)BY(DAY|SETPOS|WEEKNO|YEARDAY)=/.test(rule)) return [];
    return [{ month: Number(match[2]), day: Number(match[3]), ...named }];
  }
  const first = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const endMatch = DATE.exec(event.get('DTEND')?.value.trim() ?? '');
  const end = endMatch ? Date.UTC(Number(endMatch[1]), Number(endMatch[2]) - 1, Number(endMatch[3])) : first + DAY;
  const days: NamedHoliday[] = [];
  // DTEND of an all-day event is the day after the last one; a year is as long as a holiday runs.
  for (let day = first; day < Math.max(end, first + DAY) && days.length < 366; day += DAY) {
    days.push({ date: new Date(day).toISOString().slice(0, 10), ...named });
  }
  return days;
}

const DAY = 86_400_000;

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? ' ' : ch)).trim();
}

const keyOf = (h: Holiday) => ('date' in h ? h.date : `--${h.month}-${h.day}`);

function dedupe(holidays: NamedHoliday[]): NamedHoliday[] {
  const seen = new Map<string, NamedHoliday>();
  for (const holiday of holidays) if (!seen.has(keyOf(holiday))) seen.set(keyOf(holiday), holiday);
  return [...seen.values()];
}

/** The calendar's holidays with the imported ones added, none twice. */
export function mergeHolidays(current: NamedHoliday[], imported: NamedHoliday[]): NamedHoliday[] {
  return dedupe([...current, ...imported]);
}
