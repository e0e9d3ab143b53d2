import { describe, expect, it } from 'vitest';
import { gaussian, seededRandom } from '../../test/support/deviation-series.js';
import { assessLatestMonth, detectDeviations, ewmaOf } from './deviation-drift.js';
import { type MonthlyPoint, monthOfIndex } from './deviation-series.js';

const START = 2024 * 12; // January 2024

/** A series from values, 200 tickets a month unless told. */
function series(values: readonly number[], n = 200): MonthlyPoint[] {
  return values.map((value, i) => ({ month: monthOfIndex(START + i), value, n }));
}

function noisy(seed: number, months: number, level: number, sigma: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: months }, () => level + sigma * gaussian(random));
}

describe('the EWMA', () => {
  it('weighs the newest month by λ, with the exact time-varying limit', () => {
    const { value, limit } = ewmaOf([1, 1, 1], 0.2, 2.7);
    expect(value).toBeCloseTo(1 - 0.8 ** 3, 12);
    expect(limit).toBeCloseTo(2.7 * Math.sqrt((0.2 / 1.8) * (1 - 0.8 ** 6)), 12);
  });

  it("widens by the level's error, which every residual shares", () => {
    expect(ewmaOf([0, 0, 0], 0.2, 2.7, 0.1).limit).toBeGreaterThan(ewmaOf([0, 0, 0], 0.2, 2.7).limit);
  });
});

describe('detectDeviations', () => {
  it('finds a planted level shift and words it by the better direction', () => {
    const values = noisy(1, 30, 4.3, 0.05);
    for (let i = 25; i < 30; i++) values[i] = (values[i] as number) - 0.2; // CSAT 4σ lower for five months
    const [deviation] = detectDeviations(series(values), { kind: 'mean', better: 'up' });
    expect(deviation).toMatchObject({ direction: 'worse', month: '2026-06' });
    expect(deviation!.observed).toBe(values[29]);
    expect(deviation!.expected).toBeCloseTo(4.3, 1);
    expect(deviation!.observed).toBeLessThan(deviation!.expected);
    // The same move is good news for an indicator where down is better.
    expect(detectDeviations(series(values), { kind: 'mean', better: 'down' })[0]?.direction).toBe('better');
  });

  it('finds a slow drift that no single month shows as a jump', () => {
    const values = noisy(2, 30, Math.log(600), 0.08).map(Math.exp); // p90 resolution time, minutes
    // Up 3 % more each month for ten months: 0.375 σ a month, 3.75 σ at the end.
    for (let k = 0; k < 10; k++) values[20 + k] = (values[20 + k] as number) * Math.exp(0.03 * (k + 1));
    const assessment = assessLatestMonth(series(values), { kind: 'duration', better: 'down' });
    expect(assessment.status).toBe('deviation');
    if (assessment.status !== 'deviation') return;
    expect(assessment.deviation).toMatchObject({ kind: 'drift', direction: 'worse' });
    expect(assessment.deviation.observed).toBeLessThan(assessment.deviation.limits.upper);
    expect(Math.abs(assessment.deviation.ewma.value)).toBeGreaterThan(assessment.deviation.ewma.limit);
  });

  it('stays quiet on stable noisy series of every kind', () => {
    const random = seededRandom(11);
    let alarms = 0;
    for (let s = 0; s < 100; s++) {
      const n = 30 + Math.floor(random() * 300);
      const mean = series(noisy(100 + s, 24, 4.2, 0.9 / Math.sqrt(n)), n);
      const proportion = Array.from({ length: 24 }, (_, i) => {
        const successes = Math.round(n * 0.7 + Math.sqrt(n * 0.21) * gaussian(random));
        return { month: monthOfIndex(START + i), value: successes / n, n, successes };
      });
      alarms += detectDeviations(mean, { kind: 'mean', better: 'up' }).length;
      alarms += detectDeviations(proportion, { kind: 'proportion', better: 'up' }).length;
    }
    expect(alarms).toBeLessThanOrEqual(4); // of 200 series, the bench's 2 % goal
  });

  it('never alarms on a handful of tickets', () => {
    const values = noisy(3, 24, 4.3, 0.05);
    values[23] = 1.5; // a disastrous month… of five answers
    const points = series(values);
    points[23] = { ...points[23]!, n: 5 };
    expect(assessLatestMonth(points, { kind: 'mean', better: 'up' })).toEqual({
      status: 'insufficient',
      month: '2025-12',
      reason: 'small-sample',
    });
    // Nor on months of few tickets behind it: they are not history.
    const thin = series(noisy(4, 24, 4.3, 0.5), 8);
    thin[23] = { ...thin[23]!, value: 1, n: 200 };
    expect(assessLatestMonth(thin, { kind: 'mean', better: 'up' })).toMatchObject({ reason: 'short-history' });
  });

  it('is quiet on a seasonal dip that repeats last year’s, and flags the same dip without one', () => {
    const random = seededRandom(5);
    // Monthly volume around 400, down to about 250 every August (index 7, 19, 31).
    const volumes = Array.from({ length: 32 }, (_, i) =>
      Math.round(400 * Math.exp(0.05 * gaussian(random) + (i % 12 === 7 ? -0.45 : 0))),
    );
    const counts = (values: number[]) =>
      values.map((value, i) => ({ month: monthOfIndex(START + i), value, n: value }));
    expect(detectDeviations(counts(volumes), { kind: 'count', better: 'down' })).toEqual([]);

    const noHistoryOfIt = volumes.map((value, i) =>
      i % 12 === 7 && i < 31 ? Math.round(value * Math.exp(0.45)) : value,
    );
    const [deviation] = detectDeviations(counts(noHistoryOfIt), { kind: 'count', better: 'down' });
    expect(deviation).toMatchObject({ kind: 'shift', direction: 'better', month: '2026-08' });
  });

  it('prorates a count by the business days gone by, and nothing else', () => {
    const random = seededRandom(6);
    // A year of history: no season yet, so the expectation is the level alone.
    const volumes = Array.from({ length: 12 }, () => Math.round(400 * Math.exp(0.05 * gaussian(random))));
    const soFar = (value: number) => [
      ...volumes.map((v, i) => ({ month: monthOfIndex(START + i), value: v, n: v })),
      { month: '2025-01', value, n: value },
    ];
    const halfway = { businessDaysElapsed: 10, businessDaysInMonth: 20 };
    expect(detectDeviations(soFar(205), { kind: 'count', better: 'down', monthSoFar: halfway })).toEqual([]);
    const [rush] = detectDeviations(soFar(400), { kind: 'count', better: 'down', monthSoFar: halfway });
    expect(rush).toMatchObject({ direction: 'worse' });
    const closed = assessLatestMonth(soFar(400), { kind: 'count', better: 'down' });
    expect(closed.status).toBe('quiet'); // 400 in a whole month is ordinary
    if (closed.status === 'quiet') expect(rush!.expected).toBeCloseTo(closed.expected / 2, 9);
    // A mean is not prorated: half a month of CSAT is expected at the same level.
    const csat = series(noisy(7, 25, 4.3, 0.05));
    const assessment = assessLatestMonth(csat, { kind: 'mean', better: 'up', monthSoFar: halfway });
    expect(assessment.status).toBe('quiet');
    if (assessment.status === 'quiet') expect(assessment.expected).toBeCloseTo(4.3, 1);
  });
});
