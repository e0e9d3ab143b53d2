import { type BusinessCalendar, businessMinutesBetween, instantsAfterBusinessMinutes } from './business-calendar.js';
import { type SlaInput, stoppedIntervals, type TargetClock } from './sla-clock.js';

/**
 * When each of a ticket's warnings, breaches, escalation levels and its internal (OLA) target
 * comes due. Every one is a point on a business-time clock, so the instant is known as long as
 * that clock runs; while it is stopped short of a point, the point has no instant yet.
 */
export type TargetName = 'first_response' | 'resolution';
/** Besides the two targets the matrix escalates on, the interval between updates to the requester. */
export type ClockName = TargetName | 'update';
export type FiringKind = 'warning' | 'breach' | 'escalation' | 'ola';

export interface EscalationRule {
  target: TargetName;
  /** Share of the target used, 1–100; 100 is the breach. */
  percent: number;
  /** Business minutes past that share. */
  afterMinutes?: number | undefined;
}

export interface Firing<L extends EscalationRule> {
  /** Stable across recomputations: a firing with this key happens once per ticket. */
  key: string;
  kind: FiringKind;
  target: ClockName | null;
  percent: number | null;
  at: number | null;
  level: L | null;
}

export interface TargetSchedule {
  minutes: number;
  clock: TargetClock;
}

export interface ScheduleInput<L extends EscalationRule> {
  calendar: BusinessCalendar;
  input: SlaInput;
  now: number;
  /** The targets that apply: a ticket has both, a problem report only its resolution. */
  targets: Partial<Record<TargetName, TargetSchedule>>;
  /** Fractions of the target, e.g. [0.5, 0.75, 0.9]. */
  warnAt: readonly number[];
  escalations: readonly L[];
  /** The level holding the ticket, how long it may, and since when it holds it. */
  ola: { level: 'L1' | 'L2'; minutes: number; since: number } | null;
  /** The update interval, counted from the desk's latest public reply. */
  update?: { minutes: number; since: number; clock: TargetClock } | null;
}

export const escalationKey = (level: EscalationRule) =>
  `escalation:${level.target}:${level.percent}+${level.afterMinutes ?? 0}`;

/**
 * The instants at which `amounts` business minutes are used on a clock that starts at `start`
 * and stops during `stopped`. A point the clock has not reached while stopped stays null.
 */
function pointsOnClock(
  calendar: BusinessCalendar,
  start: number,
  stopped: { start: number; end: number }[],
  amounts: number[],
  now: number,
): (number | null)[] {
  const runningNow = !stopped.some((i) => i.start <= now && now < i.end);
  const elapsed = businessMinutesBetween(calendar, start, now, stopped);
  const reachable = amounts.map((amount) => runningNow || amount <= elapsed);
  const instants = instantsAfterBusinessMinutes(
    calendar,
    start,
    amounts.filter((_, i) => reachable[i]),
    stopped,
  );
  let next = 0;
  return amounts.map((_, i) => (reachable[i] ? (instants[next++] ?? null) : null));
}

