import type { LocalizedText } from '../surveys/questionnaire.js';

/**
 * The vocabulary of the indicator catalog (kpi-catalog.ts): indicator ids, the dimensions an
 * aggregate is kept by, units, directions, statistics, the months records count in, backlog
 * ages and variants.
 */
export const KPI_IDS = [
  'volume',
  'tickets_per_user',
  'fcr',
  'l1_resolution',
  'escalation_rate',
  'first_response_time',
  'resolution_time',
  'sla_response',
  'sla_resolution',
  'commitments_kept',
  'backlog',
  'reopen_rate',
  'csat',
  'survey_index',
  'nps',
  'procedure_fcr',
  'problem_resolution_time',
  'problem_incidents',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

/** The dimensions a ticket-based aggregate is kept by (issue 21, item 3). */
export const DIMENSIONS = ['service', 'category', 'group', 'channel', 'level', 'type', 'priority', 'agent'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** ratio: a share from 0 to 1; score: a mean on the indicator's own scale (1–5, 0–100, −100…100). */
export const KPI_UNITS = ['count', 'ratio', 'business_minutes', 'score'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

export type Better = 'up' | 'down' | 'none';

/** The measures a duration indicator reports; `headline` is the one judged against the target. */
export const DURATION_MEASURES = ['median', 'p90', 'within_target'] as const;
export type DurationMeasure = (typeof DURATION_MEASURES)[number];

export type KpiStatistic =
  | { kind: 'count' }
  /** A count over a figure that does not come from tickets (the organization's users). */
  | { kind: 'rate'; numerator: LocalizedText; denominator: LocalizedText }
  | { kind: 'proportion'; numerator: LocalizedText; denominator: LocalizedText }
  | { kind: 'duration'; measures: readonly DurationMeasure[]; headline: DurationMeasure }
  | { kind: 'mean'; scale: { min: number; max: number }; alsoTopTwoBox?: boolean };

/**
 * The event whose month a ticket (or commitment, answer, campaign, problem) counts in. Months are
 * cut in the agreement calendar's time zone (`monthOf` in ticket-facts.ts), never in UTC.
 */
export const COUNTING_MONTHS = [
  'created',
  'first_response',
  'resolved',
  'original_resolution',
  'month_end',
  'commitment_settled',
  'survey_answered',
  'campaign_closed',
  'problem_resolved',
] as const;
export type CountingMonth = (typeof COUNTING_MONTHS)[number];

/** Backlog ages in calendar days at the month's close: [from, to) with `to` null for the open end. */
export const AGING_BUCKETS = [
  { id: 'days_0_2', from: 0, to: 3 },
  { id: 'days_3_7', from: 3, to: 8 },
  { id: 'days_8_30', from: 8, to: 31 },
  { id: 'days_31_plus', from: 31, to: null },
] as const;
export type AgingBucketId = (typeof AGING_BUCKETS)[number]['id'];

export type KpiVariant =
  | { id: string; name: LocalizedText; kind: 'by_dimension'; dimension: Dimension }
  | { id: string; name: LocalizedText; kind: 'aging_buckets' }
  | { id: string; name: LocalizedText; kind: 'measure'; measure: DurationMeasure | 'top_two_box' | 'count' };

export interface KpiDefinition {
  id: KpiId;
  name: LocalizedText;
  formula: LocalizedText;
  unit: KpiUnit;
  better: Better;
  statistic: KpiStatistic;
  /** Which tickets (or records) count, in words. */
  population: LocalizedText;
  countsIn: CountingMonth;
  breakdowns: readonly Dimension[];
  variants: readonly KpiVariant[];
}
