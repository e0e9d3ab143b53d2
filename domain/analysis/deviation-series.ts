/**
 * The monthly series a deviation test reads, and the scale each kind of indicator is tested on.
 * Pure: the server builds these from the monthly aggregates; the tests and the bench generate them.
 */

/**
 * How an indicator behaves, which decides its control chart:
 * - `mean`: an average of bounded scores (CSAT 1–5); individuals/moving-range chart on the value.
 * - `duration`: a duration statistic (median, p90 in business minutes); individuals chart on its
 *   logarithm, because durations are skewed and move by factors (9 h → 16 h), not by fixed hours.
 * - `count`: a monthly volume; also on the logarithm (a 30 % rise means the same at 100 and at
 *   10,000 tickets), and the only kind a month so far prorates, because only a count adds up by day.
 * - `proportion`: successes out of tickets (FCR, SLA met); a p-chart with Laney's correction.
 */
export type IndicatorKind = 'mean' | 'duration' | 'count' | 'proportion';

/** Which way is better for the indicator: `up` for FCR or CSAT, `down` for resolution time or reopens. */
export type BetterDirection = 'up' | 'down';

export interface MonthlyPoint {
  /** The month, `YYYY-MM`, in the agreement calendar's zone. */
  month: string;
  /** The indicator's value that month: the mean, the duration statistic, the count or the proportion. */
  value: number;
  /** The tickets (or answers) behind the value; for a count, the count itself. */
  n: number;
  /** For a proportion, the successes out of `n`; `value` is then `successes / n`. */
  successes?: number;
}

/** Months since year 0, so that gaps and "the same month last year" are plain arithmetic. */
export function monthIndex(month: string): number {
  const year = Number(month.slice(0, 4));
  const monthOfYear = Number(month.slice(5, 7));
  if (!/^\d{4}-\d{2}$/.test(month) || monthOfYear < 1 || monthOfYear > 12) {
    throw new RangeError(`A month is written YYYY-MM, not ${month}`);
  }
  return year * 12 + (monthOfYear - 1);
}

export function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** 0 for January … 11 for December. */
export function calendarMonthOf(index: number): number {
  return ((index % 12) + 12) % 12;
}

/** Whether the kind is tested on the logarithm of its value. */
export function isMultiplicative(kind: IndicatorKind): boolean {
  return kind === 'duration' || kind === 'count';
}

/**
 * The value on the scale the chart is drawn on. A zero duration or count is taken as half a unit,
 * so that its logarithm exists: a month with no tickets has no value anyway (the minimum sample).
 */
export function toChartScale(kind: IndicatorKind, value: number): number {
  return isMultiplicative(kind) ? Math.log(Math.max(value, 0.5)) : value;
}

export function fromChartScale(kind: IndicatorKind, value: number): number {
  return isMultiplicative(kind) ? Math.exp(value) : value;
}
