import { ratingIndex } from '../surveys/survey-scores.js';
import { AGING_BUCKETS, type AgingBucketId, DIMENSIONS, type Dimension, type KpiId } from './kpi-catalog.js';
import type { ProblemFacts } from './problem-facts.js';
import type { DurationFact, TicketFacts } from './ticket-facts.js';

/**
 * Monthly aggregates per organization × month × dimension value (issue 21, item 3), folded from
 * per-ticket facts, and each indicator's value computed from one. Pure, so the server's
 * incremental path (refold the stale months) and its rebuild path (fold everything) share it, and
 * a property test can check that folding a split equals folding the whole.
 *
 * Everything is a sum except the durations. A median or a p90 is not additive, so a duration keeps
 * the sorted list of its whole business minutes rather than a histogram: merging two lists is
 * exact, the hand-computed figures of a small month come out exactly, and a scope holds one number
 * per ticket that counts in it (a few thousand for a busy client-month), which the database stores
 * as a compact JSON array. Within-target is a count beside the list, since it needs each ticket's
 * own target.
 */
export const WHOLE = 'all';
export interface AggregateScope {
  organizationId: string;
  month: string;
  /** `all` for the organization as a whole. */
  dimension: Dimension | typeof WHOLE;
  /** The dimension's value; "" for the whole organization. */
  value: string;
}

export interface Tally {
  hits: number;
  n: number;
}

export interface DurationList {
  /** Whole business minutes, ascending. */
  minutes: number[];
  withinTarget: number;
  /** Durations that had a target to be judged by. */
  judged: number;
}

export interface MonthlyAggregate {
  created: number;
  incidents: Tally;
  resolved: number;
  firstContact: number;
  l1WithoutEscalation: number;
  escalated: number;
  procedure: Tally;
  firstResponse: DurationList;
  resolution: DurationList;
  slaResponse: Tally;
  slaResolution: Tally;
  commitments: Tally;
  backlog: Record<AgingBucketId, number>;
  reopens: Tally;
  csat: { n: number; sum: number; topTwo: number };
  campaign: { ratingCount: number; ratingSum: number; promoters: number; passives: number; detractors: number };
  problemResolution: DurationList;
}

const tally = (): Tally => ({ hits: 0, n: 0 });
const durations = (): DurationList => ({ minutes: [], withinTarget: 0, judged: 0 });

export function emptyAggregate(): MonthlyAggregate {
  return {
    created: 0,
    incidents: tally(),
    resolved: 0,
    firstContact: 0,
    l1WithoutEscalation: 0,
    escalated: 0,
    procedure: tally(),
    firstResponse: durations(),
    resolution: durations(),
    slaResponse: tally(),
    slaResolution: tally(),
    commitments: tally(),
    backlog: Object.fromEntries(AGING_BUCKETS.map((b) => [b.id, 0])) as Record<AgingBucketId, number>,
    reopens: tally(),
    csat: { n: 0, sum: 0, topTwo: 0 },
    campaign: { ratingCount: 0, ratingSum: 0, promoters: 0, passives: 0, detractors: 0 },
    problemResolution: durations(),
  };
}

export type AggregateMap = Map<string, { scope: AggregateScope; aggregate: MonthlyAggregate }>;

export const aggregateKey = (scope: AggregateScope) =>
  `${scope.organizationId}|${scope.month}|${scope.dimension}|${scope.value}`;

/** The aggregates of every scope a record counts in for one month: the organization, then each dimension value. */
function scopesOf(
  map: AggregateMap,
  organizationId: string,
  month: string,
  dimensions: Partial<Record<Dimension, string>>,
): MonthlyAggregate[] {
  const scopes: AggregateScope[] = [{ organizationId, month, dimension: WHOLE, value: '' }];
  for (const dimension of DIMENSIONS) {
    const value = dimensions[dimension];
    if (value !== undefined) scopes.push({ organizationId, month, dimension, value });
  }
  return scopes.map((scope) => {
    const key = aggregateKey(scope);
    let entry = map.get(key);
    if (!entry) {
      entry = { scope, aggregate: emptyAggregate() };
      map.set(key, entry);
    }
    return entry.aggregate;
  });
}

