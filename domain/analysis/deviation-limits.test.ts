import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/support/deviation-series.js';
import { individualsLimits, laneySigmaZ, proportionLimits } from './deviation-limits.js';
import { sigmaFromMovingRanges, widenedLimit, wilsonInterval } from './deviation-statistics.js';

describe('σ from moving ranges', () => {
  it('is the average moving range over 1.128 (screening bias put back), by hand', () => {
    // Ranges 2, 1, 4, 2: average 2.25, none above 3.27 × 2.25.
    expect(sigmaFromMovingRanges([10, 12, 11, 15, 13])).toBeCloseTo(2.25 / 1.128 / 0.985, 12);
  });

  it('leaves out the two ranges of a past spike, so it does not widen the limits', () => {
    const withSpike = [10, 12, 11, 13, 12, 11, 12, 40, 12, 11, 12, 13];
    // Ranges 2 1 2 1 1 1 28 28 1 1 1: average 6.09, screen 19.9; the nine kept add up to 11.
    expect(sigmaFromMovingRanges(withSpike)).toBeCloseTo(11 / 9 / 1.128 / 0.985, 12);
  });
});

describe('limits widened for an estimated σ', () => {
  it("are Student's quantile with the nominal limit's tail", () => {
    // t(10) two-sided 5 %: 2.228139 (SciPy).
    expect(widenedLimit(1.959964, 10)).toBeCloseTo(2.228139, 4);
    expect(widenedLimit(3, 1e6)).toBe(3);
    expect(widenedLimit(3, 5)).toBeGreaterThan(widenedLimit(3, 20));
  });

  it('individuals limits sit at centre ± k σ, k from the ranges σ was measured on', () => {
    const limits = individualsLimits(50, 2, 22);
    expect(limits.limitInSigma).toBeCloseTo(widenedLimit(3, 0.55 * 22), 12);
    expect(limits.upper - 50).toBeCloseTo(limits.limitInSigma * 2, 12);
    expect(50 - limits.lower).toBeCloseTo(limits.limitInSigma * 2, 12);
  });
});

describe('Wilson intervals and Laney p′ limits', () => {
  it('Wilson: 8 of 10 at 95 % is 0.490 – 0.943', () => {
    const interval = wilsonInterval(8, 10, 1.959964);
    expect(interval.lower).toBeCloseTo(0.4902, 4);
    expect(interval.upper).toBeCloseTo(0.9433, 4);
  });

  it('keeps binomial limits when months vary no more than sampling does (σ_z floored at 1)', () => {
    const calm = Array.from({ length: 12 }, () => ({ n: 100, successes: 70, expected: 0.7 }));
    expect(laneySigmaZ(calm).sigmaZ).toBe(1);
    const limits = proportionLimits(calm, 0.7, { n: 100, successes: 70 });
    expect(limits.limitInSigma).toBe(3);
    expect(limits.upper).toBeCloseTo(0.7 + 3 * Math.sqrt(0.21 / 100), 12);
    expect(limits.lower).toBeCloseTo(0.7 - 3 * Math.sqrt(0.21 / 100), 12);
  });

  it('widens by σ_z when months vary more than sampling explains (thousands of tickets)', () => {
    const overDispersed = [0.7, 0.74, 0.68, 0.73, 0.66, 0.71, 0.75, 0.69, 0.72, 0.67].map((p) => ({
      n: 5000,
      successes: p * 5000,
      expected: 0.7,
    }));
    const { sigmaZ } = laneySigmaZ(overDispersed);
    expect(sigmaZ).toBeGreaterThan(3);
    const limits = proportionLimits(overDispersed, 0.7, { n: 5000, successes: 3600 });
    // A plain p-chart would put 0.72 (3.1 binomial σ) outside; Laney keeps it inside.
    expect(0.7 + 3 * Math.sqrt(0.21 / 5000)).toBeLessThan(0.72);
    expect(limits.upper).toBeGreaterThan(0.72);
  });

  it('puts a month outside its limits exactly when the expectation is outside its Wilson interval', () => {
    const random = seededRandom(3);
    const history = Array.from({ length: 12 }, () => {
      const n = 50 + Math.floor(random() * 400);
      return { n, successes: Math.round(n * (0.6 + 0.1 * random())), expected: 0.65 };
    });
    for (let i = 0; i < 300; i++) {
      const n = 20 + Math.floor(random() * 500);
      const successes = Math.floor(random() * (n + 1));
      const limits = proportionLimits(history, 0.65, { n, successes });
      const outside = successes / n < limits.lower || successes / n > limits.upper;
      const excluded = 0.65 < limits.observedInterval.lower || 0.65 > limits.observedInterval.upper;
      expect(outside).toBe(excluded);
    }
  });
});
