/**
 * Whether the latest month of an indicator's series deviates: a one-month jump outside the control
 * limits (`shift`), or a sustained change caught on the recent months by the CUSUM, the EWMA or the
 * run rules (`drift`), each against the seasonal expectation and worded by the indicator's better direction.
 */
import { individualsLimits, type Limits, MINIMUM_SAMPLE, proportionLimits } from './deviation-limits.js';
import {
  type BetterDirection,
  fromChartScale,
  type IndicatorKind,
  type MonthlyPoint,
  monthIndex,
  toChartScale,
} from './deviation-series.js';
import { movingRangeDegreesOfFreedom, widenedLimit } from './deviation-statistics.js';
import { cusumSignal, runRuleSignal, WESTERN_ELECTRIC_RULES } from './deviation-sustained.js';
import { type ChartPoint, seasonalBaseline } from './seasonal-baseline.js';

export interface DetectionOptions {
  kind: IndicatorKind;
  better: BetterDirection;
  /** Tickets the month needs (for a count, expected so far) before it can deviate. */
  minTicketsInMonth?: number;
  /** Months of history, each with the minimum sample, before anything is flagged. */
  minHistoryMonths?: number;
  /** The newest months kept out of the baseline level (see seasonalBaseline). */
  recentMonths?: number;
  /**
   * The one-month jump limit, in σ before widening for an estimated σ: 2.8. The four rules' false
   * alarms add up: with the EWMA at 2.7 and the CUSUM at 5.5 they alarm on 1.1–1.8 % of stable
   * generated series (bench, seeds 1–5), about 0.4 % each, inside the 2 % budget.
   */
  jumpLimit?: number;
  /** EWMA weight of the newest month: 0.2 remembers about the last half year. */
  ewmaLambda?: number;
  /** EWMA limit, in the EWMA's own σ (level error included): Lucas and Saccucci's 2.7 with λ = 0.2. */
  ewmaLimit?: number;
  /** CUSUM reference value k, in σ: ½, tuned to a 1σ shift. */
  cusumSlack?: number;
  /**
   * CUSUM decision interval h, in σ before widening: 5.5, above the textbook 4–5 because the
   * residuals share the level's error and σ is estimated; at 4.5 the CUSUM alone alarmed on 1.9 %.
   */
  cusumLimit?: number;
  /** Whether the Western Electric run rules are applied. */
  runRules?: boolean;
  /** Whether the CUSUM is applied. */
  cusum?: boolean;
  /** Whether the EWMA is applied. */
  ewma?: boolean;
  /** The month so far: only a count's expectation is prorated, since only a count adds up by day. */
  monthSoFar?: { businessDaysElapsed: number; businessDaysInMonth: number };
}

/** Which rule found the deviation: one month's jump, or a sustained change by the EWMA, the CUSUM or the run rules. */
export type DetectionRule = 'jump' | 'ewma' | 'cusum' | 'runs';

export interface Deviation {
  /** `shift` for a one-month jump, `drift` for a sustained change (EWMA, CUSUM or run rules). */
  kind: 'shift' | 'drift';
  rule: DetectionRule;
  direction: 'worse' | 'better';
  month: string;
  observed: number;
  expected: number;
  /** The month's control limits on the indicator's own scale. */
  limits: Limits;
  /** How far the month stands from its expectation, in σ (signed, up is positive). */
  sigmas: number;
  /** The EWMA of the recent months' standardized residuals at this month, and its limit. */
  ewma: { value: number; limit: number };
}

export type Assessment =
  | { status: 'insufficient'; month: string; reason: 'small-sample' | 'short-history' | 'no-variation' }
  | { status: 'quiet'; month: string; expected: number; limits: Limits; sigmas: number }
  | { status: 'deviation'; deviation: Deviation };

/**
 * The EWMA of standardized `residuals` from 0, and its limit at the last point: the exact,
 * time-varying σ of the EWMA, plus the error of the level every residual was measured from
 * (`levelVariance`, in σ²). That error does not average out (it is the same in every residual) and
 * with a short baseline it is larger than the EWMA's own noise: leaving it out alarmed on stable series.
 */
export function ewmaOf(residuals: readonly number[], lambda: number, limit: number, levelVariance = 0) {
  let value = 0;
  for (const residual of residuals) value = lambda * residual + (1 - lambda) * value;
  const steps = residuals.length;
  const weight = 1 - (1 - lambda) ** steps;
  const variance = (lambda / (2 - lambda)) * (1 - (1 - lambda) ** (2 * steps)) + levelVariance * weight * weight;
  return { value, limit: limit * Math.sqrt(variance) };
}