function insertSorted(list: number[], value: number) {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, value);
}

function addDuration(list: DurationList, fact: DurationFact) {
  insertSorted(list.minutes, fact.minutes);
  if (fact.withinTarget !== null) {
    list.judged++;
    if (fact.withinTarget) list.withinTarget++;
  }
}

const count = (t: Tally, hit: boolean) => {
  t.n++;
  if (hit) t.hits++;
};

/** Adds one ticket's facts to the map, in each month and scope they count in. */
export function addTicketFacts(map: AggregateMap, facts: TicketFacts): AggregateMap {
  const into = (month: string, apply: (a: MonthlyAggregate) => void) => {
    for (const aggregate of scopesOf(map, facts.organizationId, month, facts.dimensions)) apply(aggregate);
  };
  into(facts.created.month, (a) => {
    a.created++;
    if (facts.created.incident) count(a.incidents, facts.created.linkedToProblem);
  });
  const response = facts.firstResponse;
  if (response)
    into(response.month, (a) => {
      addDuration(a.firstResponse, response);
      if (response.slaMet !== null) count(a.slaResponse, response.slaMet);
    });
  const resolution = facts.resolution;
  if (resolution)
    into(resolution.month, (a) => {
      a.resolved++;
      if (resolution.firstContact) a.firstContact++;
      if (resolution.l1WithoutEscalation) a.l1WithoutEscalation++;
      if (resolution.escalated) a.escalated++;
      if (resolution.procedureAtFirstContact) count(a.procedure, resolution.firstContact);
      addDuration(a.resolution, resolution);
      if (resolution.slaMet !== null) count(a.slaResolution, resolution.slaMet);
    });
  for (const r of facts.resolutions) into(r.month, (a) => count(a.reopens, r.reopened));
  for (const b of facts.backlog) into(b.month, (a) => a.backlog[b.bucket]++);
  for (const c of facts.commitments) into(c.month, (a) => count(a.commitments, c.kept));
  const rated = facts.satisfaction;
  if (rated)
    into(rated.month, (a) => {
      a.csat.n++;
      a.csat.sum += rated.rating;
      if (rated.rating >= 4) a.csat.topTwo++;
    });
  return map;
}

export function addProblemFacts(map: AggregateMap, facts: ProblemFacts): AggregateMap {
  const resolution = facts.resolution;
  if (resolution)
    for (const a of scopesOf(map, facts.organizationId, resolution.month, facts.dimensions))
      addDuration(a.problemResolution, resolution);
  return map;
}

/** A campaign closed in `month` (in the agreement's zone): its 1–5 ratings and 0–10 answers. */
export interface CampaignFigures {
  organizationId: string;
  month: string;
  ratingCount: number;
  ratingSum: number;
  promoters: number;
  passives: number;
  detractors: number;
}

export function addCampaign(map: AggregateMap, campaign: CampaignFigures): AggregateMap {
  const [a] = scopesOf(map, campaign.organizationId, campaign.month, {});
  const c = (a as MonthlyAggregate).campaign;
  c.ratingCount += campaign.ratingCount;
  c.ratingSum += campaign.ratingSum;
  c.promoters += campaign.promoters;
  c.passives += campaign.passives;
  c.detractors += campaign.detractors;
  return map;
}

function mergeSorted(a: number[], b: number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number))) merged.push(a[i++] as number);
    else merged.push(b[j++] as number);
  }
  return merged;
}

/**
 * Two aggregates as one: the same scope from two halves of the tickets, or several
 * organizations' scopes summed into the whole desk (groups and agents serve many clients).
 */
export function mergeAggregates(a: MonthlyAggregate, b: MonthlyAggregate): MonthlyAggregate {
  const merge = (x: unknown, y: unknown): unknown => {
    if (typeof x === 'number') return x + (y as number);
    if (Array.isArray(x)) return mergeSorted(x, y as number[]);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(x as object))
      out[key] = merge((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]);
    return out;
  };
  return merge(a, b) as MonthlyAggregate;
}

