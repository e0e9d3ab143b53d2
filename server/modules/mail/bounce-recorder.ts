import type { Kysely } from 'kysely';
import { threadIds } from '../../../domain/mail/mail-rules.js';
import { type DeliveryFailure, readDeliveryReport } from '../../../domain/mail/mail-rules-bounces.js';
import type { DB, InboundMailTable } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { systemContext } from '../../platform/request-context.js';
import type { TicketHistory } from '../tickets/ticket-history.js';
import * as repo from './mail.repository.js';
import type { IncomingMail } from './mail-reader.js';

/** The timeline event a bounce writes on its ticket, for staff only. */
export const BOUNCE_EVENT = 'mail_bounced';

/** "5.1.1 550 no such user": the report's status and words, as the outbound log and the person show them. */
const reasonOf = (failure: DeliveryFailure | undefined) =>
  [failure?.status, failure?.diagnostic].filter(Boolean).join(' ').slice(0, 1000) || 'delivery failed';

/**
 * A bounce or delivery report that answers a notice Mesa sent — found by the original's
 * Message-ID (quoted in the report), Mesa's own outbound id header, or the report's
 * In-Reply-To/References — is recorded on that notice's ticket: a staff-only "delivery failed to
 * …" event with the report's status and reason, the notice marked bounced, and the address marked
 * as bouncing on the person it belongs to. All in one transaction with the message marked
 * processed, so a report is recorded once. A report that answers nothing of Mesa's is not recorded.
 */
export class BounceRecorder {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly history: TicketHistory,
  ) {}

  /** True when the report was recorded on a ticket; false when it answers nothing Mesa sent, or failed nothing. */
  async record(row: InboundMailTable, raw: Buffer, mail: IncomingMail): Promise<boolean> {
    const report = readDeliveryReport(raw.toString('latin1'));
    // A delay notice or a delivery receipt: the mail is on its way, nothing failed.
    if (report.noFailure) return false;
    const notice = await repo.outboundForReport(this.db, report.outboundIds, [
      ...report.messageIds,
      ...threadIds(mail.inReplyTo, mail.references),
    ]);
    if (!notice?.ticket_id) return false;
    const ticketId = notice.ticket_id;
    const address = notice.to_address.toLowerCase();
    // The failure for the address Mesa wrote to; a report about a forward of it names another.
    const failure = report.failures.find((f) => f.recipient === address) ?? report.failures[0];
    const reason = reasonOf(failure);
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const settled = await repo.settleInbound(trx, row.id, {
        status: 'processed',
        processed_at: at,
        ticket_id: ticketId,
        outcome: 'bounce',
        reason: null,
      });
      if (!settled) throw new AppError('conflict', 'the message was taken meanwhile');
      await this.history.record(trx, { ...systemContext, requestId: `mail:${row.id}` }, ticketId, {
        kind: BOUNCE_EVENT,
        internal: true,
        actorId: null,
        changes: [
          { field: 'recipient', from: null, to: address },
          { field: 'notice', from: null, to: notice.event },
          { field: 'status', from: null, to: failure?.status ?? null },
          { field: 'diagnostic', from: null, to: failure?.diagnostic ?? null },
        ],
      });
      await repo.markOutboundBounced(trx, notice.id, reason);
      await repo.markAddressBouncing(trx, address, at, reason);
    });
    // Staff with the ticket open see the line appear (internal: requesters' views are not told).
    this.history.publish(await repo.ticketRow(this.db, ticketId), BOUNCE_EVENT, true);
    return true;
  }
}
