import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

export async function up(db: Kysely<any>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema.alterTable('tickets').addColumn('agreement_id', 'text').execute();
  for (const column of ['first_response_due_at', 'resolution_due_at', 'next_due_at']) {
    await db.schema.alterTable('tickets').addColumn(column, ts).execute();
  }
  // Facts for reports, set once a target is met or missed: 1 met, 0 breached, null not yet.
  for (const column of ['first_response_met', 'resolution_met', 'first_response_minutes', 'resolution_minutes']) {
    await db.schema.alterTable('tickets').addColumn(column, 'integer').execute();
  }
  // The detection job reads the earliest deadlines first.
  await db.schema.createIndex('tickets_next_due_idx').on('tickets').columns(['next_due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tickets_next_due_idx').execute();
  for (const column of [
    'agreement_id',
    'first_response_due_at',
    'resolution_due_at',
    'next_due_at',
    'first_response_met',
    'resolution_met',
    'first_response_minutes',
    'resolution_minutes',
  ]) {
    await db.schema.alterTable('tickets').dropColumn(column).execute();
  }
}
