import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { OUTBOUND_ID_HEADER } from '../../../domain/mail/mail-rules-bounces.js';
import type { DB, OutboundMailTable } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import * as repo from './mail.repository.js';

const MINUTE = 60_000;
/** Waits between attempts: a minute, five, fifteen, an hour, then four hours until the last. */
const BACKOFF = [1, 5, 15, 60, 240, 240, 240].map((m) => m * MINUTE);
const MAX_ATTEMPTS = BACKOFF.length + 1;
/** How long a worker may hold a claimed message before another may take it. */
const LEASE = 5 * MINUTE;

export interface OutgoingMail {
  ticketId: string | null;
  event: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  references: string | null;
  autoSubmitted: OutboundMailTable['auto_submitted'];
}

/** The domain of the desk's From address, for Message-IDs. */
const domainOf = (from: string) => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'mesa.invalid';

/**
 * The outbox: a message is a row written in the transaction of the change that causes it, so a
 * change that rolls back sends nothing and one that commits is never forgotten. A worker sends
 * the rows over SMTP, retrying with backoff; each row carries its own Message-ID, so a message
 * resent after a crash mid-send is the same message to the receiving side, which drops duplicates.
 */
export class MailOutboxService {
  private readonly transport: Transporter | null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly config: { relayUrl: string | null; from: string },
    private readonly logger?: Logger,
  ) {
    this.transport = config.relayUrl ? nodemailer.createTransport(config.relayUrl) : null;
  }

  get sending(): boolean {
    return this.transport !== null;
  }

  async enqueue(trx: Kysely<DB>, mail: OutgoingMail): Promise<string> {
    const at = this.clock.now();
    const id = newId(at.getTime());
    const messageId = `${id}@${domainOf(this.config.from)}`;
    await repo.insertOutbound(trx, {
      id,
      ticket_id: mail.ticketId,
      event: mail.event,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      message_id: messageId,
      references: mail.references,
      auto_submitted: mail.autoSubmitted,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at.toISOString(),
      last_error: null,
      created_at: at.toISOString(),
      sent_at: null,
    });
    return messageId;
  }

  /** Sends what is due; answers how many went out. */
  async sendDue(limit = 50): Promise<number> {
    if (!this.transport) return 0;
    const now = this.clock.now();
    const rows = await repo.claimDueOutbound(
      this.db,
      now.toISOString(),
      new Date(now.getTime() + LEASE).toISOString(),
      limit,
    );
    let sent = 0;
    for (const row of rows) {
      try {
        await this.transport.sendMail({
          from: this.config.from,
          to: row.to_address,
          subject: row.subject,
          text: row.text_body,
          html: row.html_body,
          messageId: `<${row.message_id}>`,
          ...(row.references ? { inReplyTo: `<${row.references}>`, references: [`<${row.references}>`] } : {}),
          headers: {
            'Auto-Submitted': row.auto_submitted,
            'X-Auto-Response-Suppress': 'All',
            // Found again in a bounce's copy of the headers: the row it answers (bounce-recorder.ts).
            [OUTBOUND_ID_HEADER]: row.id,
          },
        });
        await repo.finishOutbound(this.db, row.id, {
          status: 'sent',
          sent_at: this.clock.now().toISOString(),
          attempts: row.attempts + 1,
          last_error: null,
        });
        sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        const code = (error as { responseCode?: number }).responseCode;
        // A permanent refusal (5xx) will not change by trying again.
        const final = attempts >= MAX_ATTEMPTS || (code !== undefined && code >= 500);
        const message = error instanceof Error ? error.message : String(error);
        await repo.finishOutbound(this.db, row.id, {
          status: final ? 'failed' : 'pending',
          attempts,
          last_error: message.slice(0, 1000),
          next_attempt_at: new Date(this.clock.now().getTime() + (BACKOFF[attempts - 1] ?? LEASE)).toISOString(),
        });
        this.logger?.warn({ mailId: row.id, attempts, final, err: message }, 'outgoing mail not sent');
      }
    }
    return sent;
  }

  close(): void {
    this.transport?.close();
  }
}
