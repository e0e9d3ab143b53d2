import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { Kysely } from 'kysely';
import { WITHHELD_REASONS, type WithheldReason } from '../../../domain/contracts/withheld-files.js';
import { safeFileName } from '../../../domain/files/file-names.js';
import { withheldEn } from '../../../domain/i18n/withheld-en.js';
import { withheldEs } from '../../../domain/i18n/withheld-es.js';
import { threadIds, ticketNumberInSubject } from '../../../domain/mail/mail-rules.js';
import { ticketSubjectOf } from '../../../domain/mail/ticket-subject.js';
import { isStaff } from '../../../domain/roles.js';
import { FINAL_STATUSES } from '../../../domain/tickets/ticket-lifecycle.js';
import type { DB, InboundMailTable, MailboxTable } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { INLINE_IMAGE_TYPES } from '../../platform/content-type.js';
import { AppError } from '../../platform/errors.js';
import { escapeHtml } from '../../platform/html.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import { systemContext } from '../../platform/request-context.js';
import type { BlobStorage } from '../../platform/storage.js';
import { toPrincipal } from '../auth/auth.service.js';
import type { ConversationService } from '../tickets/conversation.service.js';
import type { TicketReadsService } from '../tickets/ticket-reads.service.js';
import type { TicketsService } from '../tickets/tickets.service.js';
import type { UsersService } from '../users/users.service.js';
import { automaticSender } from './automatic-sender.js';
import type { BounceRecorder } from './bounce-recorder.js';
import * as repo from './mail.repository.js';
import { mailBodyHtml } from './mail-body.js';
import { type IncomingMail, readMail } from './mail-reader.js';
import { organizationForSender, unknownSenderReason } from './sender-organization.js';
import { insertWithheldFiles } from './withheld-files.repository.js';

/** A correspondent writing more than this in an hour is a runaway (a loop, a script): the rest is kept, not taken. */
export const SENDER_LIMIT_PER_HOUR = 30;
const HOUR = 3_600_000;

type Person = Awaited<ReturnType<UsersService['get']>>;

/** Why a message was kept without being taken in; it stays listed and can be taken again. */
class NotTaken extends Error {
  constructor(
    readonly status: 'ignored' | 'failed',
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * Turns a stored message into a new ticket or a reply on an existing one. The ticket's change and
 * the message marked processed commit in one transaction, so however often a message is handled
 * (a retry, two instances, a restart after a crash) it makes one ticket or one reply.
 */
export class MailProcessorService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly storage: BlobStorage,
    private readonly users: UsersService,
    private readonly reads: TicketReadsService,
    private readonly tickets: TicketsService,
    private readonly conversation: ConversationService,
    private readonly ownAddresses: () => Promise<Set<string>>,
    private readonly bounces?: BounceRecorder,
  ) {}

  /** Handles every message still waiting (after a restart, say); answers how many it handled. */
  async processWaiting(): Promise<number> {
    let handled = 0;
    for (const id of await repo.waitingInbound(this.db, 100)) {
      await this.process(id);
      handled++;
    }
    return handled;
  }

  async process(id: string): Promise<void> {
    const row = await repo.findInbound(this.db, id);
    if (row?.status !== 'received') return;
    try {
      const raw = await buffer(this.storage.read(row.raw_key));
      const mail = await readMail(raw);
      // The log shows what the reader decoded (encoded words, charsets), not the raw header.
      await repo.describeInbound(this.db, id, {
        subject: mail.subject.slice(0, 500) || null,
        from_address: mail.from?.address.slice(0, 320) ?? null,
      });
      await this.take(row, mail, raw);
    } catch (error) {
      const status = error instanceof NotTaken ? error.status : 'failed';
      const reason =
        error instanceof NotTaken || error instanceof AppError
          ? error.message
          : `could not be processed: ${error instanceof Error ? error.message : String(error)}`;
      await repo.noteAttempt(this.db, id, reason);
      await repo.settleInbound(this.db, id, { status, reason, processed_at: this.clock.now().toISOString() });
    }
  }

  /** Puts a message kept aside back in line, and handles it. */
  async reprocess(id: string): Promise<void> {
    await repo.settleInbound(this.db, id, { status: 'received', processed_at: null, reason: null }, [
      'failed',
      'ignored',
    ]);
    await this.process(id);
  }

