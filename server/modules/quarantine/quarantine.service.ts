import type { Kysely } from 'kysely';
import type { QuarantinedFile } from '../../../domain/contracts/quarantine.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { BlobStorage } from '../../platform/storage.js';
import type { AuditService } from '../audit/audit.service.js';
import * as repo from './quarantine.repository.js';

/** The most an admin is shown at once: a quarantine that holds more is a matter for the server. */
export const QUARANTINE_LIST_LIMIT = 500;

function toQuarantinedFile(row: repo.QuarantinedListRow): QuarantinedFile {
  return {
    id: row.id,
    fileName: row.file_name,
    size: Number(row.size),
    sha256: row.sha256,
    signature: row.signature,
    createdAt: row.created_at,
    ticket: row.ticket_id
      ? { id: row.ticket_id, number: row.ticket_number ?? '', subject: row.ticket_subject ?? '' }
      : null,
    mail: row.mail_id ? { id: row.mail_id, from: row.mail_from, subject: row.mail_subject } : null,
    uploadedBy: { id: row.uploader_id, name: row.uploader_name },
  };
}

/**
 * Administración → Cuarentena: the files the virus scanner refused (conversation.service puts them
 * there). An admin sees where each came from and deletes it; its bytes are never served, not even
 * to an admin, so nothing infected leaves the server through Mesa.
 */
export class QuarantineService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditService,
    private readonly storage: BlobStorage,
  ) {}

  async list(): Promise<QuarantinedFile[]> {
    return (await repo.listQuarantined(this.db, QUARANTINE_LIST_LIMIT)).map(toQuarantinedFile);
  }

  /** Deletes the record and then its bytes: a crash between the two leaves bytes no one can reach, never a record without them. */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    const row = await this.db.transaction().execute(async (trx) => {
      const found = await repo.findQuarantined(trx, id);
      if (!found) throw notFound('Quarantined file');
      await repo.deleteQuarantined(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'quarantined_file.deleted',
        entityType: 'quarantined_file',
        entityId: id,
        before: {
          fileName: found.file_name,
          size: Number(found.size),
          sha256: found.sha256,
          signature: found.signature,
          ticketId: found.ticket_id,
          requestId: found.request_id,
        },
      });
      return found;
    });
    await this.storage.remove(row.storage_key);
  }
}
