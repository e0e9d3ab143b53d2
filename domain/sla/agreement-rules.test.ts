import { describe, expect, it } from 'vitest';
import { checkCalendar, checkTargets, targetFor } from './agreement-rules.js';

describe('agreement rules', () => {
  it('accepts real zones and refuses made-up ones and empty ranges', () => {
    expect(
      checkCalendar('America/Santiago', {
        1: [{ start: '09:00', end: '18:00' }],
        2: [{ start: '22:00', end: '02:00' }],
      }),
    ).toEqual([]);
    expect(checkCalendar('Mars/Olympus', {})).toEqual([
      { field: 'timeZone', message: expect.stringContaining('not a time zone') },
    ]);
    expect(checkCalendar('UTC', { 3: [{ start: '10:00', end: '10:00' }] })[0]?.field).toBe('weekly.3.0');
  });

  it('refuses repeated targets and resolution shorter than first response', () => {
    const issues = checkTargets([
      { priority: 1, firstResponseMinutes: 30, resolutionMinutes: 240 },
      { priority: 1, firstResponseMinutes: 15, resolutionMinutes: 10 },
    ]);
    expect(issues.map((issue) => issue.field)).toEqual(['targets.1', 'targets.1.resolutionMinutes']);
  });

  it('prefers the target for the ticket type over the general one', () => {
    const targets = [
      { priority: 2, firstResponseMinutes: 60, resolutionMinutes: 480 },
      { priority: 2, type: 'request', firstResponseMinutes: 120, resolutionMinutes: 2400 },
    ];
    expect(targetFor(targets, 2, 'request')?.resolutionMinutes).toBe(2400);
    expect(targetFor(targets, 2, 'incident')?.resolutionMinutes).toBe(480);
    expect(targetFor(targets, 3, 'incident')).toBeUndefined();
  });
});
