import type { Kysely } from 'kysely';
import type { DB, WithheldFileTable } from '../../db/schema.js';

export function insertWithheldFiles(db: Kysely<DB>, rows: WithheldFileTable[]) {
  return rows.length ? db.insertInto('withheld_files').values(rows).execute() : Promise.resolve([]);
}

export function withheldFilesOfTicket(db: Kysely<DB>, ticketId: string) {
  return db.selectFrom('withheld_files').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();
}

export function findWithheldFile(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('withheld_files')
    .innerJoin('inbound_mail', 'inbound_mail.id', 'withheld_files.inbound_mail_id')
    .selectAll('withheld_files')
    .select('inbound_mail.raw_key')
    .where('withheld_files.id', '=', id)
    .executeTakeFirst();
}
