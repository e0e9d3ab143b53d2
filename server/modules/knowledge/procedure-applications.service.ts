import type { Procedure } from '../../../domain/contracts/procedures.js';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { TicketReadsService } from '../tickets/ticket-reads.service.js';
import type { TicketsService } from '../tickets/tickets.service.js';
import type { ProceduresService } from './procedures.service.js';

/** Records that a procedure was followed on a ticket, so the desk can measure which ones resolve cases. */
export class ProcedureApplicationsService {
  constructor(
    private readonly clock: Clock,
    private readonly procedures: ProceduresService,
    private readonly reads: TicketReadsService,
    private readonly tickets: TicketsService,
  ) {}

  async apply(ctx: RequestContext, ticketId: string, procedureId: string): Promise<Procedure> {
    await this.reads.findVisible(ctx, ticketId);
    const procedure = await this.procedures.publishedForApplying(ctx, procedureId);
    const at = this.clock.now();
    await this.tickets.annotate(
      ctx,
      ticketId,
      {
        kind: 'procedure_applied',
        internal: true,
        changes: [
          {
            field: 'procedure',
            from: null,
            to: { id: procedure.id, title: procedure.title, version: procedure.shownVersion },
          },
        ],
      },
      (trx) =>
        this.procedures.recordApplication(trx, {
          id: newId(at.getTime()),
          procedure_id: procedure.id,
          procedure_version: procedure.shownVersion,
          ticket_id: ticketId,
          applied_by_id: ctx.principal?.userId ?? '',
          at: at.toISOString(),
        }),
    );
    return procedure;
  }
}
