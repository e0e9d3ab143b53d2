import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

/**
 * Satisfaction after each ticket: each agreement's settings (on or off, which ticket types, the
 * questions, whether to ask again after a reopen, what counts as a low rating), and one survey per
 * resolution of a ticket, holding the questions as they were asked and, once answered, the answers.
 * The link's token is kept only as its SHA-256.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = isPg ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('ticket_survey_settings')
    .addColumn('agreement_id', 'text', (c) => c.primaryKey().references('agreements.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('ticket_types', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('ask_again_after_reopen', 'integer', (c) => c.notNull())
    .addColumn('low_rating', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ticket_surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    // The resolution it asks about: a reopened and resolved-again ticket has a later one.
    .addColumn('resolved_at', ts, (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('answered_at', ts)
    .addColumn('answered_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('answers', 'text')
    // The first 1–5 rating and the first free text, apart, so figures and alerts need no JSON.
    .addColumn('rating', 'integer')
    .addColumn('comment', 'text')
    .addUniqueConstraint('ticket_surveys_resolution_unique', ['ticket_id', 'resolved_at'])
    .execute();
  await db.schema
    .createIndex('ticket_surveys_token_idx')
    .on('ticket_surveys')
    .columns(['token_hash'])
    .unique()
    .execute();
  await db.schema.createIndex('ticket_surveys_answered_idx').on('ticket_surveys').columns(['answered_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket_surveys').execute();
  await db.schema.dropTable('ticket_survey_settings').execute();
}
