import type { CreateProblemBody, FixReference } from '../../../domain/contracts/problems.js';
import { isWebAddress, type ProblemStatus } from '../../../domain/problems/problem-lifecycle.js';
import { problemRefusal } from '../../../domain/problems/problem-refusals.js';
import type { Impact, Priority, Urgency } from '../../../domain/tickets/priority.js';
import { formatTicketNumber } from '../../../domain/tickets/ticket-types.js';
import type { ProblemTable } from '../../db/schema.js';
import { type FieldError, validationError } from '../../platform/errors.js';
import { sanitizeRichText } from '../../platform/html.js';

/** What a problem's create or update body means for its columns and its timeline. */

/** The analysis fields: body field -> column. Each is sanitized rich text; empty clears it. */
export const ANALYSIS = {
  symptom: 'symptom_html',
  cause: 'cause_html',
  businessImpact: 'business_impact_html',
  workaroundDesk: 'workaround_desk_html',
  workaroundPublic: 'workaround_public_html',
  permanentFix: 'permanent_fix_html',
} as const satisfies Record<string, keyof ProblemTable>;

/** When the problem entered the status, stamped as it does (and cleared when it goes back to investigating). */
export const STAMPS: Partial<Record<ProblemStatus, 'known_error_at' | 'resolved_at' | 'closed_at'>> = {
  known_error: 'known_error_at',
  resolved: 'resolved_at',
  closed: 'closed_at',
};

/** The analysis columns a body sets: sanitized, and null when empty (clearing the field). */
export function analysisColumns(body: Partial<Record<keyof typeof ANALYSIS, string | null | undefined>>) {
  const columns: Partial<ProblemTable> = {};
  for (const [field, column] of Object.entries(ANALYSIS) as [
    keyof typeof ANALYSIS,
    (typeof ANALYSIS)[keyof typeof ANALYSIS],
  ][]) {
    const value = body[field];
    if (value === undefined) continue;
    columns[column] = value === null ? null : sanitizeRichText(value) || null;
  }
  return columns;
}

export function checkFixReferences(references: readonly FixReference[]): FixReference[] {
  const issues: FieldError[] = [];
  const cleaned = references.map((reference, i) => {
    const url = reference.url?.trim() || null;
    if (url !== null && !isWebAddress(url))
      issues.push(problemRefusal(`fixReferences[${i}].url`, 'fix_url', 'must be an http(s) address'));
    return { kind: reference.kind, reference: reference.reference.trim(), url };
  });
  if (issues.length > 0) throw validationError(issues);
  return cleaned;
}

/** A set-valued field's change for the timeline, recorded only when the set differs. */
export function setChange(field: string, before: string[], after: string[]) {
  const sorted = (ids: string[]) => [...ids].sort();
  return JSON.stringify(sorted(before)) === JSON.stringify(sorted(after))
    ? []
    : [{ field, from: sorted(before), to: sorted(after) }];
}

/** A new problem's row: `new`, its analysis as the body gives it, no deadline until the SLA records one. */
export function newProblemRow(
  body: CreateProblemBody,
  facts: {
    id: string;
    sequence: number;
    descriptionHtml: string;
    fixReferences: FixReference[];
    impact: Impact;
    urgency: Urgency;
    priority: Priority;
    createdById: string;
    at: string;
  },
): ProblemTable {
  return {
    id: facts.id,
    number: formatTicketNumber('problem', facts.sequence),
    sequence: facts.sequence,
    subject: body.subject.trim(),
    description_html: facts.descriptionHtml,
    status: 'new',
    impact: facts.impact,
    urgency: facts.urgency,
    priority: facts.priority,
    group_id: body.groupId ?? null,
    owner_id: body.ownerId ?? null,
    symptom_html: null,
    cause_html: null,
    business_impact_html: null,
    workaround_desk_html: null,
    workaround_public_html: null,
    permanent_fix_html: null,
    ...analysisColumns(body),
    fix_references: JSON.stringify(facts.fixReferences),
    workaround_applications: 0,
    created_by_id: facts.createdById,
    created_at: facts.at,
    updated_at: facts.at,
    known_error_at: null,
    resolved_at: null,
    closed_at: null,
    version: 1,
    agreement_id: null,
    resolution_due_at: null,
    resolution_met: null,
    resolution_minutes: null,
    sla_state: null,
    sla_check_at: null,
    sla_escalated_at: null,
  };
}
