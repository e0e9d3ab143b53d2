import type { TFunction } from 'i18next';
import type { TimelineEntry } from '../../../domain/contracts/tickets.js';

const MOVES = { escalated: 'escalated', returned: 'returned', transferred: 'transferred' } as const;
const RELATIONS = ['related', 'duplicate_of', 'duplicated_by', 'child_of', 'parent_of'] as const;
type Relation = (typeof RELATIONS)[number];

const text = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
      ? (value as { name: string }).name
      : '—';

/**
 * Events that read better as one sentence than as field changes: moves between groups (with the
 * handoff summary below), a procedure applied, links and merges. Null for the others.
 */
export function timelineSentence(entry: TimelineEntry, t: TFunction): { sentence: string; detail?: string } | null {
  const change = (field: string) => entry.changes.find((c) => c.field === field);
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