/** Two maps as one, scope by scope; a new map that shares nothing with either, so folding on into it is safe. */
export function mergeAggregateMaps(a: AggregateMap, b: AggregateMap): AggregateMap {
  const merged: AggregateMap = new Map();
  for (const map of [a, b])
    for (const [key, entry] of map) {
      const before = merged.get(key)?.aggregate ?? emptyAggregate();
      merged.set(key, { scope: { ...entry.scope }, aggregate: mergeAggregates(before, entry.aggregate) });
    }
  return merged;
}

/** The p-th quantile (0..1) of an ascending list, interpolating between ranks (Excel PERCENTILE.INC, R type 7). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * p;
  const below = Math.floor(rank);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (rank - below);
}

export interface KpiValue {
  /** The figure judged against the target (a duration's p90); null when nothing counted. */
  value: number | null;
  /** How many tickets (answers, resolutions, commitments) it stands on. */
  n: number;
  numerator?: number;
  denominator?: number;
  median?: number | null;
  p90?: number | null;
  withinTarget?: number | null;
  topTwoBox?: number | null;
  buckets?: Record<AgingBucketId, number>;
}

const share = (hits: number, n: number): KpiValue => ({
  value: n === 0 ? null : hits / n,
  n,
  numerator: hits,
  denominator: n,
});

function durationValue(list: DurationList): KpiValue {
  const p90 = percentile(list.minutes, 0.9);
  return {
    value: p90,
    n: list.minutes.length,
    median: percentile(list.minutes, 0.5),
    p90,
    withinTarget: list.judged === 0 ? null : list.withinTarget / list.judged,
  };
}

/** An indicator's value from one aggregate. `users`: the organization's users, for tickets per user. */
export function kpiValue(kpi: KpiId, a: MonthlyAggregate, context: { users?: number | null } = {}): KpiValue {
  switch (kpi) {
    case 'volume':
      return { value: a.created, n: a.created };
    case 'tickets_per_user':
      return context.users ? { ...share(a.created, context.users), n: a.created } : { value: null, n: a.created };
    case 'fcr':
      return share(a.firstContact, a.resolved);
    case 'l1_resolution':
      return share(a.l1WithoutEscalation, a.resolved);
    case 'escalation_rate':
      return share(a.escalated, a.resolved);
    case 'first_response_time':
      return durationValue(a.firstResponse);
    case 'resolution_time':
      return durationValue(a.resolution);
    case 'sla_response':
      return share(a.slaResponse.hits, a.slaResponse.n);
    case 'sla_resolution':
      return share(a.slaResolution.hits, a.slaResolution.n);
    case 'commitments_kept':
      return share(a.commitments.hits, a.commitments.n);
    case 'backlog': {
      const total = Object.values(a.backlog).reduce((sum, n) => sum + n, 0);
      return { value: total, n: total, buckets: { ...a.backlog } };
    }
    case 'reopen_rate':
      return share(a.reopens.hits, a.reopens.n);
    case 'csat':
      return {
        value: a.csat.n === 0 ? null : a.csat.sum / a.csat.n,
        n: a.csat.n,
        topTwoBox: a.csat.n === 0 ? null : a.csat.topTwo / a.csat.n,
      };
    case 'survey_index': {
      const { ratingCount: n, ratingSum } = a.campaign;
      return { value: n === 0 ? null : ratingIndex(ratingSum / n), n };
    }
    case 'nps': {
      const { promoters, passives, detractors } = a.campaign;
      const n = promoters + passives + detractors;
      return { value: n === 0 ? null : (100 * (promoters - detractors)) / n, n };
    }
    case 'procedure_fcr':
      return share(a.procedure.hits, a.procedure.n);
    case 'problem_resolution_time':
      return durationValue(a.problemResolution);
    case 'problem_incidents':
      return share(a.incidents.hits, a.incidents.n);
  }
}
