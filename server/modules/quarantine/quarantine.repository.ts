import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * Quarantined files, newest first, with the ticket they were sent to and the mail they came with.
 * A mail's file is quarantined before its ticket exists: the row names the mail (request id
 * `mail:<inbound id>`), and the mail names the ticket it made.
 */
export function listQuarantined(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('quarantined_files as q')
    .leftJoin('inbound_mail as m', (join) => join.on(sql`'mail:' || m.id`, '=', sql.ref('q.request_id')))
    .leftJoin('tickets as t', (join) => join.on(sql`coalesce(q.ticket_id, m.ticket_id)`, '=', sql.ref('t.id')))
    .innerJoin('users as u', 'u.id', 'q.uploaded_by_id')
    .select([
      'q.id',
      'q.file_name',
      'q.size',
      'q.sha256',
      'q.signature',
      'q.created_at',
      't.id as ticket_id',
      't.number as ticket_number',
      't.subject as ticket_subject',
      'm.id as mail_id',
      'm.from_address as mail_from',
      'm.subject as mail_subject',
      'u.id as uploader_id',
      'u.name as uploader_name',
    ])
    .orderBy('q.created_at', 'desc')
    .orderBy('q.id', 'desc')
    .limit(limit)
    .execute();
}

export type QuarantinedListRow = Awaited<ReturnType<typeof listQuarantined>>[number];

export function findQuarantined(db: Kysely<DB>, id: string) {
  return db.selectFrom('quarantined_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export function deleteQuarantined(db: Kysely<DB>, id: string) {
  return db.deleteFrom('quarantined_files').where('id', '=', id).executeTakeFirst();
}
