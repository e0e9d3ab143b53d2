import { IANAZone } from 'luxon';
import type { FieldError } from '../field-error.js';
import type { TimeRange } from './business-calendar.js';

/** Whether a calendar's time zone and weekly hours make sense. */
export function checkCalendar(timeZone: string, weekly: Record<string, TimeRange[] | undefined>): FieldError[] {
  const issues: FieldError[] = [];
  if (!IANAZone.isValidZone(timeZone))
    issues.push({ field: 'timeZone', message: `"${timeZone}" is not a time zone (use e.g. America/Santiago)` });
  for (const [day, ranges] of Object.entries(weekly)) {
    (ranges ?? []).forEach((range, i) => {
      if (range.start === '24:00')
        issues.push({ field: `weekly.${day}.${i}.start`, message: 'a range cannot start at 24:00' });
      if (range.start === range.end) issues.push({ field: `weekly.${day}.${i}`, message: 'a range must not be empty' });
    });
  }
  return issues;
}

export interface TargetLike {
  priority: number;
  type?: string | null | undefined;
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

/** Targets must not repeat a priority and type, and resolution cannot come before first response. */
export function checkTargets(targets: readonly TargetLike[]): FieldError[] {
  const issues: FieldError[] = [];
  const seen = new Set<string>();
  targets.forEach((target, i) => {
    const key = `${target.priority}/${target.type ?? '*'}`;
    if (seen.has(key))
      issues.push({
        field: `targets.${i}`,
        message: `priority ${target.priority}${target.type ? ` ${target.type}` : ''} has two targets`,
      });
    seen.add(key);
    if (target.resolutionMinutes < target.firstResponseMinutes) {
      issues.push({
        field: `targets.${i}.resolutionMinutes`,
        message: 'must not be shorter than the first response target',
      });
    }
  });
  return issues;
}

/** Warnings at half, three quarters and nine tenths of a target, unless the agreement says otherwise. */
export const DEFAULT_WARN_AT = [0.5, 0.75, 0.9];

/**
 * The escalation matrix an agreement starts with: a missed first response tells the agent and the
 * lead; the lead hears at 75 % of the resolution time, the supervisors at its breach, and the
 * ticket goes on their list.
 */
export const DEFAULT_ESCALATIONS = [
  { target: 'first_response', percent: 100, notify: ['assignee', 'group_lead'] },
  { target: 'resolution', percent: 75, notify: ['group_lead'] },
  { target: 'resolution', percent: 100, notify: ['group_lead', 'supervisors'], escalate: true },
] as const satisfies readonly EscalationLike[];

export interface EscalationLike {
  target: string;
  percent: number;
  afterMinutes?: number | undefined;
  notify: readonly string[];
  userIds?: readonly string[] | undefined;
  escalate?: boolean | undefined;
}

/** Each level of the matrix fires at its own moment and does something when it does. */
export function checkEscalations(levels: readonly EscalationLike[]): FieldError[] {
  const issues: FieldError[] = [];
  const seen = new Set<string>();
  levels.forEach((level, i) => {
    const key = `${level.target}:${level.percent}+${level.afterMinutes ?? 0}`;
    if (seen.has(key))
      issues.push({
        field: `escalations.${i}`,
        message: 'another level fires at the same moment of the same target',
      });
    seen.add(key);
    if (level.notify.length === 0 && !level.userIds?.length && !level.escalate)
      issues.push({ field: `escalations.${i}.notify`, message: 'a level must notify someone or escalate' });
  });
  return issues;
}

/** The target for a ticket: the one for its priority and type, else the one for its priority. */
export function targetFor<T extends TargetLike>(targets: readonly T[], priority: number, type: string): T | undefined {
  return (
    targets.find((t) => t.priority === priority && t.type === type) ??
    targets.find((t) => t.priority === priority && !t.type)
  );
}
