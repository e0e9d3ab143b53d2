import type {
  Agreement,
  CreateAgreementBody,
  ESCALATION_RECIPIENTS,
  SLA_TARGETS,
} from '../../../../domain/contracts/sla.js';
import { DEFAULT_ESCALATIONS, DEFAULT_WARN_AT } from '../../../../domain/sla/agreement-rules.js';
import type { PendingReason } from '../../../../domain/tickets/ticket-lifecycle.js';
import type { TicketType } from '../../../../domain/tickets/ticket-types.js';
import { draftKey } from './calendar-form.js';

/**
 * The agreement form's state and rules, with no React. Minutes are business minutes; an empty
 * number box is '' until it is filled. Warning thresholds are percents here, fractions in the API.
 */

export type Recipient = (typeof ESCALATION_RECIPIENTS)[number];
export type SlaTarget = (typeof SLA_TARGETS)[number];
export type MinutesValue = number | '';

export interface TargetDraft {
  key: string;
  priority: number;
  type: TicketType | null;
  firstResponseMinutes: MinutesValue;
  resolutionMinutes: MinutesValue;
  updateMinutes: MinutesValue;
}

export interface EscalationDraft {
  key: string;
  target: SlaTarget;
  percent: MinutesValue;
  afterMinutes: MinutesValue;
  notify: Recipient[];
  userIds: string[];
  escalate: boolean;
}

export interface AgreementDraft {
  organizationId: string | null;
  name: string;
  calendarId: string | null;
  serviceIds: string[];
  targets: TargetDraft[];
  pausingReasons: PendingReason[];
  warnPercents: number[];
  levelMinutes: { L1: MinutesValue; L2: MinutesValue };
  escalations: EscalationDraft[];
  /** Resolution time of a problem report per priority; empty: no target for that priority. */
  problemMinutes: Record<ProblemPriority, MinutesValue>;
}

export const PROBLEM_PRIORITIES = [1, 2, 3, 4] as const;
export type ProblemPriority = (typeof PROBLEM_PRIORITIES)[number];
const noProblemTargets = (): Record<ProblemPriority, MinutesValue> => ({ 1: '', 2: '', 3: '', 4: '' });

export const MAX_MINUTES = 60 * 24 * 365;
export const MAX_AFTER_MINUTES = 60 * 24 * 30;
export const MAX_TARGETS = 40;
export const MAX_ESCALATIONS = 12;

const target = (priority: number, firstResponseMinutes: number, resolutionMinutes: number): TargetDraft => ({
  key: draftKey(),
  priority,
  type: null,
  firstResponseMinutes,
  resolutionMinutes,
  updateMinutes: '',
});

export const emptyTarget = (priority: number): TargetDraft => ({
  key: draftKey(),
  priority,
  type: null,
  firstResponseMinutes: '',
  resolutionMinutes: '',
  updateMinutes: '',
});

export const emptyEscalation = (): EscalationDraft => ({
  key: draftKey(),
  target: 'resolution',
  percent: 100,
  afterMinutes: 0,
  notify: ['supervisors'],
  userIds: [],
  escalate: false,
});

/** The matrix the server gives an agreement that names none (domain/sla/agreement-rules). */
export const suggestedEscalations = (): EscalationDraft[] =>
  DEFAULT_ESCALATIONS.map((level) => ({
    ...emptyEscalation(),
    target: level.target,
    percent: level.percent,
    notify: [...level.notify],
    escalate: 'escalate' in level ? level.escalate : false,
  }));

export function newAgreementDraft(organizationId: string | null): AgreementDraft {
  return {
    organizationId,
    name: '',
    calendarId: null,
    serviceIds: [],
    targets: [target(1, 30, 240), target(2, 60, 480), target(3, 120, 1440), target(4, 240, 2880)],
    pausingReasons: ['requester', 'third_party'],
    warnPercents: DEFAULT_WARN_AT.map((fraction) => Math.round(fraction * 100)),
    levelMinutes: { L1: '', L2: '' },
    escalations: suggestedEscalations(),
    problemMinutes: noProblemTargets(),
  };
}

const levelOrder = (a: EscalationOrder, b: EscalationOrder) =>
  a.target.localeCompare(b.target) || a.percent - b.percent || (a.afterMinutes ?? 0) - (b.afterMinutes ?? 0);
type EscalationOrder = Agreement['escalations'][number];

export function agreementDraftOf(agreement: Agreement): AgreementDraft {
  return {
    organizationId: agreement.organizationId,
    name: agreement.name,
    calendarId: agreement.calendarId,
    serviceIds: agreement.serviceIds,
    targets: agreement.targets.map((t) => ({
      key: draftKey(),
      priority: t.priority,
      type: t.type ?? null,
      firstResponseMinutes: t.firstResponseMinutes,
      resolutionMinutes: t.resolutionMinutes,
      updateMinutes: t.updateMinutes ?? '',
    })),
    pausingReasons: agreement.pausingReasons,
    warnPercents: agreement.warnAt.map((f) => Math.round(f * 100)).sort((a, b) => a - b),
    levelMinutes: { L1: agreement.levelMinutes.L1 ?? '', L2: agreement.levelMinutes.L2 ?? '' },
    escalations: [...(agreement.escalations ?? [])].sort(levelOrder).map((e) => ({
      key: draftKey(),
      target: e.target,
      percent: e.percent,
      afterMinutes: e.afterMinutes ?? 0,
      notify: e.notify,
      userIds: e.userIds ?? [],
      escalate: e.escalate ?? false,
    })),
    problemMinutes: Object.assign(
      noProblemTargets(),
      Object.fromEntries((agreement.problemTargets ?? []).map((p) => [p.priority, p.resolutionMinutes])),
    ),
  };
}

