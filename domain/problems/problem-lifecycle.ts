import type { FieldError } from '../field-error.js';
import { problemRefusal } from './problem-refusals.js';

/**
 * The problem lifecycle (ITIL problem management): which status may follow which. The server
 * enforces exactly this table; the UI reads it to offer only the moves that will succeed.
 *
 * - new: recorded, nobody is looking yet.
 * - investigating: someone looks for the cause.
 * - known_error: the cause or a workaround is known and written down; the desk applies the
 *   workaround while the permanent fix is on its way (and may go back to investigating when the
 *   workaround turns out wrong).
 * - resolved: the permanent fix is in; closed once it held, or back to investigating when it did not.
 * - closed, cancelled: final.
 */
export const PROBLEM_STATUSES = ['new', 'investigating', 'known_error', 'resolved', 'closed', 'cancelled'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const PROBLEM_TRANSITIONS: Record<ProblemStatus, readonly ProblemStatus[]> = {
  new: ['investigating', 'known_error', 'cancelled'],
  investigating: ['known_error', 'resolved', 'cancelled'],
  known_error: ['investigating', 'resolved', 'cancelled'],
  resolved: ['closed', 'investigating'],
  closed: [],
  cancelled: [],
};

/** Problems still being worked: their linked incidents' requesters are told "known issue, we are working on it". */
export const OPEN_PROBLEM_STATUSES: readonly ProblemStatus[] = ['new', 'investigating', 'known_error'];

/** Problems the known-error base offers: known errors, and resolved ones whose workaround still helps clients the fix has not reached. */
export const KNOWN_ERROR_STATUSES: readonly ProblemStatus[] = ['known_error', 'resolved'];

/** What the move's requirements read from the problem as it would be after the change. */
export interface ProblemFacts {
  workaroundDesk: string | null;
  workaroundPublic: string | null;
  cause: string | null;
  permanentFix: string | null;
}

export type ProblemTransitionField = 'status' | 'workaroundDesk' | 'cause' | 'permanentFix';

export function allowedProblemMoves(from: ProblemStatus): ProblemStatus[] {
  return [...PROBLEM_TRANSITIONS[from]];
}

/** Whether the table allows the move at all (a refused move is a conflict with the problem's state). */
export function isProblemMoveAllowed(from: ProblemStatus, to: ProblemStatus): boolean {
  return from === to || PROBLEM_TRANSITIONS[from].includes(to);
}

const filled = (text: string | null) => Boolean(text?.trim());

/** Every reason the move cannot be made, or none: first whether the table allows it, then what the target needs. */
export function checkProblemTransition(
  from: ProblemStatus,
  to: ProblemStatus,
  facts: ProblemFacts,
): FieldError<ProblemTransitionField>[] {
  if (from === to) return [];
  if (!PROBLEM_TRANSITIONS[from].includes(to))
    return [problemRefusal('status', 'transition_forbidden', `a ${from} problem cannot become ${to}`, { from, to })];
  const issues: FieldError<ProblemTransitionField>[] = [];
  if (to === 'known_error' && !filled(facts.workaroundDesk) && !filled(facts.workaroundPublic))
    issues.push(
      problemRefusal(
        'workaroundDesk',
        'workaround_required',
        'a known error needs a workaround (desk or public wording)',
      ),
    );
  if (to === 'resolved') {
    if (!filled(facts.cause)) issues.push(problemRefusal('cause', 'cause_required', 'say what the root cause was'));
    if (!filled(facts.permanentFix))
      issues.push(problemRefusal('permanentFix', 'permanent_fix_required', 'say what fixed it for good'));
  }
  return issues;
}

/** What fixes a problem for good: a change on our side or a case with a vendor. */
export const FIX_REFERENCE_KINDS = ['change', 'vendor_case'] as const;
export type FixReferenceKind = (typeof FIX_REFERENCE_KINDS)[number];

/** A link people will open from the problem page: http(s) only, never javascript: or file:. */
export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
