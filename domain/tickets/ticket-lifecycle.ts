import type { FieldError } from '../field-error.js';

/**
 * The ticket lifecycle: which status may follow which, and who may make each move. The server
 * enforces exactly this table; the UI reads it to offer only the moves that will succeed.
 */
export const STATUSES = ['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed', 'cancelled'] as const;
export type TicketStatus = (typeof STATUSES)[number];

export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'pending'];
export const FINAL_STATUSES: readonly TicketStatus[] = ['closed', 'cancelled'];

/** Why a ticket waits: on the requester, on a third party (vendor, provider), or for a scheduled date. */
export const PENDING_REASONS = ['requester', 'third_party', 'scheduled'] as const;
export type PendingReason = (typeof PENDING_REASONS)[number];

export const RESOLUTION_CODES = [
  'solved',
  'workaround',
  'not_reproducible',
  'duplicate',
  'out_of_scope',
  'no_response',
] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

/** Who moves a ticket: desk staff, the requester in the portal or by mail, or Mesa itself (auto-close). */
export type LifecycleActor = 'staff' | 'requester' | 'system';

type Moves = Partial<Record<TicketStatus, readonly LifecycleActor[]>>;
const STAFF = ['staff'] as const;

export const TRANSITIONS: Record<TicketStatus, Moves> = {
  new: {
    assigned: ['staff', 'system'],
    in_progress: STAFF,
    pending: STAFF,
    resolved: STAFF,
    cancelled: ['staff', 'requester'],
  },
  assigned: { new: STAFF, in_progress: STAFF, pending: STAFF, resolved: STAFF, cancelled: ['staff', 'requester'] },
  in_progress: { assigned: STAFF, pending: STAFF, resolved: STAFF, cancelled: STAFF },
  // A requester's reply to a ticket waiting on them puts it back in progress (made by Mesa).
  pending: { in_progress: ['staff', 'system'], assigned: STAFF, resolved: STAFF, cancelled: STAFF },
  // The requester confirms (closed) or reopens; Mesa closes it after the confirmation window.
  resolved: { closed: ['staff', 'requester', 'system'], in_progress: ['staff', 'requester'] },
  closed: {},
  cancelled: {},
};

export interface TransitionDetails {
  assigneeId?: string | null;
  pendingReason?: PendingReason | null;
  resolutionCode?: ResolutionCode | null;
  resolutionNotes?: string | null;
}

/** The fields a refused transition can name. */
export type TransitionField = 'status' | 'assigneeId' | 'pendingReason' | 'resolutionCode' | 'resolutionNotes';

export function allowedMoves(from: TicketStatus, actor: LifecycleActor): TicketStatus[] {
  return STATUSES.filter((to) => TRANSITIONS[from][to]?.includes(actor));
}

/** Every reason the move cannot be made, or none. */
export function checkTransition(
  from: TicketStatus,
  to: TicketStatus,
  actor: LifecycleActor,
  details: TransitionDetails = {},
): FieldError<TransitionField>[] {
  if (from === to) return [];
  const actors = TRANSITIONS[from][to];
  if (!actors) return [{ field: 'status', message: `a ${from} ticket cannot become ${to}` }];
  if (!actors.includes(actor))
    return [{ field: 'status', message: `only ${actors.join(' or ')} may move a ticket from ${from} to ${to}` }];
  const issues: FieldError<TransitionField>[] = [];
  if (to === 'assigned' && !details.assigneeId)
    issues.push({ field: 'assigneeId', message: 'an assigned ticket needs an assignee' });
  if (to === 'pending' && !details.pendingReason)
    issues.push({ field: 'pendingReason', message: 'say what the ticket is waiting for' });
  if (to === 'resolved') {
    if (!details.resolutionCode) issues.push({ field: 'resolutionCode', message: 'a resolution needs a code' });
    if (!details.resolutionNotes?.trim()) issues.push({ field: 'resolutionNotes', message: 'say how it was resolved' });
  }
  return issues;
}

export function isOpen(status: TicketStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
