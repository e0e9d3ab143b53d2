import type { Kysely } from 'kysely';
import type { StatusChange } from '../../../domain/sla/sla-clock.js';
import { isOpen } from '../../../domain/tickets/ticket-lifecycle.js';
import type { DB, TicketRow } from '../../db/schema.js';
import { writeTicketSearch } from '../../db/ticket-search.js';
import type { Clock } from '../../platform/clock.js';
import type { EventBus, TicketChange } from '../../platform/event-bus.js';
import { htmlToText } from '../../platform/html.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import * as conversation from './conversation.repository.js';
import type { SlaColumns, TicketDeadlines } from './ticket-ports.js';
import { setDeadlines } from './tickets.repository.js';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface RecordedEvent {
  kind: string;
  changes?: FieldChange[];
  internal?: boolean;
  messageId?: string | null;
  actorId?: string | null;
  /**
   * The requester hears of this change by another mail of the same change (a problem linked by
   * replying its workaround): observers write no notice of their own. Not stored.
   */
  quiet?: boolean;
}

/**
 * Something else that happens with a timeline event, in its transaction: the mail outbox writes
 * the notification a change causes, so the change and its mail commit together or not at all.
 */
export type HistoryObserver = (
  trx: Kysely<DB>,
  ctx: RequestContext,
  ticketId: string,
  event: RecordedEvent,
) => Promise<void>;

/**
 * Whether a change reaches what `reindex` writes for a ticket's own fields: its subject, and
 * whether it is open (OPEN_TICKET_WORD). Messages are indexed again as they are posted.
 */
export function searchTextChanged(before: TicketRow, after: TicketRow): boolean {
  return after.subject !== before.subject || isOpen(after.status) !== isOpen(before.status);
}

/**
 * What every change to a ticket does besides the change itself: a timeline event in the same
 * transaction, the search index brought up to date, and — after commit — word to live views.
 */
export class TicketHistory {
  private readonly observers: HistoryObserver[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly sla: TicketDeadlines,
  ) {}

  async record(trx: Kysely<DB>, ctx: RequestContext, ticketId: string, event: RecordedEvent): Promise<void> {
    const at = this.clock.now();
    await conversation.insertEvent(trx, {
      id: newId(at.getTime()),
      ticket_id: ticketId,
      at: at.toISOString(),
      actor_id: event.actorId === undefined ? (ctx.principal?.userId ?? null) : event.actorId,
      kind: event.kind,
      internal: event.internal ? 1 : 0,
      message_id: event.messageId ?? null,
      changes: JSON.stringify(event.changes ?? []),
      request_id: ctx.requestId,
    });
    for (const observer of this.observers) await observer(trx, ctx, ticketId, event);
  }

  observe(observer: HistoryObserver): void {
    this.observers.push(observer);
  }

  /**
   * Rebuilds the ticket's searchable text: subject, description and replies public; notes internal.
   * A ticket just raised has no messages and no search row yet.
   */
  async reindex(trx: Kysely<DB>, ticket: TicketRow, isNew = false): Promise<void> {
    const messages = isNew ? [] : await conversation.messageBodies(trx, ticket.id);
    const text = (kind: 'reply' | 'note') =>
      messages
        .filter((m) => m.kind === kind)
        .map((m) => htmlToText(m.body_html))
        .join('\n');
    await writeTicketSearch(trx, {
      ticketId: ticket.id,
      searchKey: ticket.search_key,
      publicText: [ticket.number, ticket.subject, htmlToText(ticket.description_html), text('reply')].join('\n'),
      internalText: text('note'),
      open: isOpen(ticket.status),
      isNew,
    });
  }

  /**
   * Brings the ticket's stored SLA deadlines up to date, inside the change's transaction, from its
   * status history as the timeline recorded it.
   */
  async refreshDeadlines(trx: Kysely<DB>, ticket: TicketRow): Promise<TicketRow> {
    const columns = await this.sla.deadlinesFor(trx, ticket, await this.statusHistory(trx, ticket.id));
    return setDeadlines(trx, ticket.id, columns);
  }

  /**
   * Stores deadlines worked out elsewhere (the detection job's, with when to look again): derived
   * columns, not a change of the ticket, so its version stays.
   */
  storeDeadlines(
    trx: Kysely<DB>,
    ticketId: string,
    columns: Partial<SlaColumns> & Pick<TicketRow, 'sla_escalated_at'>,
  ) {
    return setDeadlines(trx, ticketId, columns);
  }

  /** The deadlines of a ticket about to be written, whose only status is the one it starts in. */
  deadlinesOfNew(db: Kysely<DB>, ticket: TicketRow) {
    const start: StatusChange = { at: Date.parse(ticket.created_at), status: ticket.status, pendingReason: null };
    return this.sla.deadlinesFor(db, ticket, [start], true);
  }

  /** Every status the ticket had, with its pending reason, as the timeline recorded it. */
  async statusHistory(db: Kysely<DB>, ticketId: string): Promise<StatusChange[]> {
    const history: StatusChange[] = [];
    for (const event of await conversation.statusEvents(db, ticketId)) {
      const changes = JSON.parse(event.changes) as FieldChange[];
      const status = changes.find((c) => c.field === 'status');
      if (!status) continue;
      const reason = changes.find((c) => c.field === 'pendingReason');
      history.push({
        at: Date.parse(event.at),
        status: String(status.to),
        pendingReason: (reason?.to as string | null) ?? null,
      });
    }
    return history;
  }

  publish(ticket: TicketRow, kind: string, internal = false): void {
    const change: TicketChange = {
      ticketId: ticket.id,
      number: ticket.number,
      version: ticket.version,
      kind,
      organizationId: ticket.organization_id,
      requesterId: ticket.requester_id,
      internal,
    };
    this.bus.publish(change);
  }
}

/** The fields that differ between two snapshots, as the timeline shows them. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  return Object.keys(after)
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}
