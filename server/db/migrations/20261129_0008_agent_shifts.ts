import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

export async function up(db: Kysely<any>): Promise<void> {
  // The business calendar a member of the desk works by; outside it they get no new tickets.
  await db.schema
    .alterTable('users')
    .addColumn('shift_calendar_id', 'text', (c) => c.references('calendars.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('shift_calendar_id').execute();
}
