import type { TicketSettings } from '../../../domain/contracts/settings.js';
import type { UpdateTicketBody } from '../../../domain/contracts/tickets.js';
import { derivePriority } from '../../../domain/tickets/priority.js';
import type { TicketStatus } from '../../../domain/tickets/ticket-lifecycle.js';
import type { TicketRow } from '../../db/schema.js';
import type { FieldError } from '../../platform/errors.js';

/**
 * The row changes a request means for a ticket: the fields it names, and what follows from them
 * (priority from impact × urgency, the status an assignment implies, the dates and reasons each
 * status carries). Pure: the caller checks the lifecycle and writes.
 */
export function planUpdate(
  current: TicketRow,
  requested: Omit<UpdateTicketBody, 'version'>,
  now: Date,
  settings: TicketSettings,
): { changes: Partial<TicketRow>; issues: FieldError[] } {
  const changes: Partial<TicketRow> = {};
  const issues: FieldError[] = [];
  const at = now.toISOString();

  if (requested.subject !== undefined) changes.subject = requested.subject.trim();
  if (requested.type !== undefined) changes.type = requested.type;
  if (requested.serviceId !== undefined) changes.service_id = requested.serviceId;
  if (requested.categoryId !== undefined) changes.category_id = requested.categoryId;
  if (requested.channel !== undefined) changes.channel = requested.channel;
  if (requested.impact !== undefined) changes.impact = requested.impact;
  if (requested.urgency !== undefined) changes.urgency = requested.urgency;

  if (requested.priority !== undefined && requested.priority !== current.priority) {
    if (!requested.priorityReason)
      issues.push({ field: 'priorityReason', message: 'say why the priority is set by hand' });
    changes.priority = requested.priority;
    changes.priority_overridden = 1;
    changes.priority_reason = requested.priorityReason ?? null;
  } else if ((changes.impact || changes.urgency) && current.priority_overridden === 0) {
    changes.priority = derivePriority(
      changes.impact ?? current.impact,
      changes.urgency ?? current.urgency,
      settings.priorityMatrix,
    );
  }

  let target: TicketStatus = requested.status ?? current.status;
  if (requested.assigneeId !== undefined) {
    changes.assignee_id = requested.assigneeId;
    // Taking a new ticket assigns it; giving one back makes it new again.
    if (requested.status === undefined && requested.assigneeId && current.status === 'new') target = 'assigned';
    if (requested.status === undefined && !requested.assigneeId && current.status === 'assigned') target = 'new';
  }
  if (target !== current.status) {
    changes.status = target;
    if (current.status === 'pending') changes.pending_reason = null;
    if (target === 'pending') changes.pending_reason = requested.pendingReason ?? null;
    if (target === 'resolved') {
      changes.resolution_code = requested.resolutionCode ?? null;
      changes.resolution_notes = requested.resolutionNotes?.trim() || null;
      changes.resolved_at = at;
      changes.resolved_level = current.level;
    }
    if (current.status === 'resolved' && target === 'in_progress') {
      changes.resolution_code = null;
      changes.resolution_notes = null;
      changes.resolved_at = null;
      changes.resolved_level = null;
    }
    if (target === 'closed' || target === 'cancelled') changes.closed_at = at;
  } else if (requested.pendingReason !== undefined && current.status === 'pending' && requested.pendingReason) {
    changes.pending_reason = requested.pendingReason;
  }
  return { changes, issues };
}
