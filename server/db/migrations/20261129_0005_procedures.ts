import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = isPg ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('procedures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('search_key', 'integer', (c) => c.notNull().unique())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('specialty', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    .addColumn('published_version', 'integer')
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reviewer_id', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  // Procedures number their search keys from the same counters table tickets use.
  await db.insertInto('ticket_counters').values({ type: 'procedure', last_value: 0 }).execute();

  await db.schema
    .createTable('procedure_versions')
    .addColumn('procedure_id', 'text', (c) => c.notNull().references('procedures.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('procedure_versions_pk', ['procedure_id', 'number'])
    .execute();

  await db.schema
    .createTable('procedure_scopes')
    .addColumn('procedure_id', 'text', (c) => c.notNull().references('procedures.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.references('services.id'))
    .addColumn('category_id', 'text', (c) => c.references('categories.id'))
    .execute();
  await db.schema.createIndex('procedure_scopes_procedure_idx').on('procedure_scopes').column('procedure_id').execute();

  await db.schema
    .createTable('procedure_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('procedure_id', 'text', (c) => c.notNull().references('procedures.id'))
    .addColumn('procedure_version', 'integer', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('applied_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('procedure_applications_procedure_idx')
    .on('procedure_applications')
    .columns(['procedure_id', 'at'])
    .execute();
  await db.schema
    .createIndex('procedure_applications_ticket_idx')
    .on('procedure_applications')
    .column('ticket_id')
    .execute();

  await db.schema
    .createTable('canned_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  if (isPg) {
    await db.schema
      .createTable('procedure_search')
      .addColumn('procedure_id', 'text', (c) => c.primaryKey().references('procedures.id'))
      .addColumn('vector', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index procedure_search_idx on procedure_search using gin (vector)`.execute(db);
  } else {
    // rowid is procedures.search_key; the title weighs more than the steps in bm25.
    await sql`create virtual table procedure_search using fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('ticket_counters').where('type', '=', 'procedure').execute();
  for (const table of [
    'procedure_search',
    'canned_responses',
    'procedure_applications',
    'procedure_scopes',
    'procedure_versions',
    'procedures',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
