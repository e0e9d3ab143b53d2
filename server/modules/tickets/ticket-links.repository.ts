import type { Kysely } from 'kysely';
import type { DB, TicketLinkTable } from '../../db/schema.js';
import { scopeCondition, type TicketScope } from './tickets.repository.js';

export function insertLink(db: Kysely<DB>, row: TicketLinkTable) {
  return db.insertInto('ticket_links').values(row).execute();
}

export function deleteLink(db: Kysely<DB>, id: string, ticketId: string) {
  return db
    .deleteFrom('ticket_links')
    .where('id', '=', id)
    .where((eb) => eb.or([eb('ticket_id', '=', ticketId), eb('other_ticket_id', '=', ticketId)]))
    .returningAll()
    .executeTakeFirst();
}

/** Links in both directions, to tickets the caller may see. */
export function linksOf(db: Kysely<DB>, ticketId: string, scope: TicketScope) {
  const side = (from: 'ticket_id' | 'other_ticket_id', to: 'ticket_id' | 'other_ticket_id') =>
    db
      .selectFrom('ticket_links')
      .innerJoin('tickets', 'tickets.id', `ticket_links.${to}`)
      .select([
        'ticket_links.id',
        'ticket_links.kind',
        'tickets.id as ticket_id',
        'tickets.number',
        'tickets.subject',
        'tickets.status',
      ])
      .where(`ticket_links.${from}`, '=', ticketId)
      .where((eb) => scopeCondition(eb as never, scope));
  return Promise.all([side('ticket_id', 'other_ticket_id').execute(), side('other_ticket_id', 'ticket_id').execute()]);
}
