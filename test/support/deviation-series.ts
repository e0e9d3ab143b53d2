/**
 * Generated monthly series for the deviation tests and bench: stable noisy ones (some seasonal, with
 * over-dispersion) and ones with a planted change at their end. Seeded, so every run sees the same series.
 * The detector is never told which is which; the generator knows nothing of the detector.
 */
import type { BetterDirection, IndicatorKind, MonthlyPoint } from '../../domain/analysis/deviation-series.js';
import { monthOfIndex } from '../../domain/analysis/deviation-series.js';
import { seededRandom } from './incident-noise.js';

export type Random = () => number;
export type PlantedKind = 'shift' | 'drift' | 'spike';

export interface Planted {
  kind: PlantedKind;
  /** Signed size at the last month, in σ of the series' month-to-month noise. */
  sigmas: number;
  /** Months the change has lasted at the last month (1 for a spike). */
  months: number;
}

export interface GeneratedSeries {
  kind: IndicatorKind;
  better: BetterDirection;
  seasonal: boolean;
  series: MonthlyPoint[];
  planted?: Planted;
  /** The month-to-month σ on the chart scale that seasonal and planted effects are multiples of. */
  sigma: number;
}

export function gaussian(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}

export function integerBetween(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** Binomial draws: exact for small samples, the normal approximation (rounded, clamped) for large. */
export function binomial(random: Random, n: number, p: number): number {
  if (n * p * (1 - p) < 25) {
    let successes = 0;
    for (let i = 0; i < n; i++) if (random() < p) successes++;
    return successes;
  }
  return Math.min(n, Math.max(0, Math.round(n * p + gaussian(random) * Math.sqrt(n * p * (1 - p)))));
}

export function poisson(random: Random, mean: number): number {
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = random();
    while (product > limit) {
      k++;
      product *= random();
    }
    return k;
  }
  return Math.max(0, Math.round(mean + gaussian(random) * Math.sqrt(mean)));
}

/**
 * A seasonal pattern on the chart scale, in σ: a gentle yearly wave and, for a seasonal series,
 * one or two calendar months that stand out by 2–4 σ every year (the summer dip, the January peak).
 */
function seasonalPattern(random: Random, seasonal: boolean): number[] {
  const pattern = new Array<number>(12).fill(0);
  if (!seasonal) return pattern;
  const amplitude = uniform(random, 0, 1);
  const phase = uniform(random, 0, 2 * Math.PI);
  for (let m = 0; m < 12; m++) pattern[m] = amplitude * Math.sin((2 * Math.PI * m) / 12 + phase);
  const standouts = integerBetween(random, 1, 2);
  for (let s = 0; s < standouts; s++) {
    const m = integerBetween(random, 0, 11);
    pattern[m] = (pattern[m] as number) + (random() < 0.5 ? -1 : 1) * uniform(random, 2, 4);
  }
  return pattern;
}

/** The planted change's size at each of the `length` months, in σ (zero before it starts). */
function plantedPath(planted: Planted | undefined, length: number): number[] {
  const path = new Array<number>(length).fill(0);
  if (!planted) return path;
  for (let k = 0; k < planted.months; k++) {
    const i = length - 1 - k;
    if (i < 0) break;
    // A drift grows linearly to its size at the last month; a shift and a spike are steps.
    path[i] = planted.kind === 'drift' ? (planted.sigmas * (planted.months - k)) / planted.months : planted.sigmas;
  }
  return path;
}

export interface SeriesRequest {
  kind: IndicatorKind;
  length: number;
  seasonal: boolean;
  planted?: Planted;
  /** First month, YYYY-MM index (months since year 0); default January 2024. */
  startIndex?: number;
}

/**
 * One series. σ is the total month-to-month standard deviation of the indicator on its chart scale
 * (sampling noise at the series' typical volume plus the extra month-to-month variation), and every
 * seasonal or planted effect is a multiple of it, so "a 2σ shift" means the same for every kind.
 */
