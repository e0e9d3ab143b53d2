import { buffer } from 'node:stream/consumers';
import type { Kysely } from 'kysely';
import type { WithheldFile, WithheldReason } from '../../../domain/contracts/withheld-files.js';
import type { DB, WithheldFileTable } from '../../db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { isStaffContext } from '../../platform/policies.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { BlobStorage } from '../../platform/storage.js';
import type { TicketReadsService } from '../tickets/ticket-reads.service.js';
import { readMail } from './mail-reader.js';
import * as repo from './withheld-files.repository.js';

/**
 * Files of received mail the desk did not store, for staff: listed on the ticket, and fetched
 * from the stored original message (the raw bytes kept for every mail) when someone needs them.
 */
export class WithheldFilesService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly storage: BlobStorage,
    private readonly reads: TicketReadsService,
  ) {}

  async listOfTicket(ctx: RequestContext, ticketId: string): Promise<WithheldFile[]> {
    if (!isStaffContext(ctx)) throw notFound('Ticket');
    await this.reads.findVisible(ctx, ticketId);
    return (await repo.withheldFilesOfTicket(this.db, ticketId)).map(toWithheldFile);
  }

  /**
   * The file's bytes (never an infected one's), read again from the stored original: the message is parsed as when it was
   * taken and the part at the recorded place returned, if it is still the one recorded (same size).
   */
  async content(ctx: RequestContext, id: string): Promise<{ file: WithheldFile; content: Buffer }> {
    if (!isStaffContext(ctx)) throw notFound('Withheld file');
    const row = await repo.findWithheldFile(this.db, id);
    if (!row) throw notFound('Withheld file');
    await this.reads.findVisible(ctx, row.ticket_id);
    // What the virus scanner found infected is handed to no one, as in the quarantine.
    if (row.reason === 'infected')
      throw new AppError('forbidden', 'An infected file is never handed out; it is kept in quarantine');
    const mail = await readMail(await buffer(this.storage.read(row.raw_key)));
    const part = mail.attachments[row.part_index];
    if (part?.content.length !== row.size)
      throw new AppError('conflict', 'The stored message no longer holds this file where it was recorded');
    return { file: toWithheldFile(row), content: part.content };
  }
}

const toWithheldFile = (row: WithheldFileTable): WithheldFile => ({
  id: row.id,
  ticketId: row.ticket_id,
  messageId: row.message_id,
  inboundMailId: row.inbound_mail_id,
  fileName: row.file_name,
  size: row.size,
  reason: row.reason as WithheldReason,
  detail: row.detail,
  createdAt: new Date(row.created_at).toISOString(),
});
