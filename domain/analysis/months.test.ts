import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at } from '../../test/support/analysis-fixtures.js';
import { isMonth, monthEnd, monthOf, monthStart, monthsFromTo, nextMonth } from './months.js';

describe('months in a time zone', () => {
  it('starts April when each zone’s clocks say so', () => {
    // Santiago is at UTC−3 until 5 April 2026; Madrid went to UTC+2 on 29 March.
    expect(new Date(monthStart('2026-04', 'America/Santiago')).toISOString()).toBe('2026-04-01T03:00:00.000Z');
    expect(new Date(monthStart('2026-04', 'Europe/Madrid')).toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(new Date(monthEnd('2026-03', 'Europe/Madrid')).toISOString()).toBe('2026-03-31T22:00:00.000Z');
    // Madrid's November begins after the October change back to UTC+1.
    expect(new Date(monthStart('2026-11', 'Europe/Madrid')).toISOString()).toBe('2026-10-31T23:00:00.000Z');
  });

  it('starts a month whose first midnight does not exist at 01:00', () => {
    // Asunción's clocks went from 00:00 to 01:00 on Sunday 1 October 2023 (UTC−4 → UTC−3).
    expect(new Date(monthStart('2023-10', 'America/Asuncion')).toISOString()).toBe('2023-10-01T04:00:00.000Z');
    expect(monthOf(at('2023-10-01T03:59:59Z'), 'America/Asuncion')).toBe('2023-09');
    expect(monthOf(at('2023-10-01T04:00:00Z'), 'America/Asuncion')).toBe('2023-10');
  });

  it('every instant lies in its month', () => {
    const zones = ['America/Santiago', 'Europe/Madrid', 'America/Asuncion', 'UTC', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z') }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const month = monthOf(instant, zone);
          expect(monthStart(month, zone)).toBeLessThanOrEqual(instant);
          expect(instant).toBeLessThan(monthEnd(month, zone));
        },
      ),
    );
  });

  it('walks months and checks their form', () => {
    expect(monthsFromTo('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsFromTo('2026-02', '2026-01')).toEqual([]);
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(['2026-01', '2026-13', '2026-1', 'x'].map(isMonth)).toEqual([true, false, false, false]);
  });
});
