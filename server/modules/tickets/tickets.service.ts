import type { Kysely } from 'kysely';
import type {
  BulkUpdateBody,
  BulkUpdateResult,
  CreateTicketBody,
  Ticket,
  UpdateTicketBody,
} from '../../../domain/contracts/tickets.js';
import { isStaff } from '../../../domain/roles.js';
import type { SupportLevel } from '../../../domain/support/support-levels.js';
import { derivePriority } from '../../../domain/tickets/priority.js';
import { checkTransition, type LifecycleActor } from '../../../domain/tickets/ticket-lifecycle.js';
import { type Channel, formatTicketNumber, TICKET_TYPES } from '../../../domain/tickets/ticket-types.js';
import type { DB, TicketRow } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, validationError } from '../../platform/errors.js';
import { sanitizeRichText } from '../../platform/html.js';
import { newId } from '../../platform/ids.js';
import { belongsToOrganization, isStaffContext } from '../../platform/policies.js';
import { type RequestContext, systemContext } from '../../platform/request-context.js';
import type { CategoriesService } from '../categories/categories.service.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { UsersService } from '../users/users.service.js';
import * as conversation from './conversation.repository.js';
import { changedFields, type FieldChange, searchTextChanged, type TicketHistory } from './ticket-history.js';
import { NO_SLA, type TicketPlacement } from './ticket-ports.js';
import { trackedFields } from './ticket-presenter.js';
import type { TicketReadsService } from './ticket-reads.service.js';
import { planUpdate } from './ticket-update-plan.js';
import * as repo from './tickets.repository.js';

const DAY = 86_400_000;

export interface TicketsDeps {
  db: Kysely<DB>;
  clock: Clock;
  reads: TicketReadsService;
  history: TicketHistory;
  users: UsersService;
  organizations: OrganizationsService;
  categories: CategoriesService;
  settings: SettingsService;
  routing: TicketPlacement;
}

/** Raising and changing tickets: each change is checked, versioned and recorded in one transaction. */
export class TicketsService {
  constructor(private readonly deps: TicketsDeps) {}

