import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

export async function up(db: Kysely<any>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  // The escalation matrix, a JSON list read and written with the agreement.
  await db.schema
    .alterTable('agreements')
    .addColumn('escalations', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  // sla_check_at: the next moment a warning, breach or escalation level is due (what the detection
  // job reads); sla_state: the clock's state as of the last change or detection run.
  await db.schema.alterTable('tickets').addColumn('sla_state', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('sla_check_at', ts).execute();
  await db.schema.alterTable('tickets').addColumn('sla_escalated_at', ts).execute();
  await db.schema.createIndex('tickets_sla_check_idx').on('tickets').columns(['sla_check_at']).execute();
  await db.schema.createIndex('tickets_sla_state_idx').on('tickets').columns(['sla_state', 'next_due_at']).execute();

  // One row per warning, breach or escalation level that fired on a ticket: the primary key is what
  // makes each fire once, whichever instance's job gets there first.
  await db.schema
    .createTable('sla_firings')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fired_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('sla_firings_pk', ['ticket_id', 'key'])
    .execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('promised_at', ts, (c) => c.notNull())
    .addColumn('warn_at', ts, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('told_requester', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('warned_at', ts)
    .addColumn('broken_at', ts)
    .addColumn('settled_at', ts)
    .addColumn('created_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commitments_ticket_idx').on('commitments').columns(['ticket_id']).execute();
  await db.schema.createIndex('commitments_state_idx').on('commitments').columns(['state', 'warn_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('percent', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'id']).execute();

  // Open tickets to recompute after an agreement or calendar changed, walked in batches by id.
  await db.schema
    .createTable('sla_recalculations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('after_id', 'text')
    .addColumn('tickets_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requested_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute();
  await db.schema
    .createIndex('sla_recalculations_open_idx')
    .on('sla_recalculations')
    .columns(['finished_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sla_recalculations').execute();
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropTable('commitments').execute();
  await db.schema.dropTable('sla_firings').execute();
  await db.schema.dropIndex('tickets_sla_state_idx').execute();
  await db.schema.dropIndex('tickets_sla_check_idx').execute();
  for (const column of ['sla_state', 'sla_check_at', 'sla_escalated_at']) {
    await db.schema.alterTable('tickets').dropColumn(column).execute();
  }
  await db.schema.alterTable('agreements').dropColumn('escalations').execute();
}
