import { DEFAULT_ESCALATIONS, DEFAULT_WARN_AT } from '../../domain/sla/agreement-rules.js';
import type { SlaState } from '../../domain/sla/sla-clock.js';
import { escalationKey } from '../../domain/sla/sla-schedule.js';

/**
 * The SLA columns and firings of a generated ticket, APPROXIMATED: the arithmetic is that of a
 * 24×7 calendar (every minute counts), whatever business calendar the agreement names. The real
 * clock (domain/sla, through SlaService.evaluate) walks business hours, holidays and time zones
 * and costs far too much to run a million times; this keeps everything else exact — the
 * agreement's per-priority targets, pauses while waiting on the requester or a third party, the
 * clock stopping at resolution, warnings at 50/75/90 %, the default escalation matrix and the L1
 * internal target — so met/breached facts, deadlines, states and the firings already due agree
 * with each other. The application recomputes a ticket exactly on its next change, or for a whole
 * organization when its agreement is saved (SLA recalculation).
 */
const MINUTE = 60_000;
const DONE = new Set(['resolved', 'closed', 'cancelled']);
const PAUSING = new Set(['requester', 'third_party']);

export interface StatusChange {
  at: number;
  status: string;
  pendingReason: string | null;
}

export interface SlaFacts {
  createdAt: number;
  history: StatusChange[];
  firstResponseAt: number | null;
  target: { firstResponse: number; resolution: number };
  /** The level holding the ticket and since when, for its internal target (OLA), if it has one. */
  ola: { level: string; minutes: number; since: number } | null;
  now: number;
}

export interface SlaFiring {
  key: string;
  kind: 'warning' | 'breach' | 'escalation' | 'ola';
  target: 'first_response' | 'resolution' | null;
  percent: number | null;
  at: number;
  escalate: boolean;
  notify: readonly string[];
  /** Whether its target has been met or missed for good since. */
  settled: boolean;
}

export interface SlaOutcome {
  firstResponseDueAt: number | null;
  resolutionDueAt: number | null;
  nextDueAt: number | null;
  firstResponseMet: number | null;
  resolutionMet: number | null;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  state: SlaState;
  checkAt: number | null;
  escalatedAt: number | null;
  /** Warnings, breaches and escalation levels that came due by `now`, oldest first. */
  fired: SlaFiring[];
}

interface Interval {
  start: number;
  end: number;
}

interface Clock {
  state: SlaState;
  deadline: number | null;
  settled: boolean;
  elapsed: number;
  runningNow: boolean;
  stopped: Interval[];
}

function overlap(intervals: Interval[], start: number, end: number): number {
  let total = 0;
  for (const i of intervals) total += Math.max(0, Math.min(end, i.end) - Math.max(start, i.start));
  return total;
}

/** The instant `minutes` of running time after `start`, or null while stopped short of it. */
function instantAfter(start: number, minutes: number, stopped: Interval[]): number | null {
  let t = start;
  let remaining = minutes * MINUTE;
  for (const i of stopped) {
    if (i.end <= t) continue;
    if (i.start - t >= remaining) break;
    remaining -= Math.max(0, i.start - t);
    if (i.end === Number.POSITIVE_INFINITY) return null;
    t = Math.max(t, i.end);
  }
  return t + remaining;
}

function clock(minutes: number, start: number, stoppedAt: number | null, stopped: Interval[], now: number): Clock {
  const until = stoppedAt ?? now;
  const elapsed = (until - start - overlap(stopped, start, until)) / MINUTE;
  const runningNow = stoppedAt === null && !stopped.some((i) => i.start <= now && now < i.end);
  const deadline =
    runningNow || stoppedAt !== null || elapsed >= minutes ? instantAfter(start, minutes, stopped) : null;
  let state: SlaState;
  if (stoppedAt !== null) state = elapsed <= minutes ? 'met' : 'breached';
  else if (elapsed >= minutes) state = 'breached';
  else if (!runningNow) state = 'paused';
  else state = elapsed >= (DEFAULT_WARN_AT[0] ?? 1) * minutes ? 'warning' : 'running';
  return { state, deadline, settled: stoppedAt !== null, elapsed, runningNow, stopped };
}

/** Points on a clock, each with its instant if the clock reaches it (before it stops for good). */
function points(c: Clock, start: number, amounts: number[], stoppedAt: number | null): (number | null)[] {
  return amounts.map((amount) => {
    if (!c.settled && !c.runningNow && amount > c.elapsed) return null;
    const at = instantAfter(start, amount, c.stopped);
    return at !== null && stoppedAt !== null && at > stoppedAt ? null : at;
  });
}

