import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

export async function up(db: Kysely<any>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('support_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('specialty', 'text')
    .addColumn('lead_id', 'text', (c) => c.references('users.id'))
    .addColumn('assignment', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    // Round-robin turn, incremented atomically by each assignment.
    .addColumn('turn', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('support_groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_members_user_idx').on('group_members').columns(['user_id', 'group_id']).execute();

  await db.schema
    .createTable('group_coverage')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('support_groups.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('service_id', 'text', (c) => c.references('services.id'))
    .addColumn('category_id', 'text', (c) => c.references('categories.id'))
    .execute();

  await db.schema
    .createTable('routing_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('service_id', 'text', (c) => c.references('services.id'))
    .addColumn('category_id', 'text', (c) => c.references('categories.id'))
    .addColumn('type', 'text')
    .addColumn('channel', 'text')
    .addColumn('group_id', 'text', (c) => c.notNull().references('support_groups.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_group_id', 'text', (c) => c.references('support_groups.id'))
    .addColumn('to_group_id', 'text', (c) => c.notNull().references('support_groups.id'))
    .addColumn('from_level', 'text')
    .addColumn('to_level', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('escalations_ticket_idx').on('escalations').columns(['ticket_id', 'id']).execute();

  await db.schema
    .alterTable('users')
    .addColumn('presence', 'text', (c) => c.notNull().defaultTo('available'))
    .execute();

  for (const [name, type] of [
    ['group_id', 'text'],
    ['level', 'text'],
    ['resolved_level', 'text'],
  ] as const) {
    await db.schema.alterTable('tickets').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('tickets')
    .addColumn('escalated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('tickets')
    .addColumn('first_contact', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('tickets_group_idx')
    .on('tickets')
    .columns(['group_id', 'status', 'updated_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tickets_group_idx').execute();
  for (const column of ['group_id', 'level', 'resolved_level', 'escalated', 'first_contact']) {
    await db.schema.alterTable('tickets').dropColumn(column).execute();
  }
  await db.schema.alterTable('users').dropColumn('presence').execute();
  for (const table of ['escalations', 'routing_rules', 'group_coverage', 'group_members', 'support_groups']) {
    await db.schema.dropTable(table).execute();
  }
}
