import type { Kysely } from 'kysely';
import type { DB, NotificationTable } from '../../db/schema.js';

export function insertNotifications(db: Kysely<DB>, rows: NotificationTable[]) {
  return rows.length > 0 ? db.insertInto('notifications').values(rows).execute() : Promise.resolve([]);
}

/** A person's notifications, newest first (ids are time-ordered), with the ticket or problem they are about. */
export function listForUser(
  db: Kysely<DB>,
  userId: string,
  options: { unread?: boolean | undefined; before?: string | undefined; limit: number },
) {
  let query = db
    .selectFrom('notifications')
    .leftJoin('tickets', 'tickets.id', 'notifications.ticket_id')
    .leftJoin('problems', 'problems.id', 'notifications.problem_id')
    .select([
      'notifications.id',
      'notifications.kind',
      'notifications.target',
      'notifications.percent',
      'notifications.created_at',
      'notifications.read_at',
      'tickets.id as ticket_id',
      'tickets.number as ticket_number',
      'tickets.subject as ticket_subject',
      'problems.id as problem_id',
      'problems.number as problem_number',
      'problems.subject as problem_subject',
    ])
    .where('notifications.user_id', '=', userId);
  if (options.unread) query = query.where('notifications.read_at', 'is', null);
  if (options.before) query = query.where('notifications.id', '<', options.before);
  return query.orderBy('notifications.id', 'desc').limit(options.limit).execute();
}

export async function countUnread(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function markRead(db: Kysely<DB>, userId: string, at: string, ids?: readonly string[]) {
  let query = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids) query = query.where('id', 'in', ids);
  return query.execute();
}
