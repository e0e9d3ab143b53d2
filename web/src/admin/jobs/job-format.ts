import type { JobSchedule } from '../../../../domain/contracts/jobs.js';

/**
 * Pure formatting for Administración → Tareas: a job's schedule as a sentence (a message key
 * and its values, which the screen translates) and a run's duration. Cron is the five fields
 * minute hour day-of-month month day-of-week; only the common shapes are put in words, any
 * other expression is shown as it is.
 */

/** The jobs the server runs today; the UI names and describes them from its catalog. */
export const KNOWN_JOBS = [
  'sla_watch',
  'mail_work',
  'mail_imap_poll',
  'sessions_purge',
  'tickets_sweep',
  'job_runs_prune',
  'webhooks_send',
  'webhook_deliveries_prune',
  'campaign_schedule',
] as const;
export type KnownJob = (typeof KNOWN_JOBS)[number];
export const isKnownJob = (name: string): name is KnownJob => (KNOWN_JOBS as readonly string[]).includes(name);

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type ScheduleWords =
  | { key: 'everySeconds' | 'everyMinutes' | 'everyHours' | 'everyDays'; count: number }
  | { key: 'everyMinutesCron'; count: number; zone: string }
  | { key: 'hourlyAt'; minute: string; zone: string }
  | { key: 'dailyAt'; time: string; zone: string }
  | { key: 'weekdaysAt'; time: string; zone: string }
  | { key: 'weeklyAt'; day: Weekday; time: string; zone: string }
  | { key: 'monthlyAt'; dayOfMonth: number; time: string; zone: string }
  | { key: 'cron'; cron: string; zone: string };

/** An interval in the largest whole unit ("every 2 hours", not "every 7200 seconds"). */
function intervalWords(seconds: number): ScheduleWords {
  if (seconds % 86_400 === 0) return { key: 'everyDays', count: seconds / 86_400 };
  if (seconds % 3_600 === 0) return { key: 'everyHours', count: seconds / 3_600 };
  if (seconds % 60 === 0) return { key: 'everyMinutes', count: seconds / 60 };
  return { key: 'everySeconds', count: seconds };
}

/** A plain number within bounds, or null (ranges, lists and steps are not plain). */
function plain(field: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/.test(field)) return null;
  const value = Number(field);
  return value >= min && value <= max ? value : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function describeSchedule(schedule: JobSchedule): ScheduleWords {
  if (schedule.kind === 'interval') return intervalWords(schedule.everySeconds);
  const { cron, zone } = schedule;
  const raw: ScheduleWords = { key: 'cron', cron, zone };
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return raw;
  const [minuteField, hourField, dayField, monthField, weekdayField] = fields as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (monthField !== '*') return raw;

  const step = /^\*\/(\d{1,2})$/.exec(minuteField);
  if (step && hourField === '*' && dayField === '*' && weekdayField === '*') {
    const count = Number(step[1]);
    return count >= 1 && count <= 59 ? { key: 'everyMinutesCron', count, zone } : raw;
  }
  const minute = plain(minuteField, 0, 59);
  if (minute === null) return raw;
  if (hourField === '*') {
    return dayField === '*' && weekdayField === '*' ? { key: 'hourlyAt', minute: pad(minute), zone } : raw;
  }
  const hour = plain(hourField, 0, 23);
  if (hour === null) return raw;
  const time = `${pad(hour)}:${pad(minute)}`;
  if (dayField === '*' && weekdayField === '*') return { key: 'dailyAt', time, zone };
  if (dayField === '*' && weekdayField === '1-5') return { key: 'weekdaysAt', time, zone };
  if (dayField === '*') {
    const weekday = plain(weekdayField, 0, 7);
    // Cron counts Sunday as both 0 and 7.
    return weekday === null ? raw : { key: 'weeklyAt', day: WEEKDAYS[weekday % 7] as Weekday, time, zone };
  }
  const dayOfMonth = plain(dayField, 1, 31);
  if (dayOfMonth !== null && weekdayField === '*') return { key: 'monthlyAt', dayOfMonth, time, zone };
  return raw;
}

/**
 * How long a run took, short: "850 ms", "12,4 s", "3 min 05 s", "1 h 02 min" (numbers in the
 * locale's own way).
 */
export function formatDuration(ms: number, locale: string): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) {
    const seconds = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 1_000);
    return `${seconds} s`;
  }
  const totalSeconds = Math.round(ms / 1_000);
  if (totalSeconds < 3_600) return `${Math.floor(totalSeconds / 60)} min ${pad(totalSeconds % 60)} s`;
  const totalMinutes = Math.round(totalSeconds / 60);
  return `${Math.floor(totalMinutes / 60)} h ${pad(totalMinutes % 60)} min`;
}

/**
 * A run's counts as "fired 3 · sent 2", in the order the server gave them, each named by `label`
 * (the catalog's word; a count the catalog does not know yet shows its key); nothing when there are none.
 */
export function formatCounts(
  counts: Record<string, number>,
  locale: string,
  label: (name: string) => string = (name) => name,
): string {
  const number = new Intl.NumberFormat(locale);
  return Object.entries(counts)
    .map(([name, value]) => `${label(name)} ${number.format(value)}`)
    .join(' · ');
}

/** Jobs that failed last first, then by name: what needs a look comes to the top. */
export function sortJobs<T extends { name: string; consecutiveFailures: number }>(jobs: readonly T[]): T[] {
  return [...jobs].sort(
    (a, b) => Number(b.consecutiveFailures > 0) - Number(a.consecutiveFailures > 0) || a.name.localeCompare(b.name),
  );
}
