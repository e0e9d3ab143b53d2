import type { Kysely } from 'kysely';
import type { CreateTicketBody, Ticket } from '../../../domain/contracts/tickets.js';
import { isStaff } from '../../../domain/roles.js';
import { derivePriority } from '../../../domain/tickets/priority.js';
import { type Channel, formatTicketNumber, TICKET_TYPES } from '../../../domain/tickets/ticket-types.js';
import type { DB, TicketRow } from '../../db/schema.js';
import { AppError, validationError } from '../../platform/errors.js';
import { sanitizeRichText } from '../../platform/html.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import * as conversation from './conversation.repository.js';
import { changedFields } from './ticket-history.js';
import { NO_SLA } from './ticket-ports.js';
import { trackedFields } from './ticket-presenter.js';
import * as repo from './tickets.repository.js';
import type { TicketsDeps } from './tickets-deps.js';

/** What a server-side caller may add to raising a ticket (see `TicketsService.create`). */
export interface RaiseOptions {
  channel?: Channel;
  groupId?: string | null;
  alongside?: (trx: Kysely<DB>, ticket: TicketRow) => Promise<void>;
}

/**
 * Raises a ticket: who may raise it for whom, its scope checked, numbered, routed and placed, its
 * deadlines, tags, files and timeline event written in one transaction (`TicketsService.create`).
 */
export async function raiseTicket(
  deps: TicketsDeps,
  ctx: RequestContext,
  body: CreateTicketBody,
  options: RaiseOptions,
): Promise<Ticket> {
  const { db, clock, history, users, organizations, categories, settings } = deps;
  const principal = ctx.principal;
  if (!principal) throw new AppError('unauthenticated');
  const staff = isStaff(principal.roles);
  if (!staff && body.firstContactResolution) throw new AppError('forbidden', 'Only the desk resolves on first contact');
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
  const channel = options.channel ?? (staff ? (body.channel ?? 'phone') : principal.via === 'token' ? 'api' : 'portal');
  const at = clock.now();

  const target = await deps.routing.target(db, {
    organizationId: requester.organizationId,
    serviceId,
    categoryId: body.categoryId ?? null,
    type: body.type,
    channel,
    groupId: options.groupId ?? null,
  });
  const numberedApart = await repo.nextSequenceApart(db, body.type);
  const turnApart = await deps.routing.turnApart(db, target.groupId);
  const row = await db.transaction().execute(async (trx) => {
    const sequence = numberedApart ?? (await repo.nextSequence(trx, body.type));
    const placement = await deps.routing.place(trx, target, turnApart);
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
    await bindUploads(trx, principal.userId, body.attachmentIds, {
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
  return deps.reads.justRaised(ctx, row, {
    tags: body.tags ?? [],
    hasAttachments: Boolean(body.attachmentIds?.length),
    settings: deskSettings,
  });
}

/** Attaches the caller's own unbound uploads; an id that is not one of them fails the whole change. */
export async function bindUploads(
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
