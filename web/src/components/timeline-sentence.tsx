import type { TFunction } from 'i18next';
import { MAIL_TEMPLATE_EVENTS } from '../../../domain/contracts/mail.js';
import type { TimelineEntry } from '../../../domain/contracts/tickets.js';

const MOVES = { escalated: 'escalated', returned: 'returned', transferred: 'transferred' } as const;
const RELATIONS = ['related', 'duplicate_of', 'duplicated_by', 'child_of', 'parent_of'] as const;
type Relation = (typeof RELATIONS)[number];
const SLA_KINDS = ['sla_warning', 'sla_breach', 'sla_escalation'] as const;
const COMMITMENT_KINDS = ['commitment_warning', 'commitment_broken'] as const;
const SLA_CLOCKS = ['first_response', 'resolution', 'update'] as const;

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

const text = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
      ? (value as { name: string }).name
      : '—';

/**
 * Events that read better as one sentence than as field changes: moves between groups (with the
 * handoff summary below), a procedure applied, links and merges, SLA alerts and commitments.
 * Null for the others. `formatDate` writes an instant in the viewer's zone and language.
 */
export function timelineSentence(
  entry: TimelineEntry,
  t: TFunction,
  formatDate: (iso: string) => string = (iso) => iso,
): { sentence: string; detail?: string } | null {
  const change = (field: string) => entry.changes.find((c) => c.field === field);
  const sla = slaSentence(entry, t, formatDate);
  const notified = change('notified')?.to;
  if (sla)
    return Array.isArray(notified) && notified.length
      ? { sentence: sla, detail: t('supervision.timeline.notified', { names: notified.map(text).join(', ') }) }
      : { sentence: sla };
  if (entry.kind in MOVES) {
    const group = change('group');
    const summary = change('summary')?.to;
    return {
      sentence: t(`support.timeline.${MOVES[entry.kind as keyof typeof MOVES]}`, {
        from: group?.from ? text(group.from) : t('support.history.nowhere'),
        to: text(group?.to),
      }),
      ...(typeof summary === 'string' && summary ? { detail: summary } : {}),
    };
  }
  if (entry.kind === 'procedure_applied') {
    const procedure = change('procedure')?.to as { title?: unknown; version?: unknown } | undefined;
    return {
      sentence: t('support.timeline.procedureApplied', {
        title: typeof procedure?.title === 'string' ? procedure.title : '—',
        version: typeof procedure?.version === 'number' ? procedure.version : '—',
      }),
    };
  }
  if (entry.kind === 'mail_bounced') return bounceSentence(entry, t);
  if (entry.kind === 'satisfaction_answered') {
    const rating = change('rating')?.to;
    const comment = change('comment')?.to;
    return {
      sentence:
        typeof rating === 'number'
          ? t('surveys.timeline.answered', { rating })
          : t('surveys.timeline.answeredNoRating'),
      ...(typeof comment === 'string' ? { detail: comment } : {}),
    };
  }
  if (entry.kind === 'satisfaction_follow_up') {
    const note = change('note')?.to;
    return { sentence: t('surveys.timeline.followUp'), ...(typeof note === 'string' ? { detail: note } : {}) };
  }
  if (entry.kind === 'problem_linked' || entry.kind === 'problem_unlinked') {
    const problem = change('problem');
    const linked = entry.kind === 'problem_linked';
    return {
      sentence: t(`problems.ticketTimeline.${linked ? 'linked' : 'unlinked'}`, {
        number: text(linked ? problem?.to : problem?.from),
      }),
    };
  }
  if (entry.kind === 'known_issue_updated') return { sentence: t('problems.ticketTimeline.wordingChanged') };
  if (entry.kind === 'linked' || entry.kind === 'merged') {
    const link = entry.changes.find((c) => (RELATIONS as readonly string[]).includes(c.field));
    if (!link) return null;
    const number = text(link.to);
    if (entry.kind === 'merged') return { sentence: t('support.timeline.merged', { number }) };
    return {
      sentence: t('support.timeline.linked', {
        relation: t(`support.timeline.relations.${link.field as Relation}`),
        number,
      }),
    };
  }
  return null;
}

/** What the SLA detection job and commitments wrote: the target and share of time used, or the promised date. */
function slaSentence(entry: TimelineEntry, t: TFunction, formatDate: (iso: string) => string): string | null {
  const value = (field: string) => {
    const change = entry.changes.find((c) => c.field === field);
    return change?.to ?? change?.from ?? null;
  };
  const date = (iso: unknown) =>
    typeof iso === 'string' && iso ? formatDate(iso) : t('supervision.timeline.someDate');
  if (oneOf(SLA_KINDS, entry.kind)) {
    const target = value('target');
    const percent = value('percent');
    // A level of the matrix that only tells people is a notice; one that escalates says so.
    const kind = entry.kind === 'sla_escalation' && value('escalated') !== true ? 'sla_escalation_notice' : entry.kind;
    return t(`supervision.timeline.${kind}`, {
      target: oneOf(SLA_CLOCKS, target)
        ? t(`supervision.sla.targetNames.${target}`)
        : t('supervision.timeline.someTarget'),
      percent: typeof percent === 'number' ? percent : '—',
    });
  }
  if (entry.kind === 'ola_exceeded') {
    const level = value('level');
    return typeof level === 'string' && level
      ? t('supervision.timeline.ola_exceeded_level', { level })
      : t('supervision.timeline.ola_exceeded');
  }
  if (entry.kind === 'commitment_made') {
    const promised = entry.changes.find((c) => c.field === 'promisedAt');
    return typeof promised?.from === 'string' && promised.from
      ? t('supervision.timeline.commitment_replaced', { date: date(promised.to), previous: date(promised.from) })
      : t('supervision.timeline.commitment_made', { date: date(promised?.to) });
  }
  if (oneOf(COMMITMENT_KINDS, entry.kind))
    return t(`supervision.timeline.${entry.kind}`, { date: date(value('promisedAt')) });
  return null;
}

/** A delivery report recorded on the ticket (server/modules/mail/bounce-recorder.ts): to whom, which notice, why. */
function bounceSentence(entry: TimelineEntry, t: TFunction): { sentence: string; detail: string } {
  const value = (field: string) => entry.changes.find((c) => c.field === field)?.to;
  const notice = value('notice');
  const reason = [value('status'), value('diagnostic')].filter((part) => typeof part === 'string' && part).join(' ');
  return {
    sentence: t('mailRules.bounce.timeline', { address: text(value('recipient')) }),
    detail: t('mailRules.bounce.timelineDetail', {
      notice: oneOf(MAIL_TEMPLATE_EVENTS, notice) ? t(`mailAdmin.templates.events.${notice}`) : text(notice),
      reason: reason || t('mailRules.bounce.unknownReason'),
    }),
  };
}
