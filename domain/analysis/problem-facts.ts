import type { ProblemStatus } from '../problems/problem-lifecycle.js';
import { type BusinessCalendar, businessMinutesBetween } from '../sla/business-calendar.js';
import { stoppedIntervals } from '../sla/sla-clock.js';
import type { Priority } from '../tickets/priority.js';
import { monthOf } from './months.js';
import type { DurationFact } from './ticket-facts.js';
import { NO_VALUE } from './ticket-facts.js';

/**
 * What a problem record contributes to `problem_resolution_time`: business minutes from its
 * recording to the resolution that stands, as the problem's SLA clock counts them (a problem never
 * pauses; a resolved spell before going back to investigating is left out). A problem counts in
 * every organization whose incidents are linked to it, each on that organization's calendar.
 */
export interface ProblemHistory {
  id: string;
  /** The organizations of its linked incidents. */
  organizationIds: string[];
  priority: Priority;
  groupId: string | null;
  createdAt: number;
  statusHistory: { at: number; status: ProblemStatus }[];
  /** The agreement's problem standard for its priority, in business minutes. */
  targetMinutes: number | null;
}

export interface ProblemFacts {
  problemId: string;
  organizationId: string;
  dimensions: { group: string; priority: string };
  resolution: DurationFact | null;
}

const RESOLVED: readonly string[] = ['resolved', 'closed'];

/** The problem's facts for one organization, on that organization's calendar, as of `asOf`. */
export function problemFacts(
  problem: ProblemHistory,
  organizationId: string,
  calendar: BusinessCalendar,
  asOf: number,
): ProblemFacts {
  const history = problem.statusHistory.filter((change) => change.at <= asOf);
  const current = history[history.length - 1];
  let resolution: DurationFact | null = null;
  if (current && RESOLVED.includes(current.status)) {
    const resolvedAt = history.findLast(
      (c, i) => RESOLVED.includes(c.status) && !RESOLVED.includes(history[i - 1]?.status ?? ''),
    )?.at;
    if (resolvedAt !== undefined) {
      const { done } = stoppedIntervals({
        createdAt: problem.createdAt,
        history,
        firstResponseAt: null,
        pausesClock: () => false,
      });
      const exact = businessMinutesBetween(calendar, problem.createdAt, resolvedAt, done);
      const withinTarget = problem.targetMinutes === null ? null : exact <= problem.targetMinutes;
      resolution = {
        month: monthOf(resolvedAt, calendar.timeZone),
        minutes: Math.round(exact),
        withinTarget,
        slaMet: withinTarget,
      };
    }
  }
  return {
    problemId: problem.id,
    organizationId,
    dimensions: { group: problem.groupId ?? NO_VALUE, priority: String(problem.priority) },
    resolution,
  };
}