  /**
   * Raises a ticket. Server-side callers may name the channel (mail says `email`) and write what
   * the ticket belongs to in its transaction (`alongside`: the inbound message marked processed).
   */
  async create(
    ctx: RequestContext,
    body: CreateTicketBody,
    options: {
      channel?: Channel;
      groupId?: string | null;
      alongside?: (trx: Kysely<DB>, ticket: TicketRow) => Promise<void>;
    } = {},
  ): Promise<Ticket> {
    const { db, clock, history, users, organizations, categories, settings } = this.deps;
    const principal = ctx.principal;
    if (!principal) throw new AppError('unauthenticated');
    const staff = isStaff(principal.roles);
    if (!staff && body.firstContactResolution)
      throw new AppError('forbidden', 'Only the desk resolves on first contact');
    if (!staff && body.requesterId && body.requesterId !== principal.userId) {
      throw new AppError('forbidden', 'Requesters raise tickets for themselves');
    }
    const requesterId = body.requesterId ?? principal.userId;
    // Whoever raises a ticket for themselves was read, active, as the request was authenticated.
    const requester =
      requesterId === principal.userId
        ? { id: principal.userId, status: 'active', organizationId: principal.organizationId }
        : await users.get(requesterId).catch(() => {
            throw validationError([{ field: 'requesterId', message: 'no such person' }]);
          });
    if (requester.status !== 'active' || !requester.organizationId) {
      throw validationError([{ field: 'requesterId', message: 'must be an active requester of an organization' }]);
    }
    const serviceId = body.serviceId ?? null;
    if (serviceId) {
      const service = await organizations.findService(serviceId);
      if (!service || service.organizationId !== requester.organizationId || service.status !== 'active') {
        throw validationError([
          { field: 'serviceId', message: "is not an active service of the requester's organization" },
        ]);
      }
    }
    if (body.categoryId) await categories.checkUsable(body.categoryId, serviceId);
    const descriptionHtml = sanitizeRichText(body.description);
    if (!descriptionHtml)
      throw validationError([{ field: 'description', message: 'is empty once unsafe content is removed' }]);
    const deskSettings = await settings.ticketSettings();
    const impact = body.impact ?? 'medium';
    const urgency = body.urgency ?? 'medium';
    const channel =
      options.channel ?? (staff ? (body.channel ?? 'phone') : principal.via === 'token' ? 'api' : 'portal');
    const at = clock.now();

    const target = await this.deps.routing.target(db, {
      organizationId: requester.organizationId,
      serviceId,
      categoryId: body.categoryId ?? null,
      type: body.type,
      channel,
      groupId: options.groupId ?? null,
    });
    const numberedApart = await repo.nextSequenceApart(db, body.type);
    const turnApart = await this.deps.routing.turnApart(db, target.groupId);
    const row = await db.transaction().execute(async (trx) => {
      const sequence = numberedApart ?? (await repo.nextSequence(trx, body.type));
      const placement = await this.deps.routing.place(trx, target, turnApart);
      const ticket: TicketRow = {
        id: newId(at.getTime()),
        number: formatTicketNumber(body.type, sequence),
        type: body.type,
        sequence,
        // Unique across types: the full-text index keys rows by an integer.
        search_key: sequence * 4 + TICKET_TYPES.indexOf(body.type),
        subject: body.subject.trim(),
        description_html: descriptionHtml,
        requester_id: requester.id,
        organization_id: requester.organizationId as string,
        service_id: serviceId,
        category_id: body.categoryId ?? null,
        channel,
        impact,
        urgency,
        priority: derivePriority(impact, urgency, deskSettings.priorityMatrix),
        priority_overridden: 0,
        priority_reason: null,
        status: placement.assigneeId ? 'assigned' : 'new',
        pending_reason: null,
        resolution_code: null,
        resolution_notes: null,
        assignee_id: placement.assigneeId,
        created_by_id: principal.userId,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
        first_response_at: null,
        resolved_at: null,
        closed_at: null,
        version: 1,
        group_id: placement.groupId,
        level: placement.level,
        resolved_level: null,
        escalated: 0,
        first_contact: 0,
        sla_escalated_at: null,
        ...NO_SLA,
      };
      const resolution = body.firstContactResolution;
      if (resolution) {
        // Resolved while the caller was still on the line, by whoever took the call.
        Object.assign(ticket, {
          status: 'resolved',
          resolution_code: resolution.resolutionCode,
          resolution_notes: resolution.resolutionNotes.trim(),
          assignee_id: principal.userId,
          resolved_at: ticket.created_at,
          first_response_at: ticket.created_at,
          first_contact: 1,
          resolved_level: placement.level ?? 'L1',
        } satisfies Partial<TicketRow>);
      }
      Object.assign(ticket, await history.deadlinesOfNew(trx, ticket));
      await repo.insertTicket(trx, ticket);
      await repo.insertTags(trx, ticket.id, body.tags ?? []);
      await this.bindUploads(trx, principal.userId, body.attachmentIds, {
        ticketId: ticket.id,
        messageId: null,
        internal: false,
      });
      // Before the timeline event, whose observers (the outbox) may read what it wrote.
      await options.alongside?.(trx, ticket);
      await history.record(trx, ctx, ticket.id, {
        kind: 'created',
        changes: [
          ...changedFields({}, { ...trackedFields(ticket), tags: body.tags ?? [] }),
          { field: 'routing', from: null, to: placement.reason },
        ],
      });
      await history.reindex(trx, ticket, true);
      return ticket;
    });
    history.publish(row, 'created');
    return this.deps.reads.justRaised(ctx, row, {
      tags: body.tags ?? [],
      hasAttachments: Boolean(body.attachmentIds?.length),
      settings: deskSettings,
    });
  }

  /** Attaches the caller's own unbound uploads; an id that is not one of them fails the whole change. */
  async bindUploads(
    trx: Kysely<DB>,
    uploaderId: string,
    ids: string[] | undefined,
    binding: { ticketId: string; messageId: string | null; internal: boolean },
  ): Promise<void> {
    if (!ids?.length) return;
    const result = await conversation.bindAttachments(trx, ids, uploaderId, binding);
    if (Number(result.numUpdatedRows) !== ids.length) {
      throw validationError([{ field: 'attachmentIds', message: 'only your own new uploads can be attached' }]);
    }
  }

  async update(ctx: RequestContext, id: string, body: UpdateTicketBody, actor?: LifecycleActor): Promise<Ticket> {
    const row = await this.apply(ctx, id, body, actor);
    return this.deps.reads.get(ctx, row.id);
  }

