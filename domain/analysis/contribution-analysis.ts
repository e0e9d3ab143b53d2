/**
 * Why an indicator moved between two periods: which values of a dimension (category, group,
 * channel…) drive the change. A rate or a mean of the whole is the ticket-weighted average of its
 * values' rates, so its change splits exactly, value by value, into a mix effect (the value's share
 * of tickets changed) and a rate effect (the value's own rate changed): Kitagawa's symmetric
 * decomposition, the shift-share analysis of demography and retail.
 */

/** One value of a dimension in one period: its tickets and its rate (a proportion or a mean). */
export interface ValueFigures {
  value: string;
  n: number;
  rate: number;
}

export interface Driver {
  value: string;
  /** The part of the whole change this value explains (mix + rate) over the whole change; shares add up to 1. */
  share: number;
  /** Change of the value's share of tickets × how far its rate stands from the whole's (averaged over the two periods). */
  mixEffect: number;
  /** Change of the value's rate × its share of tickets (averaged over the two periods). */
  rateEffect: number;
}

export interface Contribution {
  before: number;
  after: number;
  change: number;
  /** Sorted by |share|, the strongest driver first. */
  drivers: Driver[];
}

function overallRate(values: readonly ValueFigures[]): { total: number; rate: number } {
  const total = values.reduce((sum, value) => sum + value.n, 0);
  const weighted = values.reduce((sum, value) => sum + value.n * value.rate, 0);
  return { total, rate: total > 0 ? weighted / total : Number.NaN };
}

/**
 * The change of the whole's rate from `before` to `after`, split by value.
 *
 * Kitagawa: with w the value's share of tickets and r its rate, ΔR = Σ Δwᵢ·r̄ᵢ + Σ w̄ᵢ·Δrᵢ exactly,
 * bars the two periods' averages. Since Σ Δwᵢ = 0, the mix term is written with r̄ᵢ − R̄ (R̄ the
 * whole's average rate): a value that grew but sits at the average rate moved nothing, and one that
 * grew at twice the average takes the credit. A value absent from a period has no rate there; it is
 * given its other period's rate, so its whole part is mix (the decomposition stays exact either way).
 */
export function explainRateChange(before: readonly ValueFigures[], after: readonly ValueFigures[]): Contribution {
  const whole = { before: overallRate(before), after: overallRate(after) };
  const change = whole.after.rate - whole.before.rate;
  const averageRate = (whole.before.rate + whole.after.rate) / 2;
  const names = [...new Set([...before.map((value) => value.value), ...after.map((value) => value.value)])];
  const byName = (values: readonly ValueFigures[], name: string) => values.find((value) => value.value === name);

  const parts = names.map((name) => {
    const a = byName(before, name);
    const b = byName(after, name);
    const weightBefore = a && whole.before.total > 0 ? a.n / whole.before.total : 0;
    const weightAfter = b && whole.after.total > 0 ? b.n / whole.after.total : 0;
    const rateBefore = a && a.n > 0 ? a.rate : (b?.rate ?? 0);
    const rateAfter = b && b.n > 0 ? b.rate : rateBefore;
    const mixEffect = (weightAfter - weightBefore) * ((rateBefore + rateAfter) / 2 - averageRate);
    const rateEffect = (rateAfter - rateBefore) * ((weightBefore + weightAfter) / 2);
    return { value: name, mixEffect, rateEffect };
  });
  const drivers = parts
    .map((part) => ({ ...part, share: change !== 0 ? (part.mixEffect + part.rateEffect) / change : 0 }))
    .sort(
      (x, y) =>
        Math.abs(y.share) - Math.abs(x.share) ||
        Math.abs(y.rateEffect + y.mixEffect) - Math.abs(x.rateEffect + x.mixEffect),
    );
  return { before: whole.before.rate, after: whole.after.rate, change, drivers };
}

/** The durations of one value's tickets in one period. */
export interface ValueDurations {
  value: string;
  durations: readonly number[];
}

/** The q-quantile by linear interpolation between order statistics (R's type 7, Excel's PERCENTILE). */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
}

export interface PercentileContribution extends Contribution {
  /** The share of tickets above the old percentile, before (about 1 − q) and after: what the drivers split. */
  exceedanceBefore: number;
  exceedanceAfter: number;
}

/**
 * An approximate split of a duration percentile's change (the p90 of resolution time) by value.
 *
 * A percentile is not an average, so it has no exact split. But it rises exactly when more than 10 %
 * of the tickets now take longer than the old p90, so the change is read through that share: the
 * proportion of tickets above the old p90 (10 % before, more after), which is a rate, split by
 * Kitagawa like any other. A value's share is its part of the new excess above the old p90 — "70 %
 * of the rise is category Printers" — and its mix and rate effects say whether Printers sent more
 * tickets or its tickets got slower (both in that share's units). `before`, `after` and `change` are
 * the percentile itself.
 */
export function explainPercentileChange(
  before: readonly ValueDurations[],
  after: readonly ValueDurations[],
  q = 0.9,
): PercentileContribution {
  const percentileBefore = percentile(
    before.flatMap((value) => value.durations),
    q,
  );
  const percentileAfter = percentile(
    after.flatMap((value) => value.durations),
    q,
  );
  const exceedance = (values: readonly ValueDurations[]): ValueFigures[] =>
    values.map((value) => ({
      value: value.value,
      n: value.durations.length,
      rate:
        value.durations.length > 0
          ? value.durations.filter((duration) => duration > percentileBefore).length / value.durations.length
          : 0,
    }));
  const split = explainRateChange(exceedance(before), exceedance(after));
  return {
    before: percentileBefore,
    after: percentileAfter,
    change: percentileAfter - percentileBefore,
    drivers: split.drivers,
    exceedanceBefore: split.before,
    exceedanceAfter: split.after,
  };
}