const orNull = (value: MinutesValue) => (value === '' ? null : value);

/** The body fields shared by create and update; call only once `agreementIssues` is empty. */
export function agreementFieldsOf(draft: AgreementDraft): Omit<CreateAgreementBody, 'organizationId'> {
  return {
    name: draft.name.trim(),
    calendarId: draft.calendarId ?? '',
    serviceIds: draft.serviceIds,
    targets: draft.targets.map((t) => ({
      priority: t.priority,
      type: t.type,
      firstResponseMinutes: Number(t.firstResponseMinutes),
      resolutionMinutes: Number(t.resolutionMinutes),
      updateMinutes: orNull(t.updateMinutes),
    })),
    pausingReasons: draft.pausingReasons,
    warnAt: [...draft.warnPercents].sort((a, b) => a - b).map((p) => p / 100),
    levelMinutes: { L1: orNull(draft.levelMinutes.L1), L2: orNull(draft.levelMinutes.L2) },
    escalations: draft.escalations.map((e) => ({
      target: e.target,
      percent: Number(e.percent),
      afterMinutes: Number(e.afterMinutes || 0),
      notify: e.notify,
      userIds: e.userIds,
      escalate: e.escalate,
    })),
    problemTargets: PROBLEM_PRIORITIES.filter((p) => draft.problemMinutes[p] !== '').map((p) => ({
      priority: p,
      resolutionMinutes: Number(draft.problemMinutes[p]),
    })),
  };
}

export type AgreementIssue =
  | 'required'
  | 'noTargets'
  | 'minutesRange'
  | 'resolutionBeforeResponse'
  | 'duplicateTarget'
  | 'percentRange'
  | 'afterRange'
  | 'levelDoesNothing'
  | 'duplicateLevel';

const inRange = (value: MinutesValue, min: number, max: number) =>
  value !== '' && Number.isInteger(value) && value >= min && value <= max;

/** Issues by field path, the way the API names them (`targets.0.resolutionMinutes`, `escalations.1`). */
export function agreementIssues(draft: AgreementDraft): Record<string, AgreementIssue> {
  const issues: Record<string, AgreementIssue> = {};
  if (!draft.organizationId) issues.organizationId = 'required';
  if (!draft.name.trim()) issues.name = 'required';
  if (!draft.calendarId) issues.calendarId = 'required';
  if (draft.targets.length === 0) issues.targets = 'noTargets';
  const targets = new Set<string>();
  draft.targets.forEach((t, i) => {
    const at = `targets.${i}`;
    if (t.firstResponseMinutes === '') issues[`${at}.firstResponseMinutes`] = 'required';
    else if (!inRange(t.firstResponseMinutes, 1, MAX_MINUTES)) issues[`${at}.firstResponseMinutes`] = 'minutesRange';
    if (t.resolutionMinutes === '') issues[`${at}.resolutionMinutes`] = 'required';
    else if (!inRange(t.resolutionMinutes, 1, MAX_MINUTES)) issues[`${at}.resolutionMinutes`] = 'minutesRange';
    else if (t.firstResponseMinutes !== '' && t.resolutionMinutes < t.firstResponseMinutes)
      issues[`${at}.resolutionMinutes`] = 'resolutionBeforeResponse';
    if (t.updateMinutes !== '' && !inRange(t.updateMinutes, 1, MAX_MINUTES))
      issues[`${at}.updateMinutes`] = 'minutesRange';
    const key = `${t.priority}/${t.type ?? '*'}`;
    if (targets.has(key)) issues[at] = 'duplicateTarget';
    targets.add(key);
  });
  for (const level of ['L1', 'L2'] as const) {
    const minutes = draft.levelMinutes[level];
    if (minutes !== '' && !inRange(minutes, 1, MAX_MINUTES)) issues[`levelMinutes.${level}`] = 'minutesRange';
  }
  const levels = new Set<string>();
  draft.escalations.forEach((e, i) => {
    const at = `escalations.${i}`;
    if (!inRange(e.percent, 1, 100)) issues[`${at}.percent`] = 'percentRange';
    if (e.afterMinutes !== '' && !inRange(e.afterMinutes, 0, MAX_AFTER_MINUTES))
      issues[`${at}.afterMinutes`] = 'afterRange';
    if (e.notify.length === 0 && e.userIds.length === 0 && !e.escalate) issues[at] = 'levelDoesNothing';
    // The API refuses two levels at the same moment of the same target: they would be one level.
    const key = `${e.target}/${e.percent}/${e.afterMinutes || 0}`;
    if (levels.has(key) && !issues[at]) issues[at] = 'duplicateLevel';
    levels.add(key);
  });
  for (const priority of PROBLEM_PRIORITIES) {
    const minutes = draft.problemMinutes[priority];
    if (minutes !== '' && !inRange(minutes, 1, MAX_MINUTES)) issues[`problemMinutes.${priority}`] = 'minutesRange';
  }
  return issues;
}