  /** Checks and applies one change; used by the API, bulk actions and Mesa's own jobs. */
  async apply(
    ctx: RequestContext,
    id: string,
    body: UpdateTicketBody,
    actorOverride?: LifecycleActor,
  ): Promise<TicketRow> {
    const { db, clock, history, reads, settings } = this.deps;
    const actor: LifecycleActor = actorOverride ?? (isStaffContext(ctx) ? 'staff' : 'requester');
    const { version, ...requested } = body;
    if (actor === 'requester') {
      const others = Object.keys(requested).filter((field) => field !== 'status');
      if (others.length > 0)
        throw new AppError('forbidden', `Requesters may only change the status, not ${others.join(', ')}`);
    }
    const current = await reads.findVisible(ctx, id);
    const ticketSettings = await settings.ticketSettings();
    await this.checkReferences(current, requested);
    const plan = planUpdate(current, requested, clock.now(), ticketSettings);
    if (plan.issues.length > 0) throw validationError(plan.issues);
    const target = plan.changes.status;
    if (target && target !== current.status) {
      const issues = checkTransition(current.status, target, actor, {
        assigneeId: plan.changes.assignee_id === undefined ? current.assignee_id : plan.changes.assignee_id,
        pendingReason: plan.changes.pending_reason,
        resolutionCode: plan.changes.resolution_code,
        resolutionNotes: plan.changes.resolution_notes,
      });
      if (issues.length > 0) throw validationError(issues);
      if (actor === 'requester' && current.status === 'resolved' && target === 'in_progress') {
        const until = Date.parse(current.resolved_at ?? '') + ticketSettings.reopenDays * DAY;
        if (!(until > clock.now().getTime())) {
          throw validationError([
            { field: 'status', message: `tickets can be reopened within ${ticketSettings.reopenDays} days` },
          ]);
        }
      }
    }
    const updated = await db.transaction().execute(async (trx) => {
      const after = await repo.updateTicket(trx, id, version, {
        ...plan.changes,
        updated_at: clock.now().toISOString(),
      });
      if (!after) throw new AppError('version_conflict', `The ticket is at version ${current.version}, not ${version}`);
      if (requested.tags) {
        await repo.deleteTags(trx, id);
        await repo.insertTags(trx, id, requested.tags);
      }
      if (requested.watcherIds) {
        await repo.deleteWatchers(trx, id);
        await repo.insertWatchers(trx, id, requested.watcherIds);
      }
      const changes = changedFields(trackedFields(current), trackedFields(after));
      if (requested.tags) changes.push({ field: 'tags', from: null, to: requested.tags });
      if (requested.watcherIds) changes.push({ field: 'watchers', from: null, to: requested.watcherIds });
      const kind = changes.some((c) => c.field === 'status')
        ? 'status_changed'
        : changes.some((c) => c.field === 'assigneeId')
          ? 'assigned'
          : 'updated';
      // Requesters follow their ticket's status; how the desk classifies it is the desk's business.
      await history.record(trx, ctx, id, {
        kind,
        changes,
        internal: kind !== 'status_changed',
        ...(actor === 'system' ? { actorId: null } : {}),
      });
      if (searchTextChanged(current, after)) await history.reindex(trx, after);
      return history.refreshDeadlines(trx, after);
    });
    history.publish(updated, 'updated');
    return updated;
  }

  /**
   * Moves a ticket to another support group. `decide` runs inside the transaction (so it can take
   * the target group's assignment turn and write the escalation record) and says where it lands.
   */
  async moveToGroup(
    ctx: RequestContext,
    current: TicketRow,
    decide: (trx: Kysely<DB>) => Promise<{
      groupId: string;
      level: SupportLevel;
      assigneeId: string | null;
      kind: 'escalation' | 'return' | 'transfer';
      summary: string;
      fromGroupName: string | null;
      groupName: string;
    }>,
  ): Promise<void> {
    const { db, clock, history } = this.deps;
    const updated = await db.transaction().execute(async (trx) => {
      const move = await decide(trx);
      const changes: Partial<TicketRow> = {
        group_id: move.groupId,
        level: move.level,
        assignee_id: move.assigneeId,
        updated_at: clock.now().toISOString(),
      };
      if (move.kind === 'escalation') changes.escalated = 1;
      // A ticket someone in the new group takes is assigned; otherwise it waits in the group's queue.
      if (move.assigneeId && (current.status === 'new' || current.status === 'assigned')) changes.status = 'assigned';
      if (!move.assigneeId && current.status === 'assigned') changes.status = 'new';
      const after = await repo.updateTicket(trx, current.id, current.version, changes);
      if (!after) throw new AppError('version_conflict', 'The ticket changed meanwhile; try again');
      await history.record(trx, ctx, current.id, {
        kind: move.kind === 'escalation' ? 'escalated' : move.kind === 'return' ? 'returned' : 'transferred',
        internal: true,
        // The group by name, not id: the timeline is read by people.
        changes: [
          ...changedFields(trackedFields(current), trackedFields(after)).filter((c) => c.field !== 'groupId'),
          { field: 'group', from: move.fromGroupName, to: move.groupName },
          { field: 'summary', from: null, to: move.summary },
        ],
      });
      // The new level's internal target (OLA) starts counting.
      return history.refreshDeadlines(trx, after);
    });
    history.publish(updated, 'escalated');
  }