/** The variance, in σ², of the level as a mean of `months` months. */
export function levelVarianceOfMean(months: number): number {
  return months > 0 ? 1 / months : 0;
}

function resolved(options: DetectionOptions) {
  return {
    minTickets: options.minTicketsInMonth ?? MINIMUM_SAMPLE.ticketsInMonth,
    minHistory: options.minHistoryMonths ?? MINIMUM_SAMPLE.historyMonths,
    // Nine months out of the baseline: a change that began three quarters ago is still a change.
    recentMonths: options.recentMonths ?? 9,
    jumpLimit: options.jumpLimit ?? 2.8,
    lambda: options.ewmaLambda ?? 0.2,
    ewmaLimit: options.ewmaLimit ?? 2.7,
    cusumSlack: options.cusumSlack ?? 0.5,
    cusumLimit: options.cusumLimit ?? 5.5,
    runRules: options.runRules ?? true,
    cusum: options.cusum ?? true,
    ewma: options.ewma ?? true,
  };
}

/** The share of the month's business days gone by; 1 for a closed month. */
function elapsedShare(options: DetectionOptions): number {
  const soFar = options.monthSoFar;
  if (!soFar || soFar.businessDaysInMonth <= 0) return 1;
  return Math.min(1, Math.max(0, soFar.businessDaysElapsed / soFar.businessDaysInMonth));
}

/** The chart of the latest month: its standardized residual, the recent months' residuals, its limits. */
interface Chart {
  residual: number;
  recentResiduals: number[];
  /** The variance of the level's error, in σ² of one month. */
  levelVariance: number;
  /** The variance of the target month's seasonal offset, in σ²: its expectation's other error. */
  offsetVariance: number;
  jumpLimit: number;
  ewmaLimit: number;
  /** How much an estimated σ widens a nominal limit (1 when σ is known). */
  widening: number;
  expected: number;
  limits: Limits;
}

function proportionChart(
  history: MonthlyPoint[],
  target: MonthlyPoint,
  options: DetectionOptions,
): Chart | 'no-variation' {
  const settings = resolved(options);
  const points: ChartPoint[] = history.map((point) => ({ index: monthIndex(point.month), x: point.value }));
  const baseline = seasonalBaseline(points, monthIndex(target.month), settings.minHistory, settings.recentMonths);
  const clamp = (p: number) => Math.min(Math.max(p, 0.001), 0.999);
  const months = history.map((point, i) => ({
    n: point.n,
    successes: point.successes ?? point.value * point.n,
    expected: clamp(baseline.level + (baseline.offsets[i] as number)),
  }));
  const expected = clamp(baseline.expected);
  const successes = target.successes ?? target.value * target.n;
  const limits = proportionLimits(months, expected, { n: target.n, successes }, settings.jumpLimit);
  const z = (month: { n: number; successes: number; expected: number }) =>
    (month.successes / month.n - month.expected) /
    (limits.sigmaZ * Math.sqrt((month.expected * (1 - month.expected)) / month.n));
  const widening = limits.limitInSigma / settings.jumpLimit;
  return {
    residual: z({ n: target.n, successes, expected }),
    recentResiduals: months.slice(baseline.baselineCount).map(z),
    levelVariance: levelVarianceOfMean(baseline.levelMonths),
    offsetVariance: baseline.targetOffsetVariance,
    jumpLimit: limits.limitInSigma,
    ewmaLimit: settings.ewmaLimit * widening,
    widening,
    expected,
    limits: { lower: limits.lower, upper: limits.upper },
  };
}

function individualsChart(
  history: MonthlyPoint[],
  target: MonthlyPoint,
  options: DetectionOptions,
): Chart | 'no-variation' {
  const settings = resolved(options);
  const points: ChartPoint[] = history.map((point) => ({
    index: monthIndex(point.month),
    x: toChartScale(options.kind, point.value),
  }));
  const baseline = seasonalBaseline(points, monthIndex(target.month), settings.minHistory, settings.recentMonths);
  if (!(baseline.sigma > 0)) return 'no-variation';
  // A count so far is expected at the share of the month gone by: on the log scale, plus log(share).
  const proration = options.kind === 'count' ? Math.log(Math.max(elapsedShare(options), 1e-6)) : 0;
  const centre = baseline.expected + proration;
  const limits = individualsLimits(centre, baseline.sigma, baseline.ranges, settings.jumpLimit);
  const df = movingRangeDegreesOfFreedom(baseline.ranges);
  return {
    residual: (toChartScale(options.kind, target.value) - centre) / baseline.sigma,
    recentResiduals: baseline.adjusted.slice(baseline.baselineCount).map((x) => (x - baseline.level) / baseline.sigma),
    levelVariance: levelVarianceOfMean(baseline.levelMonths),
    offsetVariance: baseline.targetOffsetVariance,
    jumpLimit: limits.limitInSigma,
    ewmaLimit: widenedLimit(settings.ewmaLimit, df),
    widening: widenedLimit(settings.ewmaLimit, df) / settings.ewmaLimit,
    expected: fromChartScale(options.kind, centre),
    limits: { lower: fromChartScale(options.kind, limits.lower), upper: fromChartScale(options.kind, limits.upper) },
  };
}

