import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Attachment, Message, MessageBody } from '../../../domain/contracts/tickets.js';
import { safeFileName } from '../../../domain/files/file-names.js';
import { FINAL_STATUSES } from '../../../domain/tickets/ticket-lifecycle.js';
import type { DB, TicketRow } from '../../db/schema.js';
import { ArchiveRefused, inspectArchive, isArchive } from '../../platform/archive-inspection.js';
import type { VirusScanner } from '../../platform/clamd.js';
import type { Clock } from '../../platform/clock.js';
import { judgeFile } from '../../platform/content-type.js';
import { AppError, notFound, validationError } from '../../platform/errors.js';
import { sanitizeRichText } from '../../platform/html.js';
import { newId } from '../../platform/ids.js';
import { isStaffContext, ticketScope } from '../../platform/policies.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { BlobStorage } from '../../platform/storage.js';
import * as conversation from './conversation.repository.js';
import type { TicketHistory } from './ticket-history.js';
import { toAttachment } from './ticket-presenter.js';
import type { TicketReadsService } from './ticket-reads.service.js';
import * as repo from './tickets.repository.js';
import type { TicketsService } from './tickets.service.js';

export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

/** Replies, private notes and files: the conversation on a ticket. */
export class ConversationService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly storage: BlobStorage,
    private readonly reads: TicketReadsService,
    private readonly tickets: TicketsService,
    private readonly history: TicketHistory,
    /** The virus scanner every file goes through (MESA_CLAMD); null scans none. */
    private readonly files: { scanner: VirusScanner | null } = { scanner: null },
  ) {}

  /**
   * Adds a public reply or a staff note. Replies never race each other: the ticket's version is
   * bumped in the database, not checked against what the caller saw. `alongside` writes what the
   * message belongs to (a commitment told to the requester) in the same transaction.
   */
  async post(
    ctx: RequestContext,
    ticketId: string,
    kind: 'reply' | 'note',
    body: MessageBody,
    alongside?: (trx: Kysely<DB>, messageId: string) => Promise<void>,
  ): Promise<Message> {
    const principal = ctx.principal;
    if (!principal) throw new AppError('unauthenticated');
    const staff = isStaffContext(ctx);
    if (kind === 'note' && !staff) throw new AppError('forbidden', 'Only the desk writes private notes');
    const current = await this.reads.findVisible(ctx, ticketId);
    if (FINAL_STATUSES.includes(current.status)) {
      throw new AppError('conflict', `The ticket is ${current.status}; raise a new one to continue`);
    }
    const bodyHtml = sanitizeRichText(body.bodyHtml);
    if (!bodyHtml) throw validationError([{ field: 'bodyHtml', message: 'is empty once unsafe content is removed' }]);
    const at = this.clock.now();
    const messageId = newId(at.getTime());
    const internal = kind === 'note';

    const updated = await this.db.transaction().execute(async (trx) => {
      await conversation.insertMessage(trx, {
        id: messageId,
        ticket_id: ticketId,
        kind,
        author_id: principal.userId,
        body_html: bodyHtml,
        created_at: at.toISOString(),
      });
      await this.tickets.bindUploads(trx, principal.userId, body.attachmentIds, { ticketId, messageId, internal });
      await this.history.record(trx, ctx, ticketId, { kind, internal, messageId });
      await alongside?.(trx, messageId);
      const changes: Partial<TicketRow> = { updated_at: at.toISOString() };
      if (kind === 'reply' && staff && !current.first_response_at) changes.first_response_at = at.toISOString();
      const after = await repo.touchTicket(trx, ticketId, changes);
      await this.history.reindex(trx, after);
      // A public reply from the desk answers the first response and starts the next update interval.
      return kind === 'reply' && staff ? this.history.refreshDeadlines(trx, after) : after;
    });
    this.history.publish(updated, kind, internal);

    // The requester answered what the desk was waiting for: the ticket goes back to work.
    if (kind === 'reply' && !staff && updated.status === 'pending' && updated.pending_reason === 'requester') {
      await this.tickets.apply(ctx, ticketId, { version: updated.version, status: 'in_progress' }, 'system');
    }
    const attachments = (await conversation.attachmentsOfMessages(this.db, [messageId])).map(toAttachment);
    return {
      id: messageId,
      ticketId,
      kind,
      author: { id: principal.userId, name: principal.name },
      bodyHtml,
      attachments,
      createdAt: at.toISOString(),
    };
  }

  /**
   * Stores an upload: streamed to storage under a size limit, then typed by its first bytes.
   * With a ticket it is attached to the ticket at once; without, it waits for a reply or new ticket.
   */
  async upload(
    ctx: RequestContext,
    file: { fileName: string; stream: Readable; truncated?: () => boolean },
    target: { ticketId?: string; internal?: boolean },
  ): Promise<Attachment> {
    const principal = ctx.principal;
    if (!principal) throw new AppError('unauthenticated');
    const staff = isStaffContext(ctx);
    const internal = staff && (target.internal ?? false);
    if (target.ticketId) {
      const ticket = await this.reads.findVisible(ctx, target.ticketId);
      if (FINAL_STATUSES.includes(ticket.status)) throw new AppError('conflict', `The ticket is ${ticket.status}`);
    }
    const at = this.clock.now();
    const id = newId(at.getTime());
    const storageKey = `attachments/${at.toISOString().slice(0, 7)}/${id}`;
    const { size, sha256 } = await this.storage.write(storageKey, file.stream, ATTACHMENT_MAX_BYTES);
    // The multipart reader stops at the limit and marks the file cut short rather than failing.
    if (file.truncated?.()) {
      await this.storage.remove(storageKey);
      throw new AppError('payload_too_large', `Files may be at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MiB`);
    }
    const head = await readHead(this.storage.read(storageKey), 4096);
    const verdict = judgeFile(head, file.fileName);
    // Scanned before the type is judged: a program carrying a virus is quarantined and recorded, not just
    // refused — under the name it was sent with (made safe), the one the ticket's note names too.
    const sentAs = safeFileName(file.fileName) || verdict.fileName;
    await this.check(ctx, { storageKey, fileName: sentAs, head, size, sha256, at }, target.ticketId ?? null);
    if (!verdict.accepted) {
      await this.storage.remove(storageKey);
      throw new AppError('unsupported_media_type', verdict.message, {
        errors: [{ field: 'file', message: verdict.message }],
        extensions: { reason: verdict.reason },
      });
    }
    const row = {
      id,
      ticket_id: target.ticketId ?? null,
      message_id: null,
      problem_id: null,
      file_name: verdict.fileName,
      content_type: verdict.type.contentType,
      size,
      sha256,
      storage_key: storageKey,
      internal: internal ? 1 : 0,
      uploaded_by_id: principal.userId,
      created_at: at.toISOString(),
    };
    if (target.ticketId) {
      const ticketId = target.ticketId;
      const updated = await this.db.transaction().execute(async (trx) => {
        await conversation.insertAttachment(trx, row);
        await this.history.record(trx, ctx, ticketId, {
          kind: 'attachment_added',
          internal,
          changes: [{ field: 'attachment', from: null, to: { id, fileName: row.file_name } }],
        });
        return repo.touchTicket(trx, ticketId, { updated_at: at.toISOString() });
      });
      this.history.publish(updated, 'attachment_added', internal);
    } else {
      await conversation.insertAttachment(this.db, row);
    }
    return toAttachment({ ...row, uploader_name: principal.name });
  }

  /**
   * What every file goes through before it is taken: an archive that expands too far or nests too
   * deep is refused (nothing extracted to disk); then, with MESA_CLAMD set, the virus scanner. An
   * infected file is moved to quarantine/ (never an attachment, never served), recorded with the
   * signature, and named on the ticket it was sent to. A scanner that gives no answer refuses the
   * file with 503 `unavailable`: nothing unscanned is taken while scanning is on.
   */
  private async check(
    ctx: RequestContext,
    file: { storageKey: string; fileName: string; head: Buffer; size: number; sha256: string; at: Date },
    ticketId: string | null,
  ): Promise<void> {
    const { storageKey } = file;
    const refuse = async (error: AppError): Promise<never> => {
      await this.storage.remove(storageKey);
      throw error;
    };
    if (isArchive(file.head)) {
      try {
        await inspectArchive(file.head, () => this.storage.read(storageKey));
      } catch (error) {
        if (!(error instanceof ArchiveRefused)) throw error;
        const code =
          error.reason === 'expanded_size' || error.reason === 'ratio' ? 'payload_too_large' : 'unsupported_media_type';
        await refuse(
          new AppError(code, `The archive was refused: ${error.message}`, {
            errors: [{ field: 'file', message: error.message }],
            extensions: { reason: 'archive' },
          }),
        );
      }
    }
    const scanner = this.files.scanner;
    if (!scanner) return;
    const verdict = await scanner
      .scan(this.storage.read(storageKey))
      .catch((error: unknown) =>
        refuse(error instanceof AppError ? error : new AppError('unavailable', 'The virus scanner failed')),
      );
    if (!verdict.infected) return;

    const principal = ctx.principal as NonNullable<RequestContext['principal']>;
    const id = newId(file.at.getTime());
    const quarantineKey = `quarantine/${file.at.toISOString().slice(0, 7)}/${id}`;
    await this.storage.write(quarantineKey, this.storage.read(storageKey), ATTACHMENT_MAX_BYTES);
    await this.storage.remove(storageKey);
    const fileName = file.fileName;
    const row = {
      id,
      ticket_id: ticketId,
      file_name: fileName,
      size: file.size,
      sha256: file.sha256,
      storage_key: quarantineKey,
      signature: verdict.signature,
      uploaded_by_id: principal.userId,
      request_id: ctx.requestId,
      created_at: file.at.toISOString(),
    };
    if (ticketId) {
      const updated = await this.db.transaction().execute(async (trx) => {
        await conversation.insertQuarantinedFile(trx, row);
        await this.history.record(trx, ctx, ticketId, {
          kind: 'attachment_quarantined',
          changes: [
            { field: 'refusedFile', from: null, to: { fileName, refused: 'infected', signature: verdict.signature } },
          ],
        });
        return repo.touchTicket(trx, ticketId, { updated_at: file.at.toISOString() });
      });
      this.history.publish(updated, 'attachment_quarantined');
    } else {
      await conversation.insertQuarantinedFile(this.db, row);
    }
    const message = `refused as infected (${verdict.signature}); it is kept in quarantine`;
    throw new AppError('unsupported_media_type', `The file was ${message}`, {
      errors: [{ field: 'file', message }],
      extensions: { reason: 'infected' },
    });
  }

  /**
   * Binds the caller's own unbound uploads (`POST /attachments`, checked and scanned as every file
   * is) to a problem, in the problems module's transaction; an id that is not one of them fails it.
   */
  async bindUploadsToProblem(trx: Kysely<DB>, uploaderId: string, ids: string[], problemId: string) {
    const result = await conversation.bindAttachmentsToProblem(trx, ids, uploaderId, problemId);
    if (Number(result.numUpdatedRows) !== ids.length) {
      throw validationError([{ field: 'attachmentIds', message: 'only your own new uploads can be attached' }]);
    }
    return (await conversation.problemAttachments(trx, problemId)).filter((row) => ids.includes(row.id));
  }

  /** A problem's files, as the attachments the download route serves. */
  async problemFiles(problemId: string) {
    return conversation.problemAttachments(this.db, problemId);
  }

  /** A file, if the caller may see the ticket it belongs to (and, for internal files, is staff). */
  async download(ctx: RequestContext, id: string) {
    const row = await conversation.findAttachment(this.db, id);
    if (!row) throw notFound('Attachment');
    if (row.problem_id !== null) {
      // A problem's file: the desk's, like the problem itself.
      if (!isStaffContext(ctx)) throw notFound('Attachment');
    } else if (row.ticket_id === null) {
      if (row.uploaded_by_id !== ctx.principal?.userId) throw notFound('Attachment');
    } else {
      if (row.internal === 1 && !isStaffContext(ctx)) throw notFound('Attachment');
      if (!(await repo.findTicket(this.db, row.ticket_id, ticketScope(ctx)))) throw notFound('Attachment');
    }
    return { attachment: toAttachment(row), stream: this.storage.read(row.storage_key) };
  }

  /** Removes uploads never attached to anything after a day. */
  async purgeAbandonedUploads(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - 86_400_000).toISOString();
    const rows = await conversation.unboundAttachmentsOlderThan(this.db, before);
    for (const row of rows) {
      await conversation.deleteAttachment(this.db, row.id);
      await this.storage.remove(row.storage_key);
    }
    return rows.length;
  }
}

async function readHead(stream: Readable, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length >= bytes) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, bytes);
}
