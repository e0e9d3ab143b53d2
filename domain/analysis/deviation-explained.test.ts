import { describe, expect, it } from 'vitest';
import { binomial, gaussian, seededRandom } from '../../test/support/deviation-series.js';
import { explainPercentileChange, explainRateChange, type ValueDurations } from './contribution-analysis.js';
import { detectDeviations } from './deviation-drift.js';
import { type MonthlyPoint, monthOfIndex } from './deviation-series.js';

const START = 2024 * 12;
const CATEGORIES = ['printers', 'network', 'email', 'accounts', 'erp'] as const;
const MONTHS = 24;

/**
 * A desk's first-contact resolution by category for two years: each category its own rate and
 * volume, with month-to-month noise. In the last month printers' FCR collapses (a new model nobody
 * at L1 knows), while every other category carries on.
 */
function fcrByCategory(seed: number) {
  const random = seededRandom(seed);
  const rates = { printers: 0.8, network: 0.55, email: 0.75, accounts: 0.9, erp: 0.5 };
  const volumes = { printers: 150, network: 120, email: 200, accounts: 180, erp: 90 };
  return Array.from({ length: MONTHS }, (_, i) =>
    CATEGORIES.map((category) => {
      const n = Math.round(volumes[category] * (1 + 0.1 * gaussian(random)));
      const collapse = category === 'printers' && i === MONTHS - 1 ? -0.45 : 0;
      const p = rates[category] + collapse + 0.02 * gaussian(random);
      return { value: category, n, successes: binomial(random, n, p) };
    }),
  );
}

describe('a spike in one dimension value, found on the whole and explained by that value', () => {
  it('FCR: the organization’s rate falls, and printers is the driver, by its rate', () => {
    const months = fcrByCategory(8);
    const whole: MonthlyPoint[] = months.map((values, i) => {
      const n = values.reduce((sum, value) => sum + value.n, 0);
      const successes = values.reduce((sum, value) => sum + value.successes, 0);
      return { month: monthOfIndex(START + i), value: successes / n, n, successes };
    });
    const [deviation] = detectDeviations(whole, { kind: 'proportion', better: 'up' });
    expect(deviation).toMatchObject({ kind: 'shift', direction: 'worse', month: '2025-12' });

    // The last month against the year before it, pooled by category.
    const pooled = (slice: typeof months) =>
      CATEGORIES.map((category) => {
        const rows = slice.flat().filter((row) => row.value === category);
        const n = rows.reduce((sum, row) => sum + row.n, 0);
        return { value: category, n, rate: rows.reduce((sum, row) => sum + row.successes, 0) / n };
      });
    const explanation = explainRateChange(pooled(months.slice(MONTHS - 13, MONTHS - 1)), pooled(months.slice(-1)));
    const [top] = explanation.drivers;
    expect(top).toMatchObject({ value: 'printers' });
    expect(top!.share).toBeGreaterThan(0.8);
    expect(Math.abs(top!.rateEffect)).toBeGreaterThan(Math.abs(top!.mixEffect));
  });

  it('p90 resolution time: the organization’s p90 jumps, and printers holds most of the rise', () => {
    const random = seededRandom(9);
    const medians = { printers: 300, network: 600, email: 240, accounts: 120, erp: 900 };
    const month = (i: number): ValueDurations[] =>
      CATEGORIES.map((category) => {
        const slow = category === 'printers' && i === MONTHS - 1 ? 6 : 1;
        const durations = Array.from(
          { length: 120 },
          () => medians[category] * slow * Math.exp(0.8 * gaussian(random)),
        );
        return { value: category, durations };
      });
    const months = Array.from({ length: MONTHS }, (_, i) => month(i));
    const p90 = (values: ValueDurations[]) => {
      const all = values.flatMap((value) => [...value.durations]).sort((a, b) => a - b);
      return all[Math.floor(0.9 * (all.length - 1))] as number;
    };
    const whole = months.map((values, i) => ({ month: monthOfIndex(START + i), value: p90(values), n: 600 }));
    const [deviation] = detectDeviations(whole, { kind: 'duration', better: 'down' });
    expect(deviation).toMatchObject({ direction: 'worse', month: '2025-12' });

    const before = CATEGORIES.map((category) => ({
      value: category,
      durations: months
        .slice(MONTHS - 4, MONTHS - 1)
        .flatMap((values) => [...values.find((v) => v.value === category)!.durations]),
    }));
    const explanation = explainPercentileChange(before, months[MONTHS - 1]!);
    expect(explanation.change).toBeGreaterThan(0);
    expect(explanation.drivers[0]).toMatchObject({ value: 'printers' });
    expect(explanation.drivers[0]!.share).toBeGreaterThan(0.7);
  });
});
