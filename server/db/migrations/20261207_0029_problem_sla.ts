import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

/**
 * Problem service levels: resolution-time standards per priority on each agreement, a problem's
 * stored deadline and the schedule of its warnings, breach and escalation levels (fired once per
 * point, like tickets'), and commitments and notifications that speak of a problem instead of a
 * ticket (so their `ticket_id` becomes optional).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = isPg ? sql`timestamptz` : sql`text`;

  // JSON: [{ priority: 1..4, resolutionMinutes }], business minutes on the agreement's calendar.
  await db.schema
    .alterTable('agreements')
    .addColumn('problem_targets', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  for (const [name, type] of [
    ['agreement_id', sql`text`],
    ['resolution_due_at', ts],
    ['resolution_met', sql`integer`],
    ['resolution_minutes', sql`integer`],
    ['sla_state', sql`text`],
    ['sla_check_at', ts],
    ['sla_escalated_at', ts],
  ] as const) {
    await db.schema.alterTable('problems').addColumn(name, type).execute();
  }
  await db.schema.createIndex('problems_sla_check_idx').on('problems').columns(['sla_check_at']).execute();
  await db.schema
    .createIndex('problems_sla_state_idx')
    .on('problems')
    .columns(['sla_state', 'resolution_due_at'])
    .execute();

  await db.schema
    .createTable('problem_sla_firings')
    .addColumn('problem_id', 'text', (c) => c.notNull().references('problems.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fired_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('problem_sla_firings_pk', ['problem_id', 'key'])
    .execute();

  if (isPg) {
    for (const table of ['commitments', 'notifications']) {
      await db.schema
        .alterTable(table)
        .alterColumn('ticket_id', (c) => c.dropNotNull())
        .execute();
      await db.schema
        .alterTable(table)
        .addColumn('problem_id', 'text', (c) => c.references('problems.id'))
        .execute();
    }
  } else {
    await rebuildSqlite(db, ts);
  }
  await db.schema.createIndex('commitments_problem_idx').on('commitments').columns(['problem_id']).execute();
}

/** SQLite cannot drop a NOT NULL: the two tables are rebuilt with the same rows and indexes. */
async function rebuildSqlite(db: Kysely<any>, ts: ReturnType<typeof sql>) {
  await db.schema
    .createTable('commitments_new')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('problem_id', 'text', (c) => c.references('problems.id'))
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
  await sql`insert into commitments_new (id, ticket_id, promised_at, warn_at, note, told_requester, state, warned_at, broken_at, settled_at, created_by_id, created_at)
    select id, ticket_id, promised_at, warn_at, note, told_requester, state, warned_at, broken_at, settled_at, created_by_id, created_at from commitments`.execute(
    db,
  );
  await db.schema.dropTable('commitments').execute();
  await sql`alter table commitments_new rename to commitments`.execute(db);
  await db.schema.createIndex('commitments_ticket_idx').on('commitments').columns(['ticket_id']).execute();
  await db.schema.createIndex('commitments_state_idx').on('commitments').columns(['state', 'warn_at']).execute();

  await db.schema
    .createTable('notifications_new')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('problem_id', 'text', (c) => c.references('problems.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('percent', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('read_at', ts)
    .execute();
  await sql`insert into notifications_new (id, user_id, ticket_id, kind, target, percent, created_at, read_at)
    select id, user_id, ticket_id, kind, target, percent, created_at, read_at from notifications`.execute(db);
  await db.schema.dropTable('notifications').execute();
  await sql`alter table notifications_new rename to notifications`.execute(db);
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('commitments_problem_idx').ifExists().execute();
  // Problem commitments and notifications have no ticket and cannot outlive the column.
  await db.deleteFrom('commitments').where('problem_id', 'is not', null).execute();
  await db.deleteFrom('notifications').where('problem_id', 'is not', null).execute();
  await db.schema.alterTable('commitments').dropColumn('problem_id').execute();
  await db.schema.alterTable('notifications').dropColumn('problem_id').execute();
  await db.schema.dropTable('problem_sla_firings').execute();
  await db.schema.dropIndex('problems_sla_state_idx').execute();
  await db.schema.dropIndex('problems_sla_check_idx').execute();
  for (const column of [
    'agreement_id',
    'resolution_due_at',
    'resolution_met',
    'resolution_minutes',
    'sla_state',
    'sla_check_at',
    'sla_escalated_at',
  ]) {
    await db.schema.alterTable('problems').dropColumn(column).execute();
  }
  await db.schema.alterTable('agreements').dropColumn('problem_targets').execute();
}