  /**
   * Adds an event to a ticket's timeline on behalf of another module, with that module's own
   * writes (`within`) in the same transaction; the ticket's version and update time move on.
   */
  annotate(
    ctx: RequestContext,
    ticketId: string,
    event: { kind: string; internal: boolean; changes: FieldChange[] },
    within: (trx: Kysely<DB>) => Promise<void>,
  ): Promise<void> {
    return this.annotateAll(ctx, [{ ticketId, event }], within);
  }

  /**
   * `annotate` for several tickets at once, all in one transaction with `within`: every ticket
   * gets its event, or none does (the problems module links a queue selection this way).
   */
  async annotateAll(
    ctx: RequestContext,
    entries: readonly { ticketId: string; event: { kind: string; internal: boolean; changes: FieldChange[] } }[],
    within: (trx: Kysely<DB>) => Promise<void>,
  ): Promise<void> {
    const { db, clock, history } = this.deps;
    const updated = await db.transaction().execute(async (trx) => {
      await within(trx);
      const rows: TicketRow[] = [];
      for (const { ticketId, event } of entries) {
        await history.record(trx, ctx, ticketId, event);
        rows.push(await repo.touchTicket(trx, ticketId, { updated_at: clock.now().toISOString() }));
      }
      return rows;
    });
    updated.forEach((row, i) => {
      const event = entries[i]?.event;
      if (event) history.publish(row, event.kind, event.internal);
    });
  }

  /** The same change on many tickets, each on its own: one failure does not stop the rest. */
  async bulkUpdate(ctx: RequestContext, body: BulkUpdateBody): Promise<BulkUpdateResult> {
    const items: BulkUpdateResult['items'] = [];
    for (const ticketId of body.ticketIds) {
      try {
        const current = await this.deps.reads.findVisible(ctx, ticketId);
        await this.apply(ctx, ticketId, { version: current.version, ...body.changes });
        items.push({ ticketId, ok: true, error: null });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        items.push({ ticketId, ok: false, error: { code: error.code, detail: error.message } });
      }
    }
    return { items };
  }

  /** Closes resolved tickets whose requester neither confirmed nor reopened within the window. */
  async closeExpiredResolutions(): Promise<number> {
    const { db, clock, settings } = this.deps;
    const { reopenDays } = await settings.ticketSettings();
    const before = new Date(clock.now().getTime() - reopenDays * DAY).toISOString();
    const due = await repo.resolvedBefore(db, before, 200);
    let closed = 0;
    for (const ticket of due) {
      try {
        await this.apply(systemContext, ticket.id, { version: ticket.version, status: 'closed' }, 'system');
        closed += 1;
      } catch (error) {
        // Changed meanwhile (reopened, say): the next sweep looks again.
        if (!(error instanceof AppError)) throw error;
      }
    }
    return closed;
  }

  private async checkReferences(current: TicketRow, requested: Omit<UpdateTicketBody, 'version'>): Promise<void> {
    const { users, organizations, categories } = this.deps;
    if (requested.assigneeId) {
      const assignee = await users.findActiveById(requested.assigneeId);
      if (!assignee || !isStaff(assignee.roles)) {
        throw validationError([{ field: 'assigneeId', message: 'must be an active member of the desk' }]);
      }
    }
    const serviceId = requested.serviceId === undefined ? current.service_id : requested.serviceId;
    if (requested.serviceId) {
      const service = await organizations.findService(requested.serviceId);
      if (!service || service.organizationId !== current.organization_id) {
        throw validationError([{ field: 'serviceId', message: "is not a service of the ticket's organization" }]);
      }
    }
    const categoryId = requested.categoryId === undefined ? current.category_id : requested.categoryId;
    if (categoryId && (requested.categoryId !== undefined || requested.serviceId !== undefined)) {
      await categories.checkUsable(categoryId, serviceId);
    }
    for (const watcherId of requested.watcherIds ?? []) {
      const watcher = await users.findActiveById(watcherId);
      if (!watcher) throw validationError([{ field: 'watcherIds', message: `no such person ${watcherId}` }]);
      // The ticket shows its watchers to its requester: never a person of another organization.
      if (!belongsToOrganization(watcher, current.organization_id)) {
        throw validationError([
          { field: 'watcherIds', message: `${watcherId} is neither of the ticket's organization nor of the desk` },
        ]);
      }
    }
  }
}
