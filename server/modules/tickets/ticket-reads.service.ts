import type { Kysely } from 'kysely';
import type { TicketSettings } from '../../../domain/contracts/settings.js';
import {
  QUEUE_COUNT_CAP,
  QUEUES,
  type QueueCounts,
  type ServiceSuggestion,
  type Ticket,
  type TicketLink,
  type TicketListQuery,
  type TicketSummary,
  type TimelineEntry,
} from '../../../domain/contracts/tickets.js';
import { guessService, RECENT_TICKETS_CONSIDERED } from '../../../domain/tickets/service-suggestion.js';
import { allowedMoves, isOpen, OPEN_STATUSES, type TicketStatus } from '../../../domain/tickets/ticket-lifecycle.js';
import { formatTicketNumber, parseTicketNumber } from '../../../domain/tickets/ticket-types.js';
import type { SortKey } from '../../db/dialect.js';
import type { DB, TicketRow } from '../../db/schema.js';
import { queryTerms } from '../../db/search-terms.js';
import { ticketSearchCondition } from '../../db/ticket-search.js';
import type { Clock } from '../../platform/clock.js';
import { type CursorPart, type CursorValue, decodeCursor, pageOf } from '../../platform/cursor.js';
import { notFound } from '../../platform/errors.js';
import { isStaffContext, organizationScope, ticketScope } from '../../platform/policies.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { SettingsService } from '../settings/settings.service.js';
import * as conversation from './conversation.repository.js';
import { recentServicesOfRequester } from './service-suggestion.repository.js';
import type { TicketHistory } from './ticket-history.js';
import { linksOf } from './ticket-links.repository.js';
import { NO_PROBLEMS, type TicketDeadlines, type TicketPlacement, type TicketProblems } from './ticket-ports.js';
import { type TicketDetails, toAttachment, toSummary, toTicket, toTimelineEntry } from './ticket-presenter.js';
import * as repo from './tickets.repository.js';

const SORTS: Record<NonNullable<TicketListQuery['sort']>, SortKey[]> = {
  updated: [
    { column: 'tickets.updated_at', direction: 'desc' },
    { column: 'tickets.id', direction: 'desc' },
  ],
  created: [
    { column: 'tickets.created_at', direction: 'desc' },
    { column: 'tickets.id', direction: 'desc' },
  ],
  priority: [
    { column: 'tickets.priority', direction: 'asc' },
    { column: 'tickets.updated_at', direction: 'desc' },
    { column: 'tickets.id', direction: 'desc' },
  ],
  // The nearest deadline first, the most overdue first of all; tickets with no clock running
  // (paused, settled, without an agreement) after them, oldest first. Migration 0021's indexes.
  due: [
    { column: 'tickets.next_due_at', direction: 'asc', nullsLast: true },
    { column: 'tickets.id', direction: 'asc' },
  ],
};
/** What each sort's cursor holds, position by position, and where a row's values come from. */
const SORT_CURSORS: Record<
  keyof typeof SORTS,
  { types: CursorValue[]; of: (row: repo.TicketListRow) => CursorPart[] }
> = {
  updated: { types: ['timestamp', 'id'], of: (row) => [row.updated_at, row.id] },
  created: { types: ['timestamp', 'id'], of: (row) => [row.created_at, row.id] },
  priority: { types: ['integer', 'timestamp', 'id'], of: (row) => [row.priority, row.updated_at, row.id] },
  due: { types: ['timestampOrNull', 'id'], of: (row) => [row.next_due_at, row.id] },
};

const DAY = 86_400_000;

/** The queues counted apart: "recent" holds the same tickets as "all", in another order. */
const COUNTED_QUEUES = QUEUES.filter((queue) => queue !== 'recent');

export type { TicketListFilter, TicketListRow } from './tickets.repository.js';

/** A link read from the other end: the duplicate's survivor sees "duplicated_by", a parent "parent_of". */
export const REVERSE_LINK = { related: 'related', duplicate_of: 'duplicated_by', child_of: 'parent_of' } as const;

