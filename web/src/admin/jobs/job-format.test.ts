import { describe, expect, it } from 'vitest';
import { describeSchedule, formatCounts, formatDuration, isKnownJob, sortJobs } from './job-format.js';

const cron = (expression: string, zone = 'America/Santiago') =>
  describeSchedule({ kind: 'cron', cron: expression, zone });

describe('describeSchedule', () => {
  it('puts an interval in its largest whole unit', () => {
    expect(describeSchedule({ kind: 'interval', everySeconds: 15 })).toEqual({ key: 'everySeconds', count: 15 });
    expect(describeSchedule({ kind: 'interval', everySeconds: 90 })).toEqual({ key: 'everySeconds', count: 90 });
    expect(describeSchedule({ kind: 'interval', everySeconds: 300 })).toEqual({ key: 'everyMinutes', count: 5 });
    expect(describeSchedule({ kind: 'interval', everySeconds: 7200 })).toEqual({ key: 'everyHours', count: 2 });
    expect(describeSchedule({ kind: 'interval', everySeconds: 86_400 })).toEqual({ key: 'everyDays', count: 1 });
  });

  it('reads the common cron shapes, keeping the zone', () => {
    expect(cron('30 2 * * *')).toEqual({ key: 'dailyAt', time: '02:30', zone: 'America/Santiago' });
    expect(cron('*/5 * * * *')).toEqual({ key: 'everyMinutesCron', count: 5, zone: 'America/Santiago' });
    expect(cron('7 * * * *', 'UTC')).toEqual({ key: 'hourlyAt', minute: '07', zone: 'UTC' });
    expect(cron('0 8 * * 1-5')).toEqual({ key: 'weekdaysAt', time: '08:00', zone: 'America/Santiago' });
    expect(cron('15 23 * * 1')).toEqual({ key: 'weeklyAt', day: 'mon', time: '23:15', zone: 'America/Santiago' });
    expect(cron('0 4 1 * *')).toEqual({ key: 'monthlyAt', dayOfMonth: 1, time: '04:00', zone: 'America/Santiago' });
  });

  it('counts Sunday as 0 and as 7', () => {
    expect(cron('0 3 * * 0')).toMatchObject({ key: 'weeklyAt', day: 'sun' });
    expect(cron('0 3 * * 7')).toMatchObject({ key: 'weeklyAt', day: 'sun' });
  });

  it('shows anything else as the raw expression', () => {
    for (const expression of [
      '0 */6 * * *',
      '0 3 * 1 *',
      '0,30 9 * * *',
      '0 3 1 * 1',
      '61 3 * * *',
      '0 24 * * *',
      'bogus',
      '* * * *',
    ]) {
      expect(cron(expression, 'UTC'), expression).toEqual({ key: 'cron', cron: expression, zone: 'UTC' });
    }
  });
});

describe('formatDuration', () => {
  it('uses milliseconds, seconds, minutes or hours as the run was long', () => {
    expect(formatDuration(0, 'en')).toBe('0 ms');
    expect(formatDuration(850, 'en')).toBe('850 ms');
    expect(formatDuration(12_400, 'en')).toBe('12.4 s');
    expect(formatDuration(12_400, 'es')).toBe('12,4 s');
    expect(formatDuration(185_000, 'es')).toBe('3 min 05 s');
    expect(formatDuration(3_720_000, 'en')).toBe('1 h 02 min');
  });
});

describe('formatCounts', () => {
  it('lists what a run did in the order given, numbers in the locale', () => {
    expect(formatCounts({ fired: 3, sentMail: 1200 }, 'en')).toBe('fired 3 · sentMail 1,200');
    expect(formatCounts({ fired: 3, sent: 12000 }, 'es', (name) => ({ fired: 'disparados' })[name] ?? name)).toBe(
      'disparados 3 · sent 12.000',
    );
    expect(formatCounts({}, 'es')).toBe('');
  });
});

describe('jobs', () => {
  it('knows the server jobs by their stable ids', () => {
    expect(isKnownJob('sla_watch')).toBe(true);
    expect(isKnownJob('job_runs_prune')).toBe(true);
    expect(isKnownJob('SLA_WATCH')).toBe(false);
  });

  it('puts failing jobs first, then sorts by name', () => {
    const jobs = [
      { name: 'sla_watch', consecutiveFailures: 0 },
      { name: 'tickets_sweep', consecutiveFailures: 2 },
      { name: 'mail_work', consecutiveFailures: 0 },
      { name: 'mail_imap_poll', consecutiveFailures: 1 },
    ];
    expect(sortJobs(jobs).map((job) => job.name)).toEqual([
      'mail_imap_poll',
      'tickets_sweep',
      'mail_work',
      'sla_watch',
    ]);
    expect(jobs[0]?.name).toBe('sla_watch');
  });
});
