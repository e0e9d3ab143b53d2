import type { Kysely } from 'kysely';
import type { CreateLinkBody, TicketLink } from '../../../domain/contracts/tickets.js';
import { FINAL_STATUSES } from '../../../domain/tickets/ticket-lifecycle.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { conflictOnUnique, notFound, validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { mayMerge } from '../../platform/policies.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { TicketHistory } from './ticket-history.js';
import * as links from './ticket-links.repository.js';
import { REVERSE_LINK, type TicketReadsService } from './ticket-reads.service.js';
import type { TicketsService } from './tickets.service.js';

const alreadyLinked = conflictOnUnique('ticketId', 'the tickets are already linked this way');

/** Related tickets, parents and children, and duplicates merged into the ticket that survives. */
export class TicketLinksService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly reads: TicketReadsService,
    private readonly tickets: TicketsService,
    private readonly history: TicketHistory,
  ) {}

  async link(ctx: RequestContext, ticketId: string, body: CreateLinkBody): Promise<TicketLink[]> {
    if (body.ticketId === ticketId)
      throw validationError([{ field: 'ticketId', message: 'a ticket cannot be linked to itself' }]);
    const from = await this.reads.findVisible(ctx, ticketId);
    const to = await this.reads.findVisible(ctx, body.ticketId).catch(() => {
      throw validationError([{ field: 'ticketId', message: 'no such ticket' }]);
    });
    // "parent_of" is stored as the child pointing at its parent, so each pair has one row.
    const [child, parent] = body.kind === 'parent_of' ? [to, from] : [from, to];
    const kind = body.kind === 'parent_of' ? 'child_of' : body.kind;
    if (kind === 'duplicate_of' && !mayMerge(from, to)) {
      throw validationError([
        { field: 'ticketId', message: 'a ticket merges only into a ticket of the same organization' },
      ]);
    }
    if (kind === 'duplicate_of' && FINAL_STATUSES.includes(to.status)) {
      throw validationError([{ field: 'ticketId', message: `merge into an open ticket, not a ${to.status} one` }]);
    }
    const at = this.clock.now();
    await this.db
      .transaction()
      .execute(async (trx) => {
        await links.insertLink(trx, {
          id: newId(at.getTime()),
          ticket_id: child.id,
          other_ticket_id: parent.id,
          kind,
          created_by_id: ctx.principal?.userId ?? '',
          created_at: at.toISOString(),
        });
        const internal = kind !== 'duplicate_of';
        await this.history.record(trx, ctx, child.id, {
          kind: 'linked',
          internal,
          changes: [{ field: kind, from: null, to: parent.number }],
        });
        await this.history.record(trx, ctx, parent.id, {
          kind: kind === 'duplicate_of' ? 'merged' : 'linked',
          internal,
          changes: [{ field: REVERSE_LINK[kind], from: null, to: child.number }],
        });
      })
      .catch(alreadyLinked);
    // The duplicate keeps its conversation and is resolved pointing at the survivor.
    if (kind === 'duplicate_of' && !FINAL_STATUSES.includes(from.status) && from.status !== 'resolved') {
      const current = await this.reads.findVisible(ctx, from.id);
      await this.tickets.apply(ctx, from.id, {
        version: current.version,
        status: 'resolved',
        resolutionCode: 'duplicate',
        resolutionNotes: `Duplicate of ${to.number}; the conversation continues there.`,
      });
    }
    return this.reads.links(ctx, ticketId);
  }

  async unlink(ctx: RequestContext, ticketId: string, linkId: string): Promise<TicketLink[]> {
    await this.reads.findVisible(ctx, ticketId);
    await this.db.transaction().execute(async (trx) => {
      const removed = await links.deleteLink(trx, linkId, ticketId);
      if (!removed) throw notFound('Link');
      for (const id of [removed.ticket_id, removed.other_ticket_id]) {
        await this.history.record(trx, ctx, id, {
          kind: 'unlinked',
          internal: true,
          changes: [{ field: 'link', from: removed.kind, to: null }],
        });
      }
    });
    return this.reads.links(ctx, ticketId);
  }
}
