import type { FieldError } from '../field-error.js';
import { type Better, isKpiId, type KpiId, kpiById } from './kpi-catalog.js';
import { isMonth } from './months.js';

/**
 * An agreement's targets per indicator (issue 21, item 2). Three lines on the indicator's scale:
 * - `target`: the value agreed with the client, drawn on every chart;
 * - `amber`: where amber begins. It sits at the target or on its worse side; a value between the
 *   target and `amber` is a miss the client tolerates and stays green. The template puts it at the
 *   target, so by default any miss is at least amber;
 * - `red`: where red begins, at `amber` or further on the worse side.
 * For an indicator where up is better a value is green at or above `amber`, red below `red`, and
 * amber in between; where down is better, the mirror image. Durations are judged on their headline
 * (p90, in business minutes).
 */
export interface KpiTarget {
  target: number;
  amber: number;
  red: number;
}

export type KpiTargets = Partial<Record<KpiId, KpiTarget>>;

/** One version of an agreement's targets; it judges `validFrom` ("YYYY-MM") and later months until a newer one. */
export interface TargetVersion {
  version: number;
  validFrom: string;
  targets: KpiTargets;
}

export type Judgement = 'green' | 'amber' | 'red' | 'none';

const line = (target: number, amber: number, red: number): KpiTarget => ({ target, amber, red });

/**
 * The template a new agreement starts from, close to common service-desk practice (HDI, MetricNet
 * benchmarks). Indicators that depend on the client's size or are informative (volume, tickets per
 * user, backlog, incidents linked to problems) have no default target.
 */
export const DEFAULT_KPI_TARGETS: KpiTargets = {
  fcr: line(0.7, 0.7, 0.6),
  l1_resolution: line(0.75, 0.75, 0.65),
  escalation_rate: line(0.2, 0.2, 0.3),
  // A working day is 8 business hours (480 minutes) on the usual calendar.
  first_response_time: line(240, 240, 480),
  resolution_time: line(1440, 1440, 2400),
  sla_response: line(0.95, 0.95, 0.9),
  sla_resolution: line(0.9, 0.9, 0.85),
  commitments_kept: line(0.95, 0.95, 0.85),
  reopen_rate: line(0.05, 0.05, 0.1),
  csat: line(4.3, 4.3, 4),
  survey_index: line(75, 75, 65),
  nps: line(30, 30, 10),
  procedure_fcr: line(0.8, 0.8, 0.7),
  // Twenty working days.
  problem_resolution_time: line(9600, 9600, 14400),
};

/** The version that judges `month`: the latest `validFrom` not after it (the highest version on a tie); null before any. */
export function targetsInForce(versions: readonly TargetVersion[], month: string): TargetVersion | null {
  let chosen: TargetVersion | null = null;
  for (const candidate of versions) {
    if (candidate.validFrom > month) continue;
    if (
      !chosen ||
      candidate.validFrom > chosen.validFrom ||
      (candidate.validFrom === chosen.validFrom && candidate.version > chosen.version)
    )
      chosen = candidate;
  }
  return chosen;
}

/** Whether `a` is at or better than `b` on an indicator where `better` points. */
const atOrBetter = (a: number, b: number, better: 'up' | 'down') => (better === 'up' ? a >= b : a <= b);

/** The colour of a value against a target, on the indicator's direction; 'none' with no value, target or direction. */
export function judge(value: number | null, target: KpiTarget | undefined, better: Better): Judgement {
  if (value === null || !Number.isFinite(value) || !target || better === 'none') return 'none';
  if (atOrBetter(value, target.amber, better)) return 'green';
  if (atOrBetter(value, target.red, better)) return 'amber';
  return 'red';
}

/** `judge` with the direction read from the catalog. */
export function judgeKpi(kpi: KpiId, value: number | null, targets: KpiTargets): Judgement {
  return judge(value, targets[kpi], kpiById(kpi).better);
}

/** What a PUT of an agreement's targets carries: the targets and the first month they judge. */
export interface TargetsBody {
  validFrom: string;
  targets: Record<string, KpiTarget>;
}

const RATIO_KPI_RANGE = { min: 0, max: 1 };

/**
 * Whether a PUT body makes sense: a real month, known indicators with a direction, finite numbers
 * in the unit's range, and each threshold on the worse side of the one before it.
 */
export function checkKpiTargets(body: TargetsBody): FieldError[] {
  const issues: FieldError[] = [];
  if (!isMonth(body.validFrom)) issues.push({ field: 'validFrom', message: 'must be a month as YYYY-MM' });
  for (const [id, target] of Object.entries(body.targets)) {
    const field = `targets.${id}`;
    if (!isKpiId(id)) {
      issues.push({ field, message: `"${id}" is not an indicator of the catalog` });
      continue;
    }
    const kpi = kpiById(id);
    if (kpi.better === 'none') {
      issues.push({ field, message: 'this indicator has no better direction, so it takes no target' });
      continue;
    }
    let numbersOk = true;
    for (const key of ['target', 'amber', 'red'] as const) {
      const value = target[key];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push({ field: `${field}.${key}`, message: 'must be a number' });
        numbersOk = false;
      } else if (kpi.unit === 'ratio' && (value < RATIO_KPI_RANGE.min || value > RATIO_KPI_RANGE.max)) {
        issues.push({ field: `${field}.${key}`, message: 'must be a share between 0 and 1' });
        numbersOk = false;
      } else if ((kpi.unit === 'business_minutes' || kpi.unit === 'count') && value < 0) {
        issues.push({ field: `${field}.${key}`, message: 'must not be negative' });
        numbersOk = false;
      }
    }
    if (!numbersOk) continue;
    const worse = kpi.better === 'up' ? 'at or below' : 'at or above';
    if (!atOrBetter(target.target, target.amber, kpi.better))
      issues.push({ field: `${field}.amber`, message: `must be ${worse} the target` });
    if (!atOrBetter(target.amber, target.red, kpi.better))
      issues.push({ field: `${field}.red`, message: `must be ${worse} the amber threshold` });
  }
  return issues;
}
