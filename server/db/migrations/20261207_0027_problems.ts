import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

/** Problem records, the incidents behind them, their timeline and the known-error search. */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = isPg ? sql`timestamptz` : sql`text`;

  // PRB-000123 numbers come from the counters tickets use.
  await db.insertInto('ticket_counters').values({ type: 'problem', last_value: 0 }).execute();

  await db.schema
    .createTable('problems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    // Also the problem's key in the full-text index (an integer on SQLite's FTS5).
    .addColumn('sequence', 'integer', (c) => c.notNull().unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('description_html', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('impact', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.references('support_groups.id'))
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('symptom_html', 'text')
    .addColumn('cause_html', 'text')
    .addColumn('business_impact_html', 'text')
    .addColumn('workaround_desk_html', 'text')
    .addColumn('workaround_public_html', 'text')
    .addColumn('permanent_fix_html', 'text')
    .addColumn('fix_references', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('workaround_applications', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('known_error_at', ts)
    .addColumn('resolved_at', ts)
    .addColumn('closed_at', ts)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The list sorts by (updated_at, id), within a status, a group or an owner.
  for (const [name, columns] of [
    ['problems_updated_idx', ['updated_at', 'id']],
    ['problems_status_idx', ['status', 'updated_at', 'id']],
    ['problems_group_idx', ['group_id', 'updated_at', 'id']],
    ['problems_owner_idx', ['owner_id', 'updated_at', 'id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('problems')
      .columns([...columns])
      .execute();
  }

  await db.schema
    .createTable('problem_organizations')
    .addColumn('problem_id', 'text', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addPrimaryKeyConstraint('problem_organizations_pk', ['problem_id', 'organization_id'])
    .execute();
  await db.schema
    .createIndex('problem_organizations_org_idx')
    .on('problem_organizations')
    .columns(['organization_id', 'problem_id'])
    .execute();

  await db.schema
    .createTable('problem_services')
    .addColumn('problem_id', 'text', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addPrimaryKeyConstraint('problem_services_pk', ['problem_id', 'service_id'])
    .execute();
  await db.schema
    .createIndex('problem_services_service_idx')
    .on('problem_services')
    .columns(['service_id', 'problem_id'])
    .execute();

  // One problem per incident (as Freshservice): the ticket is the key.
  await db.schema
    .createTable('problem_incidents')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id'))
    .addColumn('problem_id', 'text', (c) => c.notNull().references('problems.id'))
    .addColumn('linked_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('linked_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('problem_incidents_problem_idx')
    .on('problem_incidents')
    .columns(['problem_id', 'linked_at'])
    .execute();

  await db.schema
    .createTable('problem_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('problem_id', 'text', (c) => c.notNull().references('problems.id'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text')
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .execute();
  await db.schema
    .createIndex('problem_events_problem_idx')
    .on('problem_events')
    .columns(['problem_id', 'id'])
    .execute();

  // A problem's files: uploads bound to the problem rather than to a ticket.
  await db.schema
    .alterTable('attachments')
    .addColumn('problem_id', 'text', (c) => c.references('problems.id'))
    .execute();
  await db.schema.createIndex('attachments_problem_idx').on('attachments').columns(['problem_id', 'id']).execute();

  if (isPg) {
    await db.schema
      .createTable('problem_search')
      .addColumn('problem_id', 'text', (c) => c.primaryKey().references('problems.id'))
      .addColumn('vector', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index problem_search_idx on problem_search using gin (vector)`.execute(db);
  } else {
    // rowid is problems.sequence; the subject weighs more than the analysis in bm25.
    await sql`create virtual table problem_search using fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('attachments_problem_idx').ifExists().execute();
  await db.schema.alterTable('attachments').dropColumn('problem_id').execute();
  for (const table of [
    'problem_search',
    'problem_events',
    'problem_incidents',
    'problem_services',
    'problem_organizations',
    'problems',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.deleteFrom('ticket_counters').where('type', '=', 'problem').execute();
}
