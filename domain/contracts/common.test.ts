import { describe, expect, it } from 'vitest';
import { isDayInRange, isInstantInRange, MONTH_PATTERN } from './common.js';

describe('the dates Mesa accepts', () => {
  it('takes RFC 3339 instants from 1900 through 2999, offsets included', () => {
    for (const text of [
      '1900-01-01T00:00:00Z',
      '2026-12-07T14:42:13.123Z',
      '2024-02-29T23:59:59+05:30',
      '2999-12-31T23:59:59Z',
      '2026-06-01 10:00:00Z',
    ]) {
      expect(isInstantInRange(text), text).toBe(true);
    }
  });

  it('refuses years out of range, days and times that do not exist, and instants the offset pushes out', () => {
    for (const text of [
      '0000-01-01T00:00:00Z',
      '1899-12-31T23:59:59Z',
      '3000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '+010000-01-01T00:00:00Z',
      '2026-02-30T00:00:00Z',
      '2025-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T00:00:00',
      '2999-12-31T23:00:00-05:00',
      '1900-01-01T00:30:00+01:00',
      'yesterday',
    ]) {
      expect(isInstantInRange(text), text).toBe(false);
    }
  });

  it('takes calendar days and months within the same years', () => {
    expect(['1900-01-01', '2024-02-29', '2999-12-31'].map(isDayInRange)).toEqual([true, true, true]);
    expect(['0000-01-01', '2025-02-29', '3000-01-01', '2026-1-1'].map(isDayInRange)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    const month = new RegExp(MONTH_PATTERN);
    expect(['1900-01', '2026-12', '2999-06'].map((m) => month.test(m))).toEqual([true, true, true]);
    expect(['0000-01', '1899-12', '3000-01', '9999-12', '2026-13', '10000-01'].map((m) => month.test(m))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
