import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

/**
 * Campaign scheduling: a campaign may remind those who have not answered some days before its
 * close (once: reminded_at is claimed by a conditional update), and each agreement's survey
 * settings say in which months its campaigns go out (JSON list of 1–12, semiannual by default).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = isPg ? sql`timestamptz` : sql`text`;

  await db.schema.alterTable('campaigns').addColumn('reminder_days_before_close', 'integer').execute();
  await db.schema.alterTable('campaigns').addColumn('reminded_at', ts).execute();
  // The job looks for scheduled campaigns by their opening.
  await db.schema.createIndex('campaigns_state_opens_idx').on('campaigns').columns(['state', 'opens_at']).execute();
  await db.schema
    .alterTable('ticket_survey_settings')
    .addColumn('campaign_months', 'text', (c) => c.notNull().defaultTo('[5,11]'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket_survey_settings').dropColumn('campaign_months').execute();
  await db.schema.dropIndex('campaigns_state_opens_idx').execute();
  await db.schema.alterTable('campaigns').dropColumn('reminded_at').execute();
  await db.schema.alterTable('campaigns').dropColumn('reminder_days_before_close').execute();
}
