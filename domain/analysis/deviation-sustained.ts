/**
 * The rules for a sustained change, beside the one-month jump: a tabular CUSUM and the Western
 * Electric run rules, both on the standardized residuals of the months since the baseline (the
 * newest month last). Each is judged only at the newest month and only when that month is on the
 * rule's side: a month back within its limits after a bad quarter is a recovery, not news.
 */

export interface CusumResult {
  /** The upper and lower sums at the newest month, in σ. */
  upper: number;
  lower: number;
  /** The decision interval the sums are compared with, in σ. */
  limit: number;
}

/**
 * Page's tabular CUSUM from zero: S⁺ = max(0, S⁺ + r − k), S⁻ = max(0, S⁻ − r − k). With k = ½σ it
 * is tuned to a shift of 1σ and reaches a held 2σ shift's limit in about three months, where one
 * month's limit needs a 3σ month and the EWMA half a year.
 */
export function cusumOf(residuals: readonly number[], slack: number, limit: number): CusumResult {
  let upper = 0;
  let lower = 0;
  for (const residual of residuals) {
    upper = Math.max(0, upper + residual - slack);
    lower = Math.max(0, lower - residual - slack);
  }
  return { upper, lower, limit };
}

/** +1 when the upper sum is past its limit and rose at the newest month, −1 for the lower, 0 for neither. */
export function cusumSignal(residuals: readonly number[], slack: number, limit: number): -1 | 0 | 1 {
  const newest = residuals[residuals.length - 1] ?? 0;
  const { upper, lower } = cusumOf(residuals, slack, limit);
  if (upper > limit && newest > slack) return 1;
  if (lower > limit && newest < -slack) return -1;
  return 0;
}

export interface RunRule {
  /** How many of the newest `window` months, the newest among them, must stand beyond `beyond` σ on one side. */
  count: number;
  window: number;
  beyond: number;
}

/**
 * Western Electric's rules 2 and 3: 2 of 3 months beyond 2σ, 4 of 5 beyond 1σ, on the same side.
 * Rule 4 (8 in a row on one side) is left out: with a baseline of a year, the level's own error puts
 * eight months on one side far more often than its nominal 1 in 128, and the CUSUM covers that ground.
 */
export const WESTERN_ELECTRIC_RULES: readonly RunRule[] = [
  { count: 2, window: 3, beyond: 2 },
  { count: 4, window: 5, beyond: 1 },
];

/**
 * Which side a run rule fires on at the newest month (+1 up, −1 down, 0 none). `scale` widens every
 * rule's σ (for an estimated σ and the level's error), so the rules keep their nominal rates.
 */
export function runRuleSignal(residuals: readonly number[], rules: readonly RunRule[], scale = 1): -1 | 0 | 1 {
  const newest = residuals[residuals.length - 1];
  if (newest === undefined) return 0;
  for (const rule of rules) {
    if (residuals.length < rule.window) continue;
    const side = Math.sign(newest) as -1 | 0 | 1;
    const limit = rule.beyond * scale;
    if (side === 0 || Math.abs(newest) <= limit) continue;
    const recent = residuals.slice(-rule.window);
    const beyond = recent.filter((residual) => residual * side > limit).length;
    if (beyond >= rule.count) return side;
  }
  return 0;
}
