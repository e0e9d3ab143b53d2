/**
 * Control limits for one month of an indicator's series: individuals / moving-range (XmR) for means,
 * durations and counts; a p-chart with Laney's p′ correction for proportions. Both widen with a short
 * history (σ is then known poorly), and neither says anything below the minimum sample.
 */
import {
  movingRangeDegreesOfFreedom,
  sigmaFromMovingRanges,
  widenedLimit,
  wilsonInterval,
} from './deviation-statistics.js';

/** Below these nothing is flagged: a handful of tickets, or a few months of history, never alarm. */
export const MINIMUM_SAMPLE = { ticketsInMonth: 20, historyMonths: 6 } as const;

export interface Limits {
  lower: number;
  upper: number;
}

export interface ChartLimits extends Limits {
  /** The centre the limits are drawn around (the month's expectation). */
  centre: number;
  /** The standard deviation of one month around the centre, on the chart scale. */
  sigma: number;
  /** The limit in σ after widening for an estimated σ. */
  limitInSigma: number;
}

/**
 * Individuals limits around `centre`: ± `nominal`·σ, σ from the screened moving ranges measured on
 * `ranges` ranges, widened as a Student quantile for that estimate.
 */
export function individualsLimits(centre: number, sigma: number, ranges: number, nominal = 3): ChartLimits {
  const limitInSigma = widenedLimit(nominal, movingRangeDegreesOfFreedom(ranges));
  return { centre, sigma, limitInSigma, lower: centre - limitInSigma * sigma, upper: centre + limitInSigma * sigma };
}

/** One month of a proportion's history: its tickets, successes and what was expected of it. */
export interface ProportionMonth {
  n: number;
  successes: number;
  expected: number;
}

function binomialSigma(p: number, n: number): number {
  return Math.sqrt((clampProportion(p) * (1 - clampProportion(p))) / n);
}

/** An expectation of exactly 0 or 1 would make every other value infinitely unlikely. */
function clampProportion(p: number): number {
  return Math.min(Math.max(p, 0.001), 0.999);
}

/**
 * Laney's σ_z: the spread of the months' z-scores (each month against its own binomial σ), by the
 * screened moving ranges. Above 1 the months vary more than binomial sampling explains (the usual case
 * with thousands of tickets, where a plain p-chart alarms every month); it is never taken below 1,
 * because binomial sampling is the least variation a proportion can have and a σ_z under 1 on a
 * year of history is far likelier an estimate's luck than a real under-dispersion.
 */
export function laneySigmaZ(history: readonly ProportionMonth[]): { sigmaZ: number; ranges: number } {
  const z = history.map(
    (month) => (month.successes / month.n - month.expected) / binomialSigma(month.expected, month.n),
  );
  if (z.length < 2) return { sigmaZ: 1, ranges: 0 };
  return { sigmaZ: Math.max(1, sigmaFromMovingRanges(z)), ranges: z.length - 1 };
}

export interface ProportionLimits extends ChartLimits {
  sigmaZ: number;
  /** The observed month's Wilson interval at the same width: the expectation lies outside it exactly when the month is outside the limits. */
  observedInterval: Limits;
}

/**
 * Laney p′ limits for a month of `n` tickets expected at `expected`: expected ± k·σ_z·√(p(1 − p)/n).
 * When σ_z is the binomial floor it is known, not estimated, and the nominal limit stands.
 */
export function proportionLimits(
  history: readonly ProportionMonth[],
  expected: number,
  month: { n: number; successes: number },
  nominal = 3,
): ProportionLimits {
  const { sigmaZ, ranges } = laneySigmaZ(history);
  const limitInSigma = sigmaZ > 1 ? widenedLimit(nominal, movingRangeDegreesOfFreedom(ranges)) : nominal;
  const sigma = sigmaZ * binomialSigma(expected, month.n);
  return {
    centre: expected,
    sigma,
    sigmaZ,
    limitInSigma,
    lower: Math.max(0, expected - limitInSigma * sigma),
    upper: Math.min(1, expected + limitInSigma * sigma),
    observedInterval: wilsonInterval(month.successes, month.n, limitInSigma * sigmaZ),
  };
}