export function generateSeries(random: Random, request: SeriesRequest): GeneratedSeries {
  const { kind, length } = request;
  const start = request.startIndex ?? 2024 * 12;
  const pattern = seasonalPattern(random, request.seasonal);
  const path = plantedPath(request.planted, length);
  const series: MonthlyPoint[] = [];
  const typicalN = Math.round(Math.exp(uniform(random, Math.log(40), Math.log(2000))));
  const ticketsIn = () => Math.max(20, Math.round(typicalN * uniform(random, 0.8, 1.2)));
  const effectAt = (i: number) => pattern[(start + i) % 12]! + path[i]!;

  if (kind === 'proportion') {
    const p0 = uniform(random, 0.55, 0.92);
    const extra = uniform(random, 0.05, 0.3) * p0 * (1 - p0); // over-dispersion, in proportion units
    const sigma = Math.sqrt((p0 * (1 - p0)) / typicalN + extra * extra);
    for (let i = 0; i < length; i++) {
      const n = ticketsIn();
      const p = Math.min(0.995, Math.max(0.005, p0 + effectAt(i) * sigma + gaussian(random) * extra));
      const successes = binomial(random, n, p);
      series.push({ month: monthOfIndex(start + i), value: successes / n, n, successes });
    }
    return { kind, better: 'up', seasonal: request.seasonal, series, planted: request.planted, sigma };
  }
  if (kind === 'count') {
    const level = Math.log(uniform(random, 60, 3000));
    const extra = uniform(random, 0.05, 0.15);
    const sigma = Math.sqrt(1 / Math.exp(level) + extra * extra);
    for (let i = 0; i < length; i++) {
      const count = poisson(random, Math.exp(level + effectAt(i) * sigma + gaussian(random) * extra));
      series.push({ month: monthOfIndex(start + i), value: count, n: count });
    }
    return { kind, better: 'down', seasonal: request.seasonal, series, planted: request.planted, sigma };
  }
  if (kind === 'mean') {
    const level = uniform(random, 3.8, 4.6);
    const extra = uniform(random, 0.02, 0.08);
    const perAnswer = 0.9;
    const sigma = Math.sqrt((perAnswer * perAnswer) / typicalN + extra * extra);
    for (let i = 0; i < length; i++) {
      const n = ticketsIn();
      const noise = gaussian(random) * Math.sqrt((perAnswer * perAnswer) / n + extra * extra);
      series.push({ month: monthOfIndex(start + i), value: level + effectAt(i) * sigma + noise, n });
    }
    return { kind, better: 'up', seasonal: request.seasonal, series, planted: request.planted, sigma };
  }
  // A duration percentile: its logarithm varies by the sampling noise of a p90 plus the month's own.
  const level = Math.log(uniform(random, 120, 3000));
  const extra = uniform(random, 0.04, 0.15);
  const sampling = 1.6;
  const sigma = Math.sqrt((sampling * sampling) / typicalN + extra * extra);
  for (let i = 0; i < length; i++) {
    const n = ticketsIn();
    const noise = gaussian(random) * Math.sqrt((sampling * sampling) / n + extra * extra);
    series.push({ month: monthOfIndex(start + i), value: Math.exp(level + effectAt(i) * sigma + noise), n });
  }
  return { kind, better: 'down', seasonal: request.seasonal, series, planted: request.planted, sigma };
}

export const KINDS: readonly IndicatorKind[] = ['mean', 'proportion', 'duration', 'count'];

/**
 * A random planted change. The `goal` mix is what the 95 % is measured on: changes a monthly
 * judgment can tell from noise at a 2 % false-alarm rate — 2–3 σ shifts held 4–8 months, drifts
 * growing to 3–4 σ over 6–12 months, 5–7 σ one-month spikes (one month must stand 2.6 σ out for a 1 %
 * two-sided false alarm and 1.6 σ more to be seen 95 % of the time, even with σ known). The `early`
 * mix is the same changes caught young: shifts held 1–3 months, 3.5–5 σ spikes, drifts to 2–3 σ;
 * no detector finds those 95 % of the time, and the bench says how many this one does.
 */
export function randomPlanted(random: Random, mix: 'goal' | 'early' = 'goal'): Planted {
  const sign = random() < 0.5 ? -1 : 1;
  const which = random();
  const early = mix === 'early';
  if (which < 0.4) {
    const months = early ? integerBetween(random, 1, 3) : integerBetween(random, 4, 8);
    return { kind: 'shift', sigmas: sign * uniform(random, 2, 3), months };
  }
  if (which < 0.7) {
    const sigmas = early ? uniform(random, 2, 3) : uniform(random, 3, 4);
    return { kind: 'drift', sigmas: sign * sigmas, months: integerBetween(random, 6, 12) };
  }
  return { kind: 'spike', sigmas: sign * (early ? uniform(random, 3.5, 5) : uniform(random, 5, 7)), months: 1 };
}

export { seededRandom };