/** Assesses the last month of `series` (oldest first) against the months before it. */
export function assessLatestMonth(series: readonly MonthlyPoint[], options: DetectionOptions): Assessment {
  const settings = resolved(options);
  const target = series[series.length - 1];
  if (!target) throw new RangeError('An empty series has no month to assess');
  const history = series.slice(0, -1).filter((point) => point.n >= settings.minTickets);
  if (history.length < settings.minHistory)
    return { status: 'insufficient', month: target.month, reason: 'short-history' };
  if (options.kind !== 'count' && target.n < settings.minTickets) {
    return { status: 'insufficient', month: target.month, reason: 'small-sample' };
  }
  const chart =
    options.kind === 'proportion'
      ? proportionChart(history, target, options)
      : individualsChart(history, target, options);
  if (chart === 'no-variation') return { status: 'insufficient', month: target.month, reason: 'no-variation' };
  // A count is judged on what was expected so far: a quiet month of 5 tickets never alarms, a collapse from 200 does.
  if (options.kind === 'count' && chart.expected < settings.minTickets) {
    return { status: 'insufficient', month: target.month, reason: 'small-sample' };
  }

  // The newest month's residual less its seasonal offset's error, for the rules that sum months.
  const newest = chart.residual / Math.sqrt(1 + chart.offsetVariance);
  const ewma = ewmaOf([...chart.recentResiduals, newest], settings.lambda, chart.ewmaLimit, chart.levelVariance);
  // The month's own noise plus its expectation's: a prediction limit rather than a known-centre one.
  const jumped = Math.abs(chart.residual) > chart.jumpLimit * Math.sqrt(1 + chart.levelVariance + chart.offsetVariance);
  const sustained = sustainedRule(chart, newest, ewma, settings);
  if (!jumped && !sustained) {
    return {
      status: 'quiet',
      month: target.month,
      expected: chart.expected,
      limits: chart.limits,
      sigmas: chart.residual,
    };
  }
  const up = jumped ? chart.residual > 0 : (sustained?.up ?? false);
  return {
    status: 'deviation',
    deviation: {
      kind: jumped ? 'shift' : 'drift',
      rule: jumped ? 'jump' : (sustained?.rule ?? 'jump'),
      direction: up === (options.better === 'up') ? 'better' : 'worse',
      month: target.month,
      observed: target.value,
      expected: chart.expected,
      limits: chart.limits,
      sigmas: chart.residual,
      ewma,
    },
  };
}

/**
 * The first sustained-change rule that fires at the newest month. A drift needs a few months to be
 * one, and the newest month on its side. The CUSUM and run rules read the residuals widened for an
 * estimated σ and for the level's error, which every residual shares.
 */
function sustainedRule(
  chart: Chart,
  newest: number,
  ewma: { value: number; limit: number },
  settings: ReturnType<typeof resolved>,
): { rule: DetectionRule; up: boolean } | undefined {
  const residuals = [...chart.recentResiduals, newest];
  if (chart.recentResiduals.length < 2) return undefined;
  const scale = chart.widening * Math.sqrt(1 + chart.levelVariance);
  const cusum = !settings.cusum
    ? 0
    : cusumSignal(
        residuals.map((r) => r / scale),
        settings.cusumSlack,
        settings.cusumLimit,
      );
  if (cusum !== 0) return { rule: 'cusum', up: cusum > 0 };
  if (settings.ewma && Math.abs(ewma.value) > ewma.limit && Math.sign(ewma.value) === Math.sign(newest)) {
    return { rule: 'ewma', up: ewma.value > 0 };
  }
  const runs = settings.runRules ? runRuleSignal(residuals, WESTERN_ELECTRIC_RULES, scale) : 0;
  if (runs !== 0) return { rule: 'runs', up: runs > 0 };
  return undefined;
}

/** The deviations of the series' last month: none, or one shift or drift. */
export function detectDeviations(series: readonly MonthlyPoint[], options: DetectionOptions): Deviation[] {
  const assessment = assessLatestMonth(series, options);
  return assessment.status === 'deviation' ? [assessment.deviation] : [];
}
