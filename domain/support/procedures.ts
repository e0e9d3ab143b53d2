/**
 * Procedures are the desk's documented ways to resolve cases: for L1, for an L2 specialty, or for
 * requesters to help themselves. They are written, reviewed, published and retired; every edit is
 * a new version and the published one stays in use until the next is published.
 */
export const PROCEDURE_AUDIENCES = ['L1', 'L2', 'requesters'] as const;
export type ProcedureAudience = (typeof PROCEDURE_AUDIENCES)[number];

export const PROCEDURE_STATUSES = ['draft', 'in_review', 'published', 'retired'] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];

export type ProcedureAction = 'submit' | 'publish' | 'return' | 'retire';

const MOVES: Record<ProcedureAction, { from: readonly ProcedureStatus[]; to: ProcedureStatus; reviewer: boolean }> = {
  submit: { from: ['draft'], to: 'in_review', reviewer: false },
  return: { from: ['in_review'], to: 'draft', reviewer: true },
  publish: { from: ['in_review'], to: 'published', reviewer: true },
  retire: { from: ['published', 'draft', 'in_review'], to: 'retired', reviewer: true },
};

/** The status an action leads to, or why it cannot be taken. */
export function procedureMove(
  status: ProcedureStatus,
  action: ProcedureAction,
  canReview: boolean,
): { to: ProcedureStatus } | { issue: string } {
  const move = MOVES[action];
  if (!move.from.includes(status))
    return { issue: `a ${status} procedure cannot be ${action === 'return' ? 'returned' : `${action}ed`}` };
  if (move.reviewer && !canReview) return { issue: 'only a reviewer (supervisor or admin) may do this' };
  return { to: move.to };
}

/** Who may read a procedure: requesters only published requester-facing ones; staff all. */
export function audiencesFor(isStaffMember: boolean): readonly ProcedureAudience[] {
  return isStaffMember ? PROCEDURE_AUDIENCES : ['requesters'];
}

/** Who reads a procedure: its audience, and the services and categories it is offered for. */
export interface ProcedureReaders {
  audience: ProcedureAudience;
  serviceIds: readonly string[];
  categoryIds: readonly string[];
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
}

/**
 * Whether an edit changes who reads a procedure. Such an edit of a procedure in use takes it back
 * to draft, served to no one until a reviewer publishes it: dropping a procedure's services widens
 * it to every organization's requesters as surely as a new audience does. Lists compare as sets.
 */
export function changesReaders(before: ProcedureReaders, edit: Partial<ProcedureReaders>): boolean {
  return (
    (edit.audience !== undefined && edit.audience !== before.audience) ||
    (edit.serviceIds !== undefined && !sameIds(edit.serviceIds, before.serviceIds)) ||
    (edit.categoryIds !== undefined && !sameIds(edit.categoryIds, before.categoryIds))
  );
}