  private async take(row: InboundMailTable, mail: IncomingMail, raw: Buffer): Promise<void> {
    const from = mail.from?.address;
    if (!from) throw new NotTaken('failed', 'the message has no sender (From)');
    if ((await this.ownAddresses()).has(from))
      throw new NotTaken('ignored', 'sent from one of the desk’s own addresses');
    const automatic = automaticSender(raw, mail);
    // A report that answers a notice Mesa sent is recorded on its ticket; any other is kept aside.
    if (automatic?.kind === 'report' && (await this.bounces?.record(row, raw, mail))) return;
    if (automatic?.ignored) throw new NotTaken('ignored', `automatic message (${automatic.reason})`);
    const since = new Date(this.clock.now().getTime() - HOUR).toISOString();
    if ((await repo.countFromSender(this.db, from, since)) > SENDER_LIMIT_PER_HOUR)
      throw new NotTaken('ignored', `more than ${SENDER_LIMIT_PER_HOUR} messages from ${from} in the last hour`);

    // Mail from the address arrived: whatever bounced before, it is read again.
    await repo.clearAddressBouncing(this.db, from);
    const mailbox = await this.mailboxOf(row);
    const sender = await this.senderOf(mail, mailbox);
    const ctx: RequestContext = {
      ...ctxOf(sender),
      requestId: `mail:${row.id}`,
      // A list, a machine's notice, a no-reply sender, a message asking for no automatic answer: taken
      // in, but never answered automatically (no loops, no mail to addresses nobody reads).
      noAutoReply: automatic !== null,
    };
    const ticketId = await this.threadOf(mail, sender);
    const settle = (outcome: 'ticket' | 'reply') => async (trx: Kysely<DB>, ticket: { id: string }) => {
      const done = await repo.settleInbound(trx, row.id, {
        status: 'processed',
        processed_at: this.clock.now().toISOString(),
        ticket_id: ticket.id,
        outcome,
        reason: null,
      });
      // Someone else took it meanwhile: roll this change back rather than take it twice.
      if (!done) throw new AppError('conflict', 'the message was taken meanwhile');
    };

    if (ticketId) {
      const { attachmentIds, images, withheld } = await this.attach(ctx, mail);
      await this.conversation.post(
        ctx,
        ticketId,
        'reply',
        { bodyHtml: mailBodyHtml(mail, true, images) + refusedNote(withheld, sender.locale), attachmentIds },
        async (trx, messageId) => {
          await settle('reply')(trx, { id: ticketId });
          await this.withhold(trx, row, ticketId, messageId, withheld);
        },
      );
      return;
    }
    if (isStaff(sender.roles))
      throw new NotTaken('failed', `${from} is staff: staff reply to tickets, they do not raise them by mail`);
    const { attachmentIds, images, withheld } = await this.attach(ctx, mail);
    await this.tickets.create(
      ctx,
      {
        type: 'incident',
        subject: ticketSubjectOf(mail.subject),
        description: mailBodyHtml(mail, false, images) + refusedNote(withheld, sender.locale),
        // The mailbox's service, when the sender belongs to the mailbox's organization.
        ...(mailbox?.service_id && mailbox.organization_id === sender.organizationId
          ? { serviceId: mailbox.service_id }
          : {}),
        attachmentIds,
      },
      {
        channel: 'email',
        groupId: mailbox?.group_id ?? null,
        alongside: async (trx, ticket) => {
          await settle('ticket')(trx, ticket);
          await this.withhold(trx, row, ticket.id, null, withheld);
        },
      },
    );
  }

  private async mailboxOf(row: InboundMailTable): Promise<MailboxTable | undefined> {
    for (const address of JSON.parse(row.envelope_to) as string[]) {
      const mailbox = await repo.findMailbox(this.db, address);
      if (mailbox) return mailbox;
    }
    return undefined;
  }

  /**
   * The person who wrote: From, never Reply-To. Someone unknown becomes a requester of the
   * organization their domain (or a parent domain) is mapped to, else of the one the mailbox takes
   * unknown senders into; or, when the mailbox keeps them waiting, the message waits ('failed').
   */
  private async senderOf(mail: IncomingMail, mailbox: MailboxTable | undefined): Promise<Person> {
    const address = mail.from?.address as string;
    const known = await this.users.findActiveByEmail(address);
    if (known) return this.users.get(known.id);
    const organizationId = await organizationForSender(this.db, address, mailbox);
    if (!organizationId) throw new NotTaken('failed', unknownSenderReason(address));
    try {
      return await this.users.create(systemContext, {
        email: address,
        name: (mail.from?.name || address.split('@')[0] || address).slice(0, 200),
        roles: ['requester'],
        organizationId,
      });
    } catch (error) {
      // Created by another message of the same sender at the same moment; an inactive account stays so.
      const again = await this.users.findActiveByEmail(address);
      if (again) return this.users.get(again.id);
      throw error instanceof AppError && error.code === 'conflict'
        ? new NotTaken('failed', `the account of ${address} is not active`)
        : error;
    }
  }

