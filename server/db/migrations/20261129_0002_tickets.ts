import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = isPg ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('categories.id'))
    .addColumn('service_id', 'text', (c) => c.references('services.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('categories_service_idx').on('categories').columns(['service_id', 'name']).execute();

  await db.schema
    .createTable('ticket_counters')
    .addColumn('type', 'text', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('ticket_counters')
    .values(['incident', 'request', 'query'].map((type) => ({ type, last_value: 0 })))
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('search_key', 'integer', (c) => c.notNull().unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('description_html', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('service_id', 'text', (c) => c.references('services.id'))
    .addColumn('category_id', 'text', (c) => c.references('categories.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('impact', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('priority_overridden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('priority_reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pending_reason', 'text')
    .addColumn('resolution_code', 'text')
    .addColumn('resolution_notes', 'text')
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('first_response_at', ts)
    .addColumn('resolved_at', ts)
    .addColumn('closed_at', ts)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The queues: every list sorts by (updated_at, id) or (created_at, id) within a filter.
  for (const [name, columns] of [
    ['tickets_updated_idx', ['updated_at', 'id']],
    ['tickets_created_idx', ['created_at', 'id']],
    ['tickets_status_idx', ['status', 'updated_at', 'id']],
    ['tickets_assignee_idx', ['assignee_id', 'status', 'updated_at']],
    ['tickets_requester_idx', ['requester_id', 'updated_at']],
    ['tickets_org_idx', ['organization_id', 'updated_at', 'id']],
    ['tickets_service_idx', ['service_id', 'updated_at']],
    ['tickets_resolved_idx', ['status', 'resolved_at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('tickets')
      .columns([...columns])
      .execute();
  }

  await db.schema
    .createTable('ticket_tags')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_tags_pk', ['ticket_id', 'tag'])
    .execute();
  await db.schema.createIndex('ticket_tags_tag_idx').on('ticket_tags').columns(['tag', 'ticket_id']).execute();

  await db.schema
    .createTable('ticket_watchers')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('ticket_watchers_pk', ['ticket_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('ticket_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ticket_messages_ticket_idx')
    .on('ticket_messages')
    .columns(['ticket_id', 'id'])
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('message_id', 'text', (c) => c.references('ticket_messages.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uploaded_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_ticket_idx').on('attachments').columns(['ticket_id', 'id']).execute();
  await db.schema.createIndex('attachments_message_idx').on('attachments').column('message_id').execute();

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message_id', 'text', (c) => c.references('ticket_messages.id'))
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('ticket_events_ticket_idx').on('ticket_events').columns(['ticket_id', 'id']).execute();

  if (isPg) {
    await db.schema
      .createTable('ticket_search')
      .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id'))
      .addColumn('public_vector', sql`tsvector`, (c) => c.notNull())
      .addColumn('internal_vector', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index ticket_search_public_idx on ticket_search using gin (public_vector)`.execute(db);
    await sql`create index ticket_search_internal_idx on ticket_search using gin (internal_vector)`.execute(db);
  } else {
    // rowid is tickets.search_key; diacritics are folded so "configuracion" finds "configuración".
    await sql`create virtual table ticket_search using fts5(public_text, internal_text, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'ticket_search',
    'ticket_events',
    'attachments',
    'ticket_messages',
    'ticket_watchers',
    'ticket_tags',
    'tickets',
    'ticket_counters',
    'categories',
    'settings',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
