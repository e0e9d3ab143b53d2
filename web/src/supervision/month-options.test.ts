import { describe, expect, it } from 'vitest';
import { monthOptions } from './month-options.js';

describe('monthOptions', () => {
  it('names the months in the language asked for, newest first, across a year boundary', () => {
    expect(monthOptions('2027-02', 'es', 3)).toEqual([
      { value: '2027-02', label: 'Febrero de 2027' },
      { value: '2027-01', label: 'Enero de 2027' },
      { value: '2026-12', label: 'Diciembre de 2026' },
    ]);
    expect(monthOptions('2027-02', 'en', 2).map((option) => option.label)).toEqual(['February 2027', 'January 2027']);
  });
});
