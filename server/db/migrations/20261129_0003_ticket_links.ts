import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

export async function up(db: Kysely<any>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('ticket_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('other_ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    // related | duplicate_of | child_of, read from ticket_id towards other_ticket_id
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('ticket_links_unique', ['ticket_id', 'other_ticket_id', 'kind'])
    .execute();
  await db.schema.createIndex('ticket_links_other_idx').on('ticket_links').column('other_ticket_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket_links').execute();
}
