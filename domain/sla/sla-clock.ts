import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  type Interval,
} from './business-calendar.js';

/**
 * The SLA clock: from a ticket's history, its agreement's targets and the business calendar, the
 * deadline, business time used and left, time paused, and state of each target. Pure: the same
 * inputs always give the same answer, so deadlines can be stored and recomputed on any change.
 */
export const SLA_STATES = ['running', 'paused', 'warning', 'breached', 'met'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export interface StatusChange {
  at: number;
  status: string;
  pendingReason?: string | null;
}

export interface SlaTarget {
  minutes: number;
  /** Fractions of the target at which to warn, e.g. [0.5, 0.75, 0.9]. */
  warnAt?: number[];
}

export interface SlaInput {
  createdAt: number;
  /** Every status the ticket had, oldest first (the first one at creation). */
  history: StatusChange[];
  firstResponseAt: number | null;
  /** Whether a status (with its pending reason) stops the clock; by default waiting on the requester or a third party. */
  pausesClock?: (status: string, pendingReason: string | null) => boolean;
}

export interface TargetClock {
  state: SlaState;
  /** When the target is (or was) missed if the clock keeps running; null while paused short of it. */
  deadline: number | null;
  /** Met or missed for good: the first reply was sent, or the ticket is resolved. */
  settled: boolean;
  elapsedMinutes: number;
  remainingMinutes: number;
  pausedMinutes: number;
  /** The highest warning threshold passed, or null. */
  warningLevel: number | null;
}

const DONE = new Set(['resolved', 'closed', 'cancelled']);

export const defaultPause = (status: string, reason: string | null) =>
  status === 'pending' && (reason === 'requester' || reason === 'third_party');

/** Intervals during which the clock did not run: paused statuses, and resolved or closed ones. */
export function stoppedIntervals(input: SlaInput): { paused: Interval[]; done: Interval[] } {
  const pauses = input.pausesClock ?? defaultPause;
  const paused: Interval[] = [];
  const done: Interval[] = [];
  input.history.forEach((change, i) => {
    const end = input.history[i + 1]?.at ?? Number.POSITIVE_INFINITY;
    if (end <= change.at) return;
    if (DONE.has(change.status)) done.push({ start: change.at, end });
    else if (pauses(change.status, change.pendingReason ?? null)) paused.push({ start: change.at, end });
  });
  return { paused, done };
}

function clockFor(
  calendar: BusinessCalendar,
  target: SlaTarget,
  start: number,
  stoppedAt: number | null,
  stopped: Interval[],
  pausedOnly: Interval[],
  now: number,
): TargetClock {
  const until = stoppedAt ?? now;
  const elapsed = businessMinutesBetween(calendar, start, until, stopped);
  const pausedMinutes =
    businessMinutesBetween(calendar, start, until) - businessMinutesBetween(calendar, start, until, pausedOnly);
  const remaining = target.minutes - elapsed;
  const runningNow = stoppedAt === null && !stopped.some((i) => i.start <= now && now < i.end);
  // While paused the deadline is unknown, unless it has already passed.
  const deadline =
    runningNow || stoppedAt !== null || elapsed >= target.minutes
      ? addBusinessMinutes(calendar, start, target.minutes, stopped)
      : null;
  const passed = (target.warnAt ?? []).filter((fraction) => elapsed >= fraction * target.minutes);
  const warningLevel = passed.length > 0 ? Math.max(...passed) : null;
  let state: SlaState;
  if (stoppedAt !== null) state = elapsed <= target.minutes ? 'met' : 'breached';
  else if (elapsed >= target.minutes) state = 'breached';
  else if (!runningNow) state = 'paused';
  else state = warningLevel !== null ? 'warning' : 'running';
  return {
    state,
    deadline,
    settled: stoppedAt !== null,
    elapsedMinutes: elapsed,
    remainingMinutes: remaining,
    pausedMinutes,
    warningLevel,
  };
}

/**
 * The first-response clock: it stops at the first public reply from the desk, or when the ticket
 * is first resolved or cancelled without one (the resolution notice answers the requester).
 */
export function firstResponseClock(
  calendar: BusinessCalendar,
  input: SlaInput,
  target: SlaTarget,
  now: number,
): TargetClock {
  const { paused } = stoppedIntervals(input);
  const firstDone = input.history.find((change) => DONE.has(change.status))?.at ?? null;
  const answeredAt =
    input.firstResponseAt !== null && firstDone !== null
      ? Math.min(input.firstResponseAt, firstDone)
      : (input.firstResponseAt ?? firstDone);
  return clockFor(calendar, target, input.createdAt, answeredAt, paused, paused, now);
}

/**
 * The update clock: once the desk has answered, the requester hears from it again within the
 * agreed interval. It counts from the desk's latest public reply (`since`), stops while paused
 * or resolved, and starts over with each reply.
 */
export function updateClock(
  calendar: BusinessCalendar,
  input: SlaInput,
  since: number,
  target: SlaTarget,
  now: number,
): TargetClock {
  const { paused, done } = stoppedIntervals(input);
  const current = input.history[input.history.length - 1];
  const finishedAt = current && DONE.has(current.status) ? Math.max(current.at, since) : null;
  return clockFor(calendar, target, since, finishedAt, [...paused, ...done], paused, now);
}

/**
 * The resolution clock: it stops while paused and while resolved; a reopened ticket's clock runs
 * on from where it stood. It is met or breached once the ticket is resolved or closed for good.
 */
export function resolutionClock(
  calendar: BusinessCalendar,
  input: SlaInput,
  target: SlaTarget,
  now: number,
): TargetClock {
  const { paused, done } = stoppedIntervals(input);
  const current = input.history[input.history.length - 1];
  const finishedAt = current && DONE.has(current.status) ? current.at : null;
  return clockFor(calendar, target, input.createdAt, finishedAt, [...paused, ...done], paused, now);
}