export function approximateSla(facts: SlaFacts): SlaOutcome {
  const { createdAt, history, now } = facts;
  const paused: Interval[] = [];
  const done: Interval[] = [];
  history.forEach((change, i) => {
    const end = history[i + 1]?.at ?? Number.POSITIVE_INFINITY;
    if (DONE.has(change.status)) done.push({ start: change.at, end });
    else if (change.status === 'pending' && change.pendingReason && PAUSING.has(change.pendingReason))
      paused.push({ start: change.at, end });
  });
  const both = [...paused, ...done].sort((a, b) => a.start - b.start);
  const firstDone = history.find((change) => DONE.has(change.status))?.at ?? null;
  const answeredAt =
    facts.firstResponseAt !== null && firstDone !== null
      ? Math.min(facts.firstResponseAt, firstDone)
      : (facts.firstResponseAt ?? firstDone);
  const current = history[history.length - 1];
  const finishedAt = current && DONE.has(current.status) ? current.at : null;
  const fr = clock(facts.target.firstResponse, createdAt, answeredAt, paused, now);
  const res = clock(facts.target.resolution, createdAt, finishedAt, both, now);

  const fired: SlaFiring[] = [];
  const pending: number[] = [];
  const schedule = (target: 'first_response' | 'resolution', c: Clock, minutes: number, stoppedAt: number | null) => {
    const levels = DEFAULT_ESCALATIONS.filter((level) => level.target === target);
    const planned: Omit<SlaFiring, 'at' | 'settled'>[] = [
      ...DEFAULT_WARN_AT.map((fraction) => {
        const percent = Math.round(fraction * 100);
        return {
          key: `warning:${target}:${percent}`,
          kind: 'warning' as const,
          target,
          percent,
          escalate: false,
          notify: ['assignee'],
        };
      }),
      {
        key: `breach:${target}`,
        kind: 'breach',
        target,
        percent: 100,
        escalate: false,
        notify: ['assignee', 'group_lead'],
      },
      ...levels.map((level) => ({
        key: escalationKey(level),
        kind: 'escalation' as const,
        target,
        percent: level.percent,
        escalate: 'escalate' in level && level.escalate === true,
        notify: level.notify,
      })),
    ];
    const instants = points(
      c,
      createdAt,
      planned.map((p) => ((p.percent ?? 100) / 100) * minutes),
      stoppedAt,
    );
    planned.forEach((p, i) => {
      const at = instants[i];
      if (at === null || at === undefined) return;
      if (at <= now) fired.push({ ...p, at, settled: c.settled });
      else if (!c.settled) pending.push(at);
    });
  };
  schedule('first_response', fr, facts.target.firstResponse, answeredAt);
  schedule('resolution', res, facts.target.resolution, finishedAt);
  if (facts.ola) {
    const olaClock = clock(facts.ola.minutes, facts.ola.since, finishedAt, both, now);
    const [at] = points(olaClock, facts.ola.since, [facts.ola.minutes], finishedAt);
    if (at !== null && at !== undefined) {
      const firing = {
        key: `ola:${facts.ola.level}`,
        kind: 'ola' as const,
        target: null,
        percent: null,
        escalate: false,
        notify: ['group_lead'],
      };
      if (at <= now) fired.push({ ...firing, at, settled: res.settled });
      else if (!res.settled) pending.push(at);
    }
  }
  fired.sort((a, b) => a.at - b.at);

  const open = [fr, res].filter((c) => !c.settled && c.deadline !== null).map((c) => c.deadline as number);
  const outcome = (c: Clock) => (c.state === 'met' ? 1 : c.state === 'breached' ? 0 : null);
  return {
    firstResponseDueAt: fr.deadline,
    resolutionDueAt: res.deadline,
    nextDueAt: open.length > 0 ? Math.min(...open) : null,
    firstResponseMet: outcome(fr),
    resolutionMet: outcome(res),
    firstResponseMinutes: fr.settled ? Math.round(fr.elapsed) : null,
    resolutionMinutes: res.settled ? Math.round(res.elapsed) : null,
    state: overallState([fr, res]),
    checkAt: pending.length > 0 ? Math.min(...pending) : null,
    escalatedAt: fired.find((f) => f.escalate)?.at ?? null,
    fired,
  };
}

/** As SlaService: the worst open target, or how the targets ended. */
function overallState(clocks: Clock[]): SlaState {
  const open = clocks.filter((c) => !c.settled);
  for (const state of ['breached', 'warning', 'paused', 'running'] as const) {
    if (open.some((c) => c.state === state)) return state;
  }
  return clocks.every((c) => c.state === 'met') ? 'met' : 'breached';
}
