import type { Kysely } from 'kysely';
import type { EscalationLevel, ProblemSlaExplanation, ProblemTargetBody } from '../../../domain/contracts/sla.js';
import { problemClock, problemOutcome, problemTargetFor, strictest } from '../../../domain/sla/problem-sla.js';
import type { StatusChange, TargetClock } from '../../../domain/sla/sla-clock.js';
import { nextCheckAt } from '../../../domain/sla/sla-schedule.js';
import type { ConfigCache } from '../../db/config-cache.js';
import type { AgreementTable, CalendarTable, DB, ProblemRow, ProblemTable } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { agreementOf, calendarSummary, toBusinessCalendar } from './agreement-lookup.js';
import { firedProblemKeys } from './sla.repository.js';
import type { SlaFiring } from './sla.service.js';

/** The columns a problem stores (the problems module's ProblemSlaColumns, by shape). */
export type ProblemSlaColumns = Pick<
  ProblemTable,
  'agreement_id' | 'resolution_due_at' | 'resolution_met' | 'resolution_minutes' | 'sla_state' | 'sla_check_at'
>;

/** What a problem's clock reads (the problems module's ProblemSlaFacts, by shape). */
export interface ProblemSlaFacts {
  problem: ProblemRow;
  organizations: readonly { id: string; name: string }[];
  history: StatusChange[];
}

type Reason = ProblemSlaExplanation['candidates'][number]['reason'];

interface Candidate {
  organization: { id: string; name: string };
  agreement: AgreementTable | null;
  calendar: CalendarTable | null;
  target: ProblemTargetBody | null;
  clock: TargetClock | null;
  firings: SlaFiring[];
  reason: Reason;
}

type Priced = Candidate & {
  agreement: AgreementTable;
  calendar: CalendarTable;
  target: ProblemTargetBody;
  clock: TargetClock;
};

export interface ProblemSlaEvaluation {
  columns: ProblemSlaColumns;
  chosen: Priced | null;
  candidates: Candidate[];
  firings: SlaFiring[];
  fired: Map<string, string>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const NONE: ProblemSlaColumns = {
  agreement_id: null,
  resolution_due_at: null,
  resolution_met: null,
  resolution_minutes: null,
  sla_state: null,
  sla_check_at: null,
};

/**
 * A problem report's deadline: each affected organization's agreement with a target for the
 * problem's priority prices it on its own calendar, and the strictest (earliest deadline) sets it.
 * Same clock, schedule and escalation matrix as tickets' resolution target.
 */
export class ProblemSlaService {
  constructor(
    private readonly clock: Clock,
    private readonly config: ConfigCache,
  ) {}

  async evaluate(db: Kysely<DB>, facts: ProblemSlaFacts, isNew = false): Promise<ProblemSlaEvaluation> {
    const { problem } = facts;
    const now = this.clock.now().getTime();
    const candidates: Candidate[] = [];
    for (const organization of facts.organizations) {
      const { agreement, calendar } = await agreementOf(this.config, db, organization.id);
      const base = { organization, agreement: agreement ?? null, calendar, target: null, clock: null, firings: [] };
      if (!agreement) {
        candidates.push({ ...base, reason: 'no_agreement' });
        continue;
      }
      const target =
        problemTargetFor(JSON.parse(agreement.problem_targets) as ProblemTargetBody[], problem.priority) ?? null;
      if (!target) {
        candidates.push({ ...base, reason: 'no_target' });
        continue;
      }
      if (!calendar) {
        candidates.push({ ...base, target, reason: 'no_calendar' });
        continue;
      }
      const { clock, firings } = problemClock<EscalationLevel>({
        calendar: toBusinessCalendar(calendar),
        createdAt: Date.parse(problem.created_at),
        history: facts.history,
        minutes: target.resolutionMinutes,
        warnAt: JSON.parse(agreement.warn_at) as number[],
        escalations: JSON.parse(agreement.escalations) as EscalationLevel[],
        now,
      });
      candidates.push({ ...base, target, clock, firings, reason: 'later' });
    }
    const priced = candidates.filter((c): c is Priced => c.clock !== null);
    const chosen = strictest(priced);
    if (chosen) chosen.reason = 'strictest';
    const fired = isNew ? new Map<string, string>() : await firedProblemKeys(db, problem.id);
    if (!chosen) return { columns: NONE, chosen, candidates, firings: [], fired };
    const outcome = problemOutcome(chosen.clock, problem.status);
    const columns: ProblemSlaColumns = {
      agreement_id: chosen.agreement.id,
      resolution_due_at: iso(chosen.clock.deadline),
      resolution_met: outcome.met,
      resolution_minutes: outcome.minutes,
      sla_state: outcome.state,
      sla_check_at: iso(nextCheckAt(chosen.firings, new Set(fired.keys()))),
    };
    return { columns, chosen, candidates, firings: chosen.firings, fired };
  }

