import type { Kysely } from 'kysely';
import type { AgreementTable, CalendarTable, DB } from '../../db/schema.js';

export function listCalendars(db: Kysely<DB>) {
  return db.selectFrom('calendars').selectAll().orderBy('name').execute();
}

export function findCalendar(db: Kysely<DB>, id: string) {
  return db.selectFrom('calendars').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertCalendar(db: Kysely<DB>, row: CalendarTable) {
  return db.insertInto('calendars').values(row).execute();
}

export function updateCalendar(db: Kysely<DB>, id: string, version: number, changes: Partial<CalendarTable>) {
  return db
    .updateTable('calendars')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function listAgreements(db: Kysely<DB>, organizationId?: string) {
  let query = db.selectFrom('agreements').selectAll();
  if (organizationId) query = query.where('organization_id', '=', organizationId);
  return query.orderBy('name').execute();
}

export function findAgreement(db: Kysely<DB>, id: string) {
  return db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertAgreement(db: Kysely<DB>, row: AgreementTable) {
  return db.insertInto('agreements').values(row).execute();
}

export function updateAgreement(db: Kysely<DB>, id: string, version: number, changes: Partial<AgreementTable>) {
  return db
    .updateTable('agreements')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Of these people, the ones who are active staff (the only ones an escalation may name). */
export async function activeStaffIds(db: Kysely<DB>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .distinct()
    .where('users.id', 'in', ids)
    .where('users.status', '=', 'active')
    .where('user_roles.role', '!=', 'requester')
    .execute();
  return rows.map((row) => row.id);
}

/** Organizations whose agreement counts in this calendar. */
export async function organizationsUsingCalendar(db: Kysely<DB>, calendarId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agreements')
    .select('organization_id')
    .where('calendar_id', '=', calendarId)
    .execute();
  return rows.map((row) => row.organization_id);
}
