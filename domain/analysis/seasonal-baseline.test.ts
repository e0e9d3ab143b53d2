import { describe, expect, it } from 'vitest';
import { gaussian, seededRandom } from '../../test/support/deviation-series.js';
import { monthIndex } from './deviation-series.js';
import { robustLevel, seasonalBaseline, seasonalOffset } from './seasonal-baseline.js';

const JANUARY_2023 = monthIndex('2023-01');
const AUGUST = 7;

/** Log volumes around 5 with a little noise, and every August 0.4 lower (the holidays). */
function augustDip(months: number, seed = 1) {
  const random = seededRandom(seed);
  return Array.from({ length: months }, (_, i) => {
    const index = JANUARY_2023 + i;
    return { index, x: 5 + 0.02 * gaussian(random) + (index % 12 === AUGUST ? -0.4 : 0) };
  });
}

describe('the seasonal offset', () => {
  it("is last August's dip against its surroundings", () => {
    const history = augustDip(20); // January 2023 – August 2024, so August 2023 is in it once
    expect(seasonalOffset(history.slice(0, 19), AUGUST, 0.03)).toBeCloseTo(-0.4, 1);
  });

  it('is none before 13 months: there is no same month last year', () => {
    expect(seasonalOffset(augustDip(12), AUGUST, 0.03)).toBe(0);
  });

  it('is none for a month that stood out by no more than noise', () => {
    const random = seededRandom(7);
    const noise = Array.from({ length: 30 }, (_, i) => ({ index: JANUARY_2023 + i, x: 5 + 0.05 * gaussian(random) }));
    const sigma = 0.05;
    const offsets = Array.from({ length: 12 }, (_, month) => seasonalOffset(noise, month, sigma));
    expect(offsets.filter((offset) => offset !== 0).length).toBeLessThanOrEqual(1);
  });

  it('never uses a month as its own season', () => {
    const history = augustDip(13);
    // August 2023 is the only August: without itself it has no season.
    expect(seasonalOffset(history, AUGUST, 0.03, undefined, monthIndex('2023-08'))).toBe(0);
  });
});

describe('the seasonal baseline', () => {
  it('expects this August at the level plus last years’ dip, and the other months at the level', () => {
    const history = augustDip(31); // through July 2025
    const august = seasonalBaseline(history, monthIndex('2025-08'), 6, 6);
    expect(august.level).toBeCloseTo(5, 1);
    expect(august.expected).toBeCloseTo(4.6, 1);
    const september = seasonalBaseline(history, monthIndex('2025-09'), 6, 6);
    expect(september.targetOffset).toBe(0);
    // The dips are taken out of the history before σ is measured, so σ is the noise's.
    expect(august.sigma).toBeLessThan(0.05);
  });

  it('takes a level from the ordinary months, not a past spike', () => {
    expect(robustLevel([10, 11, 9, 10, 30, 10], 1).level).toBeCloseTo(10, 12);
  });
});

describe("the seasonal offset's error", () => {
  it('is none without an offset, and shrinks as more years measure the offset', () => {
    const history = augustDip(31); // through July 2025: two Augusts
    expect(seasonalBaseline(history, monthIndex('2025-09'), 6, 6).targetOffsetVariance).toBe(0);
    const twoYears = seasonalBaseline(history, monthIndex('2025-08'), 6, 6).targetOffsetVariance;
    const oneYear = seasonalBaseline(augustDip(19), monthIndex('2024-08'), 6, 6).targetOffsetVariance;
    expect(twoYears).toBeGreaterThan(0);
    expect(oneYear).toBeGreaterThan(twoYears);
  });
});
