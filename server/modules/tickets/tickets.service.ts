import type { Kysely } from 'kysely';
import type {
  BulkUpdateBody,
  BulkUpdateResult,
  CreateTicketBody,
  Ticket,
  UpdateTicketBody,
} from '../../../domain/contracts/tickets.js';
import type { SupportLevel } from '../../../domain/support/support-levels.js';
import { checkTransition, type LifecycleActor } from '../../../domain/tickets/ticket-lifecycle.js';
import type { DB, TicketRow } from '../../db/schema.js';
import { AppError, validationError } from '../../platform/errors.js';
import { isStaffContext } from '../../platform/policies.js';
import { type RequestContext, systemContext } from '../../platform/request-context.js';
import { checkChangeReferences } from './ticket-change-checks.js';
import { changedFields, type FieldChange, searchTextChanged } from './ticket-history.js';
import { trackedFields } from './ticket-presenter.js';
import { bindUploads, type RaiseOptions, raiseTicket } from './ticket-raising.js';
import { planUpdate } from './ticket-update-plan.js';
import * as repo from './tickets.repository.js';
import type { TicketsDeps } from './tickets-deps.js';

const DAY = 86_400_000;

export type { TicketsDeps };

/**
 * Raising and changing tickets: each change is checked, versioned and recorded in one transaction.
 * Raising lives in ticket-raising.ts and the checks of what a change names in
 * ticket-change-checks.ts; this class is the one door other modules use.
 */
export class TicketsService {
  constructor(private readonly deps: TicketsDeps) {}

  /**
   * Raises a ticket. Server-side callers may name the channel (mail says `email`) and write what
   * the ticket belongs to in its transaction (`alongside`: the inbound message marked processed).
   */
  create(ctx: RequestContext, body: CreateTicketBody, options: RaiseOptions = {}): Promise<Ticket> {
    return raiseTicket(this.deps, ctx, body, options);
  }

  /** Attaches the caller's own unbound uploads; an id that is not one of them fails the whole change. */
  bindUploads(
    trx: Kysely<DB>,
    uploaderId: string,
    ids: string[] | undefined,
    binding: { ticketId: string; messageId: string | null; internal: boolean },
  ): Promise<void> {
    return bindUploads(trx, uploaderId, ids, binding);
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
    await checkChangeReferences(this.deps, current, requested);
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
}
