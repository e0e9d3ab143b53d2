import type { Kysely } from 'kysely';
import type { AttachmentRow, DB, QuarantinedFileRow, TicketEventRow, TicketMessageRow } from '../../db/schema.js';

export function insertMessage(db: Kysely<DB>, row: TicketMessageRow) {
  return db.insertInto('ticket_messages').values(row).execute();
}

export function insertEvent(db: Kysely<DB>, row: TicketEventRow) {
  return db.insertInto('ticket_events').values(row).execute();
}

/** The timeline, oldest first, with who acted and the message each reply or note carries. */
export function listEvents(
  db: Kysely<DB>,
  ticketId: string,
  includeInternal: boolean,
  afterId: string | undefined,
  limit: number,
) {
  let query = db
    .selectFrom('ticket_events')
    .leftJoin('users as actor', 'actor.id', 'ticket_events.actor_id')
    .leftJoin('ticket_messages', 'ticket_messages.id', 'ticket_events.message_id')
    .leftJoin('users as author', 'author.id', 'ticket_messages.author_id')
    .selectAll('ticket_events')
    .select([
      'actor.name as actor_name',
      'ticket_messages.kind as message_kind',
      'ticket_messages.body_html as message_body',
      'ticket_messages.author_id as message_author_id',
      'author.name as message_author_name',
      'ticket_messages.created_at as message_created_at',
    ])
    .where('ticket_events.ticket_id', '=', ticketId);
  if (!includeInternal) query = query.where('ticket_events.internal', '=', 0);
  if (afterId) query = query.where('ticket_events.id', '>', afterId);
  return query.orderBy('ticket_events.id').limit(limit).execute();
}

export type EventListRow = Awaited<ReturnType<typeof listEvents>>[number];

/** Every message's body, for the search index: public replies and staff notes kept apart by kind. */
export function messageBodies(db: Kysely<DB>, ticketId: string) {
  return db
    .selectFrom('ticket_messages')
    .select(['kind', 'body_html'])
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute();
}

export function insertAttachment(db: Kysely<DB>, row: AttachmentRow) {
  return db.insertInto('attachments').values(row).execute();
}

export function insertQuarantinedFile(db: Kysely<DB>, row: QuarantinedFileRow) {
  return db.insertInto('quarantined_files').values(row).execute();
}

/** Attachments with the name of who uploaded them, as every read shows them. */
function attachmentsWithUploader(db: Kysely<DB>) {
  return db
    .selectFrom('attachments')
    .innerJoin('users', 'users.id', 'attachments.uploaded_by_id')
    .selectAll('attachments')
    .select('users.name as uploader_name');
}

export function findAttachment(db: Kysely<DB>, id: string) {
  return attachmentsWithUploader(db).where('attachments.id', '=', id).executeTakeFirst();
}

export function attachmentsOfMessages(db: Kysely<DB>, messageIds: string[]) {
  if (messageIds.length === 0) return Promise.resolve([]);
  return attachmentsWithUploader(db)
    .where('attachments.message_id', 'in', messageIds)
    .orderBy('attachments.id')
    .execute();
}

export type AttachmentListRow = Awaited<ReturnType<typeof attachmentsOfMessages>>[number];

/** Binds uploads, not yet bound to anything and made by `uploaderId`, to a ticket and message. */
export function bindAttachments(
  db: Kysely<DB>,
  ids: string[],
  uploaderId: string,
  binding: { ticketId: string; messageId: string | null; internal: boolean },
) {
  return db
    .updateTable('attachments')
    .set({ ticket_id: binding.ticketId, message_id: binding.messageId, internal: binding.internal ? 1 : 0 })
    .where('id', 'in', ids)
    .where('uploaded_by_id', '=', uploaderId)
    .where('ticket_id', 'is', null)
    .where('problem_id', 'is', null)
    .executeTakeFirst();
}

/** Binds uploads, not yet bound to anything and made by `uploaderId`, to a problem (staff-only files). */
export function bindAttachmentsToProblem(db: Kysely<DB>, ids: string[], uploaderId: string, problemId: string) {
  return db
    .updateTable('attachments')
    .set({ problem_id: problemId, internal: 1 })
    .where('id', 'in', ids)
    .where('uploaded_by_id', '=', uploaderId)
    .where('ticket_id', 'is', null)
    .where('problem_id', 'is', null)
    .executeTakeFirst();
}

/** A problem's files, oldest first. */
export function problemAttachments(db: Kysely<DB>, problemId: string) {
  return attachmentsWithUploader(db)
    .where('attachments.problem_id', '=', problemId)
    .orderBy('attachments.id')
    .execute();
}

export function unboundAttachmentsOlderThan(db: Kysely<DB>, before: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'storage_key'])
    .where('ticket_id', 'is', null)
    .where('problem_id', 'is', null)
    .where('created_at', '<', before)
    .limit(500)
    .execute();
}

export function deleteAttachment(db: Kysely<DB>, id: string) {
  return db.deleteFrom('attachments').where('id', '=', id).execute();
}

/** Files attached to the ticket itself rather than to a reply or note. */
export function ticketAttachments(db: Kysely<DB>, ticketId: string, includeInternal: boolean) {
  let query = attachmentsWithUploader(db)
    .where('attachments.ticket_id', '=', ticketId)
    .where('attachments.message_id', 'is', null);
  if (!includeInternal) query = query.where('attachments.internal', '=', 0);
  return query.orderBy('attachments.id').execute();
}

/** The status changes recorded on a ticket, oldest first, as the SLA clock reads them. */
export function statusEvents(db: Kysely<DB>, ticketId: string) {
  return db
    .selectFrom('ticket_events')
    .select(['at', 'changes'])
    .where('ticket_id', '=', ticketId)
    .where('kind', 'in', ['created', 'status_changed'])
    .orderBy('id')
    .execute();
}