export function slaSchedule<L extends EscalationRule>(schedule: ScheduleInput<L>): Firing<L>[] {
  const { calendar, input, now } = schedule;
  const { paused, done } = stoppedIntervals(input);
  const firings: Firing<L>[] = [];
  for (const target of ['first_response', 'resolution'] as const) {
    const applies = schedule.targets[target];
    // A target that does not apply, or met or missed for good, raises nothing more.
    if (!applies || applies.clock.settled) continue;
    const { minutes } = applies;
    const points: Omit<Firing<L>, 'at'>[] = [
      ...schedule.warnAt.map((fraction) => ({
        key: `warning:${target}:${Math.round(fraction * 100)}`,
        kind: 'warning' as const,
        target,
        percent: Math.round(fraction * 100),
        level: null,
      })),
      { key: `breach:${target}`, kind: 'breach', target, percent: 100, level: null },
      ...schedule.escalations
        .filter((level) => level.target === target)
        .map((level) => ({
          key: escalationKey(level),
          kind: 'escalation' as const,
          target,
          percent: level.percent,
          level,
        })),
    ];
    const amounts = points.map((point) =>
      point.level
        ? (point.level.percent / 100) * minutes + (point.level.afterMinutes ?? 0)
        : ((point.percent ?? 100) / 100) * minutes,
    );
    const stopped = target === 'resolution' ? [...paused, ...done] : paused;
    const instants = pointsOnClock(calendar, input.createdAt, stopped, amounts, now);
    firings.push(...points.map((point, i) => ({ ...point, at: instants[i] ?? null })));
  }
  const { update } = schedule;
  if (update && !update.clock.settled) {
    // Each reply starts a new interval, and each interval can be missed once.
    const [at] = pointsOnClock(calendar, update.since, [...paused, ...done], [update.minutes], now);
    firings.push({
      key: `breach:update:${new Date(update.since).toISOString()}`,
      kind: 'breach',
      target: 'update',
      percent: 100,
      at: at ?? null,
      level: null,
    });
  }
  const { ola } = schedule;
  if (ola && !schedule.targets.resolution?.clock.settled) {
    const [at] = pointsOnClock(calendar, ola.since, [...paused, ...done], [ola.minutes], now);
    firings.push({ key: `ola:${ola.level}`, kind: 'ola', target: null, percent: null, at: at ?? null, level: null });
  }
  return firings;
}

/** The firings due by `now` that have not fired yet, oldest first. */
export function dueFirings<L extends EscalationRule>(
  firings: readonly Firing<L>[],
  fired: ReadonlySet<string>,
  now: number,
): Firing<L>[] {
  return firings
    .filter((f) => f.at !== null && f.at <= now && !fired.has(f.key))
    .sort((a, b) => (a.at as number) - (b.at as number));
}

/** When the detection job must look at the ticket again: the earliest firing still to happen. */
export function nextCheckAt<L extends EscalationRule>(
  firings: readonly Firing<L>[],
  fired: ReadonlySet<string>,
): number | null {
  const pending = firings.filter((f) => f.at !== null && !fired.has(f.key)).map((f) => f.at as number);
  return pending.length > 0 ? Math.min(...pending) : null;
}

/**
 * Of the warnings and breach of one target due together (after a restart, or a priority change
 * that used up most of the time at once), only the furthest is worth telling anyone: the others
 * are recorded as fired without a word.
 */
export function silencedByLater<L extends EscalationRule>(due: readonly Firing<L>[]): Set<string> {
  const silenced = new Set<string>();
  for (const target of ['first_response', 'resolution'] as const) {
    const steps = due
      .filter((f) => f.target === target && (f.kind === 'warning' || f.kind === 'breach'))
      .sort((a, b) => (a.percent ?? 0) - (b.percent ?? 0));
    for (const step of steps.slice(0, -1)) silenced.add(step.key);
  }
  return silenced;
}

const NOTICE_RANK = { escalation: 3, breach: 2, warning: 1 } as const;

/**
 * Who hears of each firing when several of one ticket fire together (a warning and an escalation
 * level at the same percentage, say): each person hears of a target once, through the weightiest
 * firing naming them — an escalation before a breach before a warning; the first of equals. OLA
 * firings keep their own recipients. Returns the recipients per firing, in the order given.
 */
export function oneNoticePerPerson(
  firings: readonly { kind: string; target: string | null }[],
  recipients: readonly (readonly string[])[],
): string[][] {
  const rank = (kind: string): number => (kind in NOTICE_RANK ? NOTICE_RANK[kind as keyof typeof NOTICE_RANK] : 0);
  return firings.map((firing, index) => {
    const own = recipients[index] ?? [];
    if (rank(firing.kind) === 0) return [...own];
    return own.filter(
      (person) =>
        !firings.some(
          (other, j) =>
            j !== index &&
            other.target === firing.target &&
            rank(other.kind) > 0 &&
            (recipients[j] ?? []).includes(person) &&
            (rank(other.kind) > rank(firing.kind) || (rank(other.kind) === rank(firing.kind) && j < index)),
        ),
    );
  });
}
