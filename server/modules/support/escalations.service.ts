import type { Kysely } from 'kysely';
import type { EscalateBody, Escalation } from '../../../domain/contracts/support.js';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import { escalationKind } from '../../../domain/support/support-levels.js';
import { isOpen } from '../../../domain/tickets/ticket-lifecycle.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { TicketReadsService } from '../tickets/ticket-reads.service.js';
import type { TicketsService } from '../tickets/tickets.service.js';
import type { RoutingService } from './routing.service.js';
import * as repo from './support.repository.js';

/**
 * Functional escalation: a ticket moves to another group (L1 → an L2 specialty, between L2
 * groups, or back to L1) with a handoff summary. Each move is an escalation record and a timeline
 * event, and the ticket keeps the facts reports need.
 */
export class EscalationsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly reads: TicketReadsService,
    private readonly tickets: TicketsService,
    private readonly routing: RoutingService,
  ) {}

  async escalate(ctx: RequestContext, ticketId: string, body: EscalateBody): Promise<Ticket> {
    const current = await this.reads.findVisible(ctx, ticketId);
    if (!isOpen(current.status))
      throw new AppError('conflict', `A ${current.status} ticket is not escalated; reopen it first`);
    const target = await repo.findGroup(this.db, body.toGroupId);
    if (target?.status !== 'active') throw validationError([{ field: 'toGroupId', message: 'no such active group' }]);
    if (target.id === current.group_id)
      throw validationError([{ field: 'toGroupId', message: 'the ticket is already in this group' }]);
    if (body.assigneeId) {
      const members = await repo.membersOf(this.db, [target.id]);
      if (!members.some((m) => m.id === body.assigneeId)) {
        throw validationError([{ field: 'assigneeId', message: 'is not a member of the target group' }]);
      }
    }
    const kind = escalationKind(current.level, target.level);
    const fromGroup = current.group_id ? await repo.findGroup(this.db, current.group_id) : undefined;
    const at = this.clock.now();
    await this.tickets.moveToGroup(ctx, current, async (trx) => {
      const placement = body.assigneeId
        ? { groupId: target.id, level: target.level, assigneeId: body.assigneeId }
        : await this.routing.assignWithin(trx, target.id);
      await repo.insertEscalation(trx, {
        id: newId(at.getTime()),
        ticket_id: ticketId,
        kind,
        from_group_id: current.group_id,
        to_group_id: target.id,
        from_level: current.level,
        to_level: target.level,
        summary: body.summary.trim(),
        actor_id: ctx.principal?.userId ?? null,
        at: at.toISOString(),
      });
      return {
        ...placement,
        kind,
        summary: body.summary.trim(),
        fromGroupName: fromGroup?.name ?? null,
        groupName: target.name,
      };
    });
    return this.reads.get(ctx, ticketId);
  }

  async list(ctx: RequestContext, ticketId: string): Promise<Escalation[]> {
    await this.reads.findVisible(ctx, ticketId);
    const rows = await repo.listEscalations(this.db, ticketId);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      fromGroup: row.from_group_id ? { id: row.from_group_id, name: row.from_group_name ?? '' } : null,
      toGroup: { id: row.to_group_id, name: row.to_group_name },
      fromLevel: row.from_level,
      toLevel: row.to_level,
      summary: row.summary,
      actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
      at: row.at,
    }));
  }
}
