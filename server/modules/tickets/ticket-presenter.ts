import type {
  Attachment,
  Message,
  Ticket,
  TicketLink,
  TicketSummary,
  TimelineEntry,
} from '../../../domain/contracts/tickets.js';
import { slaSummaryAt } from '../../../domain/sla/sla-summary.js';
import type { TicketRow } from '../../db/schema.js';
import type { AttachmentListRow, EventListRow } from './conversation.repository.js';
import type { TicketListRow } from './tickets.repository.js';

const ref = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

/** A ticket as a list shows it; `now` reads its SLA state as of the request (`slaSummaryAt`). */
export function toSummary(row: TicketListRow, tags: string[], now: number): TicketSummary {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    status: row.status,
    subject: row.subject,
    priority: row.priority,
    channel: row.channel,
    requester: { id: row.requester_id, name: row.requester_name, email: row.requester_email },
    organization: { id: row.organization_id, name: row.organization_name },
    service: ref(row.service_id, row.service_name),
    category: ref(row.category_id, row.category_name),
    assignee: ref(row.assignee_id, row.assignee_name),
    group: ref(row.group_id, row.group_name),
    level: row.level,
    tags,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sla: slaSummaryAt({ nextDueAt: row.next_due_at, state: row.sla_state }, now),
  };
}

export function toAttachment(row: AttachmentListRow): Attachment {
  return {
    id: row.id,
    ticketId: row.ticket_id ?? '',
    messageId: row.message_id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size,
    internal: row.internal === 1,
    uploadedBy: { id: row.uploaded_by_id, name: row.uploader_name },
    createdAt: row.created_at,
  };
}

export interface TicketDetails {
  tags: string[];
  watchers: { id: string; name: string }[];
  createdBy: { id: string; name: string };
  attachments: Attachment[];
  links: TicketLink[];
  problems: Ticket['problems'];
  knownIssue: Ticket['knownIssue'];
  reopenableUntil: string | null;
  allowedStatuses: Ticket['allowedStatuses'];
}

export function toTicket(row: TicketListRow, now: number, details: TicketDetails): Ticket {
  const summary = toSummary(row, details.tags, now);
  return {
    ...summary,
    descriptionHtml: row.description_html,
    impact: row.impact,
    urgency: row.urgency,
    priorityOverridden: row.priority_overridden === 1,
    priorityReason: row.priority_reason,
    pendingReason: row.pending_reason,
    resolutionCode: row.resolution_code,
    resolutionNotes: row.resolution_notes,
    watchers: details.watchers,
    createdBy: details.createdBy,
    attachments: details.attachments,
    links: details.links,
    problems: details.problems,
    knownIssue: details.knownIssue,
    escalated: row.escalated === 1,
    firstContact: row.first_contact === 1,
    resolvedLevel: row.resolved_level,
    sla: {
      agreementId: row.agreement_id,
      firstResponseDueAt: row.first_response_due_at,
      resolutionDueAt: row.resolution_due_at,
      nextDueAt: summary.sla.nextDueAt,
      firstResponseMet: row.first_response_met === null ? null : row.first_response_met === 1,
      resolutionMet: row.resolution_met === null ? null : row.resolution_met === 1,
      state: summary.sla.state,
      escalatedAt: row.sla_escalated_at,
    },
    firstResponseAt: row.first_response_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    reopenableUntil: details.reopenableUntil,
    allowedStatuses: details.allowedStatuses,
    version: row.version,
  };
}

/**
 * What a requester reads of a change: that the ticket was routed, never why — the reason names the
 * desk's internal routing rule.
 */
function forRequester(change: TimelineEntry['changes'][number]): TimelineEntry['changes'][number] {
  return change.field === 'routing' ? { ...change, to: 'routed' } : change;
}

export function toTimelineEntry(row: EventListRow, attachments: Attachment[], staff: boolean): TimelineEntry {
  const changes: TimelineEntry['changes'] = JSON.parse(row.changes);
  const message: Message | null =
    row.message_id && row.message_kind && row.message_body !== null
      ? {
          id: row.message_id,
          ticketId: row.ticket_id,
          kind: row.message_kind,
          author: { id: row.message_author_id ?? '', name: row.message_author_name ?? '' },
          bodyHtml: row.message_body,
          attachments: attachments.filter((a) => a.messageId === row.message_id),
          createdAt: row.message_created_at ?? row.at,
        }
      : null;
  return {
    id: row.id,
    at: row.at,
    actor: ref(row.actor_id, row.actor_name),
    kind: row.kind,
    internal: row.internal === 1,
    message,
    changes: staff ? changes : changes.map(forRequester),
  };
}

/** The snapshot of a ticket recorded in its "created" event and compared for changes. */
export function trackedFields(row: TicketRow) {
  return {
    status: row.status,
    pendingReason: row.pending_reason,
    resolutionCode: row.resolution_code,
    resolutionNotes: row.resolution_notes,
    assigneeId: row.assignee_id,
    subject: row.subject,
    type: row.type,
    serviceId: row.service_id,
    categoryId: row.category_id,
    channel: row.channel,
    impact: row.impact,
    urgency: row.urgency,
    priority: row.priority,
    priorityReason: row.priority_reason,
    groupId: row.group_id,
    level: row.level,
  };
}
