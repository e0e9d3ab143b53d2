import { describe, expect, it } from 'vitest';
import { explainPercentileChange, explainRateChange, percentile } from './contribution-analysis.js';

describe('explainRateChange (Kitagawa)', () => {
  // Hand-computed: FCR of two channels. Before: phone 80/100 = 0.8, email 50/100 = 0.5 → 0.65.
  // After: phone 60/100 = 0.6 (its rate fell), email 150/300 = 0.5 (its mix grew) → 210/400 = 0.525.
  const before = [
    { value: 'phone', n: 100, rate: 0.8 },
    { value: 'email', n: 100, rate: 0.5 },
  ];
  const after = [
    { value: 'phone', n: 100, rate: 0.6 },
    { value: 'email', n: 300, rate: 0.5 },
  ];

  it('splits the change into mix and rate effects by value, adding up to the whole change', () => {
    const result = explainRateChange(before, after);
    expect(result.before).toBeCloseTo(0.65, 12);
    expect(result.after).toBeCloseTo(0.525, 12);
    expect(result.change).toBeCloseTo(-0.125, 12);
    // Weights: phone 0.5 → 0.25, email 0.5 → 0.75. Average rates: phone 0.7, email 0.5; whole 0.5875.
    const phone = result.drivers.find((driver) => driver.value === 'phone')!;
    const email = result.drivers.find((driver) => driver.value === 'email')!;
    expect(phone.rateEffect).toBeCloseTo(-0.2 * 0.375, 12); // Δr × w̄
    expect(phone.mixEffect).toBeCloseTo(-0.25 * (0.7 - 0.5875), 12); // Δw × (r̄ − R̄)
    expect(email.rateEffect).toBeCloseTo(0, 12);
    expect(email.mixEffect).toBeCloseTo(0.25 * (0.5 - 0.5875), 12);
    const total = result.drivers.reduce((sum, driver) => sum + driver.mixEffect + driver.rateEffect, 0);
    expect(total).toBeCloseTo(result.change, 12);
    expect(result.drivers.reduce((sum, driver) => sum + driver.share, 0)).toBeCloseTo(1, 12);
    expect(result.drivers.map((driver) => driver.value)).toEqual(['phone', 'email']);
    expect(phone.share).toBeCloseTo((-0.075 - 0.028125) / -0.125, 12);
  });

  it('gives a value that appears only after the rest of its period a pure mix effect', () => {
    const result = explainRateChange(
      [{ value: 'a', n: 10, rate: 2 }],
      [
        { value: 'a', n: 10, rate: 2 },
        { value: 'b', n: 10, rate: 6 },
      ],
    );
    expect(result.change).toBeCloseTo(2, 12);
    const b = result.drivers[0]!;
    expect(b.value).toBe('b');
    expect(b.rateEffect).toBe(0);
    expect(b.mixEffect + result.drivers[1]!.mixEffect).toBeCloseTo(2, 12);
  });

  it('says nothing drives a change that did not happen', () => {
    const result = explainRateChange(before, before);
    expect(result.change).toBe(0);
    expect(result.drivers.every((driver) => driver.share === 0)).toBe(true);
  });
});

describe('explainPercentileChange', () => {
  it('interpolates percentiles as spreadsheets do', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
    expect(percentile([5], 0.9)).toBe(5);
  });

  it('credits the value whose tickets now run past the old p90', () => {
    const hours = (count: number, from: number) => Array.from({ length: count }, (_, i) => from + i * 0.1);
    // Before: 10 h was about the p90 for everyone. After: printers take 20 h and more, the rest as before.
    const before = [
      { value: 'printers', durations: hours(50, 1) },
      { value: 'network', durations: hours(50, 1) },
    ];
    const after = [
      { value: 'printers', durations: [...hours(30, 1), ...hours(20, 20)] },
      { value: 'network', durations: hours(50, 1) },
    ];
    const result = explainPercentileChange(before, after);
    expect(result.before).toBeCloseTo(percentile([...hours(50, 1), ...hours(50, 1)], 0.9), 12);
    expect(result.after).toBeGreaterThan(20);
    expect(result.change).toBeCloseTo(result.after - result.before, 12);
    expect(result.exceedanceBefore).toBeCloseTo(0.1, 2);
    expect(result.exceedanceAfter).toBeGreaterThan(0.2);
    expect(result.drivers[0]!.value).toBe('printers');
    expect(result.drivers[0]!.share).toBeGreaterThan(0.9);
    expect(result.drivers[0]!.rateEffect).toBeGreaterThan(0);
  });
});
