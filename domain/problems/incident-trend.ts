/** A problem's incidents counted over time, the bars of its page: per UTC day or per ISO week (from Monday). */
export const TREND_PERIODS = ['day', 'week'] as const;
export type TrendPeriod = (typeof TREND_PERIODS)[number];

const DAY = 86_400_000;

/** The first day (YYYY-MM-DD, UTC) of the period holding this instant. */
export function periodStart(instant: number, per: TrendPeriod): string {
  const day = Math.floor(instant / DAY) * DAY;
  if (per === 'day') return new Date(day).toISOString().slice(0, 10);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(day - weekday * DAY).toISOString().slice(0, 10);
}

/**
 * How many incidents were raised in each period from the first to the last, empty periods
 * included (a bar chart with a gap says "quiet that week", which a missing bar would hide).
 */
export function incidentTrend(raisedAt: readonly string[], per: TrendPeriod): { start: string; count: number }[] {
  if (raisedAt.length === 0) return [];
  const counts = new Map<string, number>();
  const instants = raisedAt.map((at) => Date.parse(at)).sort((a, b) => a - b);
  for (const instant of instants) {
    const start = periodStart(instant, per);
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  const step = per === 'day' ? DAY : 7 * DAY;
  const first = Date.parse(periodStart(instants[0] as number, per));
  const last = Date.parse(periodStart(instants[instants.length - 1] as number, per));
  const trend: { start: string; count: number }[] = [];
  for (let at = first; at <= last; at += step) {
    const start = new Date(at).toISOString().slice(0, 10);
    trend.push({ start, count: counts.get(start) ?? 0 });
  }
  return trend;
}
