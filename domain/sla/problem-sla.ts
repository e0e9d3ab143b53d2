import type { FieldError } from '../field-error.js';
import type { BusinessCalendar } from './business-calendar.js';
import { resolutionClock, type SlaInput, type SlaState, type StatusChange, type TargetClock } from './sla-clock.js';
import { type EscalationRule, type Firing, slaSchedule } from './sla-schedule.js';

/**
 * A problem report's service level: one resolution target per priority, on the agreement's
 * business calendar, with the agreement's warnings and the resolution levels of its escalation
 * matrix. The clock is the tickets' resolution clock; a problem never pauses (nobody outside the
 * desk is waited on), and it stops when the problem is resolved, closed or cancelled.
 */
export interface ProblemTargetLike {
  priority: number;
  resolutionMinutes: number;
}

/** One target per priority, each a positive number of business minutes. */
export function checkProblemTargets(targets: readonly ProblemTargetLike[]): FieldError[] {
  const issues: FieldError[] = [];
  const seen = new Set<number>();
  targets.forEach((target, i) => {
    if (seen.has(target.priority))
      issues.push({ field: `problemTargets.${i}.priority`, message: `priority ${target.priority} has two targets` });
    seen.add(target.priority);
    if (!(target.resolutionMinutes > 0))
      issues.push({ field: `problemTargets.${i}.resolutionMinutes`, message: 'must be a positive number of minutes' });
  });
  return issues;
}

export const problemTargetFor = <T extends ProblemTargetLike>(targets: readonly T[], priority: number) =>
  targets.find((target) => target.priority === priority);

/** Problems wait on no one: their clock never pauses. */
const neverPaused = () => false;

export function problemInput(createdAt: number, history: StatusChange[]): SlaInput {
  return { createdAt, history, firstResponseAt: null, pausesClock: neverPaused };
}

export interface ProblemClockInput<L extends EscalationRule> {
  calendar: BusinessCalendar;
  createdAt: number;
  history: StatusChange[];
  minutes: number;
  warnAt: readonly number[];
  /** The agreement's whole matrix; only its resolution levels apply to a problem. */
  escalations: readonly L[];
  now: number;
}

/** The resolution clock of a problem under one agreement, and the points it fires at. */
export function problemClock<L extends EscalationRule>(
  input: ProblemClockInput<L>,
): { clock: TargetClock; firings: Firing<L>[] } {
  const sla = problemInput(input.createdAt, input.history);
  const clock = resolutionClock(input.calendar, sla, { minutes: input.minutes, warnAt: [...input.warnAt] }, input.now);
  const firings = slaSchedule<L>({
    calendar: input.calendar,
    input: sla,
    now: input.now,
    targets: { resolution: { minutes: input.minutes, clock } },
    warnAt: input.warnAt,
    escalations: input.escalations.filter((level) => level.target === 'resolution'),
    ola: null,
  });
  return { clock, firings };
}

/**
 * Of the agreements that could set a problem's deadline (one per affected organization with a
 * target for its priority), the strictest: the earliest deadline; on a tie, the first given.
 */
export function strictest<C extends { clock: TargetClock }>(candidates: readonly C[]): C | null {
  let best: C | null = null;
  for (const candidate of candidates) {
    const deadline = candidate.clock.deadline ?? Number.POSITIVE_INFINITY;
    if (!best || deadline < (best.clock.deadline ?? Number.POSITIVE_INFINITY)) best = candidate;
  }
  return best;
}

/**
 * What a problem stores of its clock. A cancelled problem has no outcome: neither met nor
 * breached, and no state for the board.
 */
export function problemOutcome(
  clock: TargetClock,
  status: string,
): { state: SlaState | null; met: 0 | 1 | null; minutes: number | null } {
  if (status === 'cancelled') return { state: null, met: null, minutes: null };
  return {
    state: clock.state,
    met: clock.settled ? (clock.state === 'met' ? 1 : 0) : null,
    minutes: clock.settled ? Math.round(clock.elapsedMinutes) : null,
  };
}
