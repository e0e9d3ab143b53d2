/**
 * The expectation for a month, aware of seasonality. A month is expected at the series' robust level
 * (the mean of its baseline months once those beyond 3 σ of their median are set aside) plus a seasonal offset: how far the same calendar month stood
 * from its own surroundings in earlier years. A dip that repeats last year's is then expected, not news.
 *
 * Everything here is on the chart scale (the logarithm for durations and counts, see deviation-series.ts).
 */
import { calendarMonthOf } from './deviation-series.js';
import { median, sigmaFromMovingRanges } from './deviation-statistics.js';

/** A month of history on the chart scale. */
export interface ChartPoint {
  index: number;
  x: number;
}

export interface SeasonalOptions {
  /** Months on each side that make a month's surroundings: six, half a year, so a quarter-long season still stands out. */
  surroundingMonths: number;
  /** Below this many neighbours a month's surroundings are not known well enough to measure it against. */
  minSurroundings: number;
  /**
   * An offset is kept only in the part that exceeds noise: it is shrunk by (1 − (k·se / offset)²)
   * and dropped below k standard errors. One noisy month last year must not move this year's
   * expectation, or every month would be compared with two noises instead of one.
   */
  shrinkage: number;
}

export const DEFAULT_SEASONAL_OPTIONS: SeasonalOptions = { surroundingMonths: 6, minSurroundings: 4, shrinkage: 2 };

/** How far month `j` stood from the median of its surroundings (NaN when they are too few). */
function standOut(history: readonly ChartPoint[], j: number, options: SeasonalOptions): number {
  const point = history[j] as ChartPoint;
  const neighbours = history
    .filter((other, k) => k !== j && Math.abs(other.index - point.index) <= options.surroundingMonths)
    .map((other) => other.x);
  return neighbours.length < options.minSurroundings ? Number.NaN : point.x - median(neighbours);
}

/**
 * The seasonal offset of `calendarMonth` from the history's months of that calendar month (but the
 * month at `excludeIndex`, so a month is never its own season). Zero until the history spans 13
 * months: with less there is no "same month last year".
 */
export function seasonalOffset(
  history: readonly ChartPoint[],
  calendarMonth: number,
  sigma: number,
  options: SeasonalOptions = DEFAULT_SEASONAL_OPTIONS,
  excludeIndex?: number,
): number {
  return measuredOffset(history, calendarMonth, sigma, options, excludeIndex).offset;
}

/**
 * The offset and the variance of its error, in σ²: an offset measured on one year carries that
 * year's noise into every month it is added to, so a month expected with an offset is expected less
 * precisely than one expected at the level alone.
 */
export function measuredOffset(
  history: readonly ChartPoint[],
  calendarMonth: number,
  sigma: number,
  options: SeasonalOptions = DEFAULT_SEASONAL_OPTIONS,
  excludeIndex?: number,
): { offset: number; variance: number } {
  const none = { offset: 0, variance: 0 };
  if (history.length === 0 || !(sigma > 0)) return none;
  const span = (history[history.length - 1] as ChartPoint).index - (history[0] as ChartPoint).index + 1;
  if (span < 13) return none;
  const standOuts: number[] = [];
  history.forEach((point, j) => {
    if (point.index === excludeIndex || calendarMonthOf(point.index) !== calendarMonth) return;
    const value = standOut(history, j, options);
    if (!Number.isNaN(value)) standOuts.push(value);
  });
  if (standOuts.length === 0) return none;
  const mean = standOuts.reduce((sum, value) => sum + value, 0) / standOuts.length;
  // The stand-out of one month is its own noise plus a little of its surroundings' median.
  const standardError = (sigma * 1.06) / Math.sqrt(standOuts.length);
  const kept = 1 - (options.shrinkage * standardError) ** 2 / (mean * mean);
  if (kept <= 0) return none;
  return { offset: mean * kept, variance: ((kept * standardError) / sigma) ** 2 };
}

export interface SeasonalBaseline {
  /** The robust level: the mean of the deseasonalized baseline months within 3 σ of their median. */
  level: number;
  /** How many baseline months the level is the mean of. */
  levelMonths: number;
  /** σ of the month-to-month variation of the deseasonalized history (screened moving ranges). */
  sigma: number;
  /** How many moving ranges σ was measured on. */
  ranges: number;
  /** Each history month's seasonal offset, measured on the other years. */
  offsets: number[];
  /** Each history month less its offset. */
  adjusted: number[];
  /** How many of the first history months make the baseline; the rest are the recent months. */
  baselineCount: number;
  /** The target month's offset and its expectation, level + offset. */
  targetOffset: number;
  /** The variance of the target offset's error, in σ² of one month (0 without an offset). */
  targetOffsetVariance: number;
  expected: number;
}

/**
 * The baseline of a target month from its history (months before it, oldest first). The newest
 * `recentMonths` stay out of the level when the history is long enough, so that a change that began
 * a few months ago is still measured against what came before it rather than becoming its own
 * expectation; they still count for σ, which one step hardly moves.
 */
export function seasonalBaseline(
  history: readonly ChartPoint[],
  targetIndex: number,
  minHistoryMonths: number,
  recentMonths: number,
  options: SeasonalOptions = DEFAULT_SEASONAL_OPTIONS,
): SeasonalBaseline {
  // The offsets are measured with σ of the raw series, which their own steps inflate: a
  // conservative σ, so an offset is kept only when it clearly exceeds noise. σ for the limits is then
  // measured on the series less its offsets (the deseasonalised residuals). Measuring the offsets
  // again with that smaller σ, or in-sample, was tried on the bench: it keeps noise as season and
  // doubled the false alarms of short seasonal series.
  const rawSigma = sigmaFromMovingRanges(history.map((point) => point.x));
  const offsets = history.map((point) =>
    seasonalOffset(history, calendarMonthOf(point.index), rawSigma, options, point.index),
  );
  const adjusted = history.map((point, i) => point.x - (offsets[i] as number));
  const sigma = sigmaFromMovingRanges(adjusted);
  const baselineCount = Math.max(minHistoryMonths, history.length - recentMonths);
  const { level, months: levelMonths } = robustLevel(adjusted.slice(0, baselineCount), sigma);
  const target = measuredOffset(history, calendarMonthOf(targetIndex), rawSigma, options);
  const targetOffset = target.offset;
  return {
    level,
    levelMonths,
    sigma,
    ranges: Math.max(0, adjusted.length - 1),
    offsets,
    adjusted,
    baselineCount: Math.min(baselineCount, history.length),
    targetOffset,
    targetOffsetVariance: target.variance,
    expected: level + targetOffset,
  };
}

/**
 * The mean of the months within 3 σ of their median. The median alone would ignore a past spike
 * too, but measures the level with two thirds of the mean's precision, and the level's error is in
 * every month's residual: a mean of the ordinary months is both robust and precise.
 */
export function robustLevel(values: readonly number[], sigma: number): { level: number; months: number } {
  const centre = median(values);
  const kept = sigma > 0 ? values.filter((value) => Math.abs(value - centre) <= 3 * sigma) : [...values];
  if (kept.length === 0) return { level: centre, months: values.length };
  return { level: kept.reduce((sum, value) => sum + value, 0) / kept.length, months: kept.length };
}