/** Reading tickets: queues, search, the ticket page and its timeline, always within the caller's scope. */
export class TicketReadsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly routing: Pick<TicketPlacement, 'groupIdsOfUser'>,
    private readonly history: TicketHistory,
    private readonly sla: TicketDeadlines,
    private readonly problems: TicketProblems = NO_PROBLEMS,
  ) {}

  async list(
    ctx: RequestContext,
    query: TicketListQuery,
  ): Promise<{ items: TicketSummary[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const sortName = query.sort ?? 'updated';
    const cursor = SORT_CURSORS[sortName];
    const after = decodeCursor(query.cursor, cursor.types);
    const rows = await repo.listTickets(this.db, {
      ...(await this.listCondition(ctx, query)),
      sort: SORTS[sortName],
      after,
      limit: limit + 1,
    });
    const page = pageOf(rows, limit, cursor.of);
    const tags = await repo.tagsOf(
      this.db,
      page.items.map((row) => row.id),
    );
    const now = this.clock.now().getTime();
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) =>
        toSummary(
          row,
          tags.filter((t) => t.ticket_id === row.id).map((t) => t.tag),
          now,
        ),
      ),
    };
  }

  /**
   * How many tickets each of the caller's queues holds, up to `QUEUE_COUNT_CAP` (see there why
   * capped), without the screen's other filters.
   */
  async counts(ctx: RequestContext): Promise<QueueCounts> {
    const counted = new Map(
      await Promise.all(
        COUNTED_QUEUES.map(async (queue) => {
          const condition = await this.listCondition(ctx, { queue });
          return [queue, await repo.countTickets(this.db, condition, QUEUE_COUNT_CAP)] as const;
        }),
      ),
    );
    return {
      items: QUEUES.map((queue) => {
        const count = counted.get(queue === 'recent' ? 'all' : queue) ?? 0;
        return { queue, count: Math.min(count, QUEUE_COUNT_CAP), more: count > QUEUE_COUNT_CAP };
      }),
    };
  }

  /** Which tickets a list holds for this caller: its queue, filters and search, within the caller's scope. */
  private async listCondition(ctx: RequestContext, query: TicketListQuery): Promise<repo.TicketListCondition> {
    const staff = isStaffContext(ctx);
    const queue = staff ? (query.queue ?? 'open') : 'all';
    let statuses: readonly TicketStatus[] | undefined = query.status;
    if (!statuses?.length && (queue === 'mine' || queue === 'unassigned' || queue === 'open')) statuses = OPEN_STATUSES;
    let assigneeId: string | null | undefined = query.assigneeId;
    let groupIds = query.groupId ? [query.groupId] : undefined;
    if (queue === 'mine') assigneeId = ctx.principal?.userId;
    if (queue === 'unassigned') {
      assigneeId = null;
      // My groups' unassigned tickets; someone in no group sees every unassigned ticket.
      const mine = ctx.principal ? await this.routing.groupIdsOfUser(this.db, ctx.principal.userId) : [];
      if (!groupIds && mine.length > 0) groupIds = mine;
    }

    let text: Awaited<ReturnType<typeof ticketSearchCondition>> | undefined;
    let numberMatch: ReturnType<typeof parseTicketNumber>;
    if (query.q?.trim()) {
      numberMatch = parseTicketNumber(query.q);
      const terms = queryTerms(query.q);
      const openOnly = Boolean(statuses?.length && statuses.every(isOpen));
      if (!numberMatch && terms.length > 0) text = await ticketSearchCondition(this.db, terms, staff, openOnly);
    }
    return {
      scope: ticketScope(ctx),
      statuses,
      priorities: query.priority,
      types: query.type,
      channels: query.channel,
      organizationId: query.organizationId,
      serviceId: query.serviceId,
      categoryId: query.categoryId,
      assigneeId,
      requesterId: query.requesterId,
      groupIds,
      tag: query.tag,
      createdFrom: query.createdFrom,
      createdTo: query.createdTo,
      text,
      number: numberMatch ? formatTicketNumber(numberMatch.type, numberMatch.sequence) : undefined,
    };
  }

  /**
   * Stored rows with their names, for a module that lists tickets its own way (the supervisor's
   * board). The filter carries the caller's scope, as every ticket query does.
   */
  listRows(filter: repo.TicketListFilter): Promise<repo.TicketListRow[]> {
    return repo.listTickets(this.db, filter);
  }

  /** The tags of these tickets, one row per tag. */
  tagsOf(ticketIds: string[]) {
    return repo.tagsOf(this.db, ticketIds);
  }

  /** The stored row, if the caller may see it; 404 otherwise, exactly as if it did not exist. */
  async findVisible(ctx: RequestContext, id: string, db: Kysely<DB> = this.db): Promise<TicketRow> {
    const row = await this.visible(ctx, id, db);
    if (!row) throw notFound('Ticket');
    return row;
  }

  /** The stored row if the caller may see it, else undefined (for callers that go on without it). */
  visible(ctx: RequestContext, id: string, db: Kysely<DB> = this.db): Promise<TicketRow | undefined> {
    return repo.findTicket(db, id, ticketScope(ctx));
  }

  /** The id of the ticket with this number (mail finds a reply's ticket by the number in its subject). */
  idOfNumber(number: string): Promise<string | null> {
    return repo.ticketIdOfNumber(this.db, number);
  }

  async get(ctx: RequestContext, id: string): Promise<Ticket> {
    const row = await this.namedRow(ctx, id);
    const staff = isStaffContext(ctx);
    const [tags, watchers, attachments, settings, links, behind] = await Promise.all([
      repo.tagsOf(this.db, [id]),
      repo.watchersOf(this.db, id, organizationScope(ctx)),
      conversation.ticketAttachments(this.db, id, staff),
      this.settings.ticketSettings(),
      this.links(ctx, id),
      this.problems.behind(this.db, id),
    ]);
    return this.present(ctx, row, {
      tags: tags.map((t) => t.tag),
      watchers,
      attachments: attachments.map(toAttachment),
      links,
      // The requester reads only that a known issue is being worked on, never the problem itself.
      problems: staff ? behind.problems : [],
      knownIssue: behind.knownIssue,
      reopenDays: settings.reopenDays,
    });
  }

  /**
   * What `get` answers for a ticket its caller has just raised, which has no watchers or links
   * yet and whose tags are the ones it was given: one read, of the names alone (the row is in
   * hand), instead of seven. The creation already holds the desk's settings.
   */
  async justRaised(
    ctx: RequestContext,
    ticket: TicketRow,
    raised: { tags: string[]; hasAttachments: boolean; settings: TicketSettings },
  ): Promise<Ticket> {
    const row = await repo.withNames(this.db, ticket);
    const attachments = raised.hasAttachments
      ? await conversation.ticketAttachments(this.db, ticket.id, isStaffContext(ctx))
      : [];
    return this.present(ctx, row, {
      tags: [...raised.tags].sort(),
      watchers: [],
      attachments: attachments.map(toAttachment),
      links: [],
      problems: [],
      knownIssue: null,
      reopenDays: raised.settings.reopenDays,
    });
  }

  /** The ticket with the names of the people, organization, service, category and group it refers to. */
  private async namedRow(ctx: RequestContext, id: string) {
    const [row] = await repo.listTickets(this.db, { scope: ticketScope(ctx), id, sort: SORTS.updated, limit: 1 });
    if (!row) throw notFound('Ticket');
    return row;
  }

  private present(
    ctx: RequestContext,
    row: repo.TicketListRow,
    details: Omit<TicketDetails, 'createdBy' | 'reopenableUntil' | 'allowedStatuses'> & { reopenDays: number },
  ): Ticket {
    const staff = isStaffContext(ctx);
    const { reopenDays, ...rest } = details;
    const reopenableUntil = row.resolved_at
      ? new Date(Date.parse(row.resolved_at) + reopenDays * DAY).toISOString()
      : null;
    let allowedStatuses = allowedMoves(row.status, staff ? 'staff' : 'requester');
    // A requester's window to reopen closes after the configured days.
    if (!staff && reopenableUntil && Date.parse(reopenableUntil) < this.clock.now().getTime()) {
      allowedStatuses = allowedStatuses.filter((status) => status !== 'in_progress');
    }
    return toTicket(row, this.clock.now().getTime(), {
      ...rest,
      createdBy: { id: row.created_by_id, name: row.creator_name },
      reopenableUntil,
      allowedStatuses,
    });
  }

  /**
   * The service and category a new ticket of this requester most likely has, from their latest
   * tickets within the caller's scope (the phone console fills them in when a caller is picked).
   */
  async serviceSuggestion(ctx: RequestContext, requesterId: string): Promise<ServiceSuggestion> {
    const rows = await recentServicesOfRequester(this.db, requesterId, ticketScope(ctx), RECENT_TICKETS_CONSIDERED);
    return guessService(
      rows.map((row) => ({
        service: { id: row.service_id, name: row.service_name },
        category: row.category_id && row.category_name ? { id: row.category_id, name: row.category_name } : null,
      })),
    );
  }

  /** Why the ticket is due when it is. */
  async explainSla(ctx: RequestContext, id: string) {
    const ticket = await this.findVisible(ctx, id);
    return this.sla.explain(this.db, ticket, await this.history.statusHistory(this.db, id));
  }

  /** Links in both directions, to tickets the caller may see. */
  async links(ctx: RequestContext, ticketId: string): Promise<TicketLink[]> {
    const [outgoing, incoming] = await linksOf(this.db, ticketId, ticketScope(ctx));
    const present = (row: (typeof outgoing)[number], kind: TicketLink['kind']): TicketLink => ({
      id: row.id,
      kind,
      ticket: { id: row.ticket_id, number: row.number, subject: row.subject, status: row.status },
    });
    return [
      ...outgoing.map((row) => present(row, row.kind)),
      ...incoming.map((row) => present(row, REVERSE_LINK[row.kind])),
    ];
  }

  async timeline(ctx: RequestContext, id: string, cursor: string | undefined, limit = 200) {
    await this.findVisible(ctx, id);
    const staff = isStaffContext(ctx);
    const [afterId] = decodeCursor(cursor, ['id']) ?? [];
    const rows = await conversation.listEvents(
      this.db,
      id,
      staff,
      afterId === undefined ? undefined : String(afterId),
      limit + 1,
    );
    const page = pageOf(rows, limit, (row) => [row.id]);
    const messageIds = page.items.map((row) => row.message_id).filter((m): m is string => m !== null);
    const attachments = (await conversation.attachmentsOfMessages(this.db, messageIds)).map(toAttachment);
    const items: TimelineEntry[] = page.items.map((row) => toTimelineEntry(row, attachments, staff));
    return { items, nextCursor: page.nextCursor };
  }
}
