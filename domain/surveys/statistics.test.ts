import { describe, expect, it } from 'vitest';
import {
  lnGamma,
  normalCdf,
  regularizedBeta,
  sampleOf,
  studentTwoSidedP,
  twoProportionZTest,
  welchTTest,
} from './statistics.js';

// Reference values from SciPy 1.17 (scipy.stats.norm, t, ttest_ind with equal_var=False).
describe('survey statistics', () => {
  it('the normal distribution function', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249979, 6);
  });

  it("Student's t, two-sided", () => {
    expect(studentTwoSidedP(2.228, 10)).toBeCloseTo(0.0500118, 6);
    // With one degree of freedom t is Cauchy: P(|T| > 1) is exactly one half.
    expect(studentTwoSidedP(1, 1)).toBeCloseTo(0.5, 9);
    expect(studentTwoSidedP(3.5, 2.5)).toBeCloseTo(0.0523455, 6);
    expect(studentTwoSidedP(0, 7)).toBeCloseTo(1, 9);
  });

  it('the special functions behind it', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
    expect(regularizedBeta(0.5, 2, 2)).toBeCloseTo(0.5, 10);
    // I_x(1, 1) = x
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 10);
  });

  it("Welch's t-test", () => {
    const equalSpread = welchTTest(sampleOf([1, 2, 3, 4, 5]), sampleOf([3, 4, 5, 6, 7]));
    expect(equalSpread.t).toBeCloseTo(2, 10);
    expect(equalSpread.df).toBeCloseTo(8, 10);
    expect(equalSpread.p).toBeCloseTo(0.0805162, 6);

    const uneven = welchTTest(
      sampleOf([3, 2, 4, 3, 1, 2, 3, 4, 2, 3, 3]),
      sampleOf([5, 4, 4, 3, 2, 5, 5, 4, 3, 4, 5, 2, 4]),
    );
    expect(uneven.t).toBeCloseTo(2.7785847, 6);
    expect(uneven.df).toBeCloseTo(21.9984625, 5);
    expect(uneven.p).toBeCloseTo(0.0109554, 6);
  });

  it('the two-proportion z-test', () => {
    const { z, p } = twoProportionZTest(60, 100, 75, 100);
    expect(z).toBeCloseTo(2.2645541, 6);
    expect(p).toBeCloseTo(0.0235401, 6);
  });

  it('says nothing when the samples cannot tell', () => {
    expect(welchTTest(sampleOf([4]), sampleOf([5, 5])).p).toBeNaN();
    expect(twoProportionZTest(0, 0, 3, 5).p).toBeNaN();
    // Everyone answered the same both times: no spread, no difference.
    expect(welchTTest(sampleOf([4, 4, 4]), sampleOf([4, 4])).p).toBe(1);
  });
});