  /**
   * The ticket a message answers: by the Message-IDs it replies to, else by the number in its
   * subject — and only a ticket of the sender's own organization (or any, for staff) that is still
   * open to replies. Anything else starts a new ticket.
   */
  private async threadOf(mail: IncomingMail, sender: Person): Promise<string | null> {
    let ticketId = await repo.ticketOfMessageIds(this.db, threadIds(mail.inReplyTo, mail.references));
    if (!ticketId) {
      const number = ticketNumberInSubject(mail.subject);
      if (number) ticketId = await this.reads.idOfNumber(number);
    }
    if (!ticketId) return null;
    // Only a ticket the sender may see (as the portal would show it): a colleague's ticket in an
    // organization that does not share them, or another organization's, starts a new one.
    const ticket = await this.reads.visible(ctxOf(sender), ticketId);
    if (!ticket || FINAL_STATUSES.includes(ticket.status)) return null;
    return ticketId;
  }

  /**
   * Files of the message, stored with the same checks as uploads. Inline images are mapped from
   * their Content-ID to the attachment they became, for the body to show them in place; the files
   * refused are withheld: named on the ticket with size and reason, their bytes left in the stored
   * message for staff to fetch (withheld-files.service.ts).
   */
  private async attach(ctx: RequestContext, mail: IncomingMail) {
    const attachmentIds: string[] = [];
    const images = new Map<string, string>();
    const withheld: Withheld[] = [];
    for (const [partIndex, file] of mail.attachments.entries()) {
      try {
        const stored = await this.conversation.upload(
          ctx,
          { fileName: file.fileName, stream: Readable.from(file.content) },
          {},
        );
        attachmentIds.push(stored.id);
        if (file.contentId && INLINE_IMAGE_TYPES.has(stored.contentType)) images.set(file.contentId, stored.id);
      } catch (error) {
        // A scanner that cannot answer keeps the whole message (failed, to be reprocessed): no file is
        // taken unscanned, and none is dropped for want of a scanner.
        if (!(error instanceof AppError) || error.code === 'unavailable') throw error;
        withheld.push({
          partIndex,
          fileName: safeFileName(file.fileName) || `file-${partIndex + 1}`,
          size: file.content.length,
          reason: reasonOf(error),
          detail: error.message,
        });
      }
    }
    return { attachmentIds, images, withheld };
  }

  private async withhold(
    trx: Kysely<DB>,
    row: InboundMailTable,
    ticketId: string,
    messageId: string | null,
    files: Withheld[],
  ) {
    const at = this.clock.now();
    await insertWithheldFiles(
      trx,
      files.map((file) => ({
        id: newId(at.getTime()),
        ticket_id: ticketId,
        message_id: messageId,
        inbound_mail_id: row.id,
        part_index: file.partIndex,
        file_name: file.fileName,
        size: file.size,
        reason: file.reason,
        detail: file.detail,
        created_at: at.toISOString(),
      })),
    );
  }
}

interface Withheld {
  partIndex: number;
  fileName: string;
  size: number;
  reason: WithheldReason;
  detail: string;
}

function reasonOf(error: AppError): WithheldReason {
  const reason = error.extensions?.reason;
  if (WITHHELD_REASONS.includes(reason as WithheldReason)) return reason as WithheldReason;
  return error.code === 'payload_too_large' ? 'too_large' : 'refused';
}

const ctxOf = (person: Person): RequestContext => ({
  principal: toPrincipal(person, 'session'),
  requestId: null,
  ip: null,
});

/** The files withheld, named in the text too: the requester learns which of theirs the desk did not take. */
const refusedNote = (withheld: Withheld[], locale: string | null) => {
  if (!withheld.length) return '';
  // Spanish unless the sender chose English: the desk's first language, as its other notices.
  const words = (locale?.startsWith('en') ? withheldEn : withheldEs).withheld;
  const files = withheld.map((file) => `${file.fileName} (${fileSize(file.size)}, ${words.reasons[file.reason]})`);
  return `<p><em>${escapeHtml(`${words.notAttached}: ${files.join('; ')}`)}</em></p>`;
};

/** A size as people read it in a line of text (the same in both languages). */
const fileSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} kB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