  async deadlinesFor(db: Kysely<DB>, facts: ProblemSlaFacts, isNew = false): Promise<ProblemSlaColumns> {
    return (await this.evaluate(db, facts, isNew)).columns;
  }

  /** "Why is it due then?": the agreement chosen among the affected organizations', its target, calendar and plan. */
  async explain(db: Kysely<DB>, facts: ProblemSlaFacts): Promise<ProblemSlaExplanation> {
    const { problem } = facts;
    const evaluation = await this.evaluate(db, facts);
    const { chosen } = evaluation;
    const candidates = evaluation.candidates.map((c) => ({
      organization: c.organization,
      agreement: c.agreement && { id: c.agreement.id, name: c.agreement.name },
      resolutionMinutes: c.target?.resolutionMinutes ?? null,
      deadline: iso(c.clock?.deadline ?? null),
      chosen: c === chosen,
      reason: c.reason,
    }));
    const base: ProblemSlaExplanation = {
      createdAt: problem.created_at,
      priority: problem.priority,
      agreement: null,
      candidates,
      target: null,
      calendar: null,
      warnAt: [],
      warnings: [],
      escalations: [],
      resolution: null,
      why:
        facts.organizations.length === 0
          ? 'The problem affects no organization yet, so no agreement sets its deadline.'
          : `No affected organization's agreement has a problem target for priority ${problem.priority}, so no deadline applies.`,
    };
    if (!chosen) return base;
    const firedAt = (key: string) => evaluation.fired.get(key) ?? null;
    const others = candidates.filter((c) => c.reason === 'later').length;
    return {
      ...base,
      agreement: {
        id: chosen.agreement.id,
        name: chosen.agreement.name,
        organization: chosen.organization,
      },
      target: chosen.target,
      calendar: calendarSummary(chosen.calendar),
      warnAt: JSON.parse(chosen.agreement.warn_at),
      warnings: chosen.firings
        .filter((f) => f.kind === 'warning')
        .map((f) => ({ percent: f.percent ?? 0, at: iso(f.at), firedAt: firedAt(f.key) })),
      escalations: chosen.firings
        .filter((f) => f.kind === 'escalation' && f.level)
        .map((f) => ({ level: f.level as EscalationLevel, at: iso(f.at), firedAt: firedAt(f.key) })),
      resolution: chosen.clock,
      why:
        `Priority ${problem.priority}: resolution within ${chosen.target.resolutionMinutes} business minutes of ` +
        `"${chosen.calendar.name}" (${chosen.calendar.time_zone}), counted from creation, by the agreement ` +
        `"${chosen.agreement.name}" of ${chosen.organization.name}` +
        (others > 0 ? `, the strictest of ${others + 1} affected organizations' agreements.` : '.') +
        (problem.status === 'cancelled' ? ' The problem was cancelled: it has no outcome.' : ''),
    };
  }
}
