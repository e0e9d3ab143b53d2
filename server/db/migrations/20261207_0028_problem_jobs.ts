import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

/**
 * Problem candidates (recurring incidents the hourly job proposes) and the runs that resolve a
 * problem's incidents, with each incident's progress so a restarted run never resolves twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = isPg ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('problem_candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The cluster's key (domain/problems/incident-clusters.ts): one pending candidate per key.
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('service_id', 'text', (c) => c.references('services.id'))
    .addColumn('category_id', 'text', (c) => c.references('categories.id'))
    .addColumn('incident_ids', 'text', (c) => c.notNull())
    .addColumn('first_at', ts, (c) => c.notNull())
    .addColumn('last_at', ts, (c) => c.notNull())
    .addColumn('window_days', 'integer', (c) => c.notNull())
    .addColumn('shared_terms', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('problem_id', 'text', (c) => c.references('problems.id'))
    .addColumn('decided_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('problem_candidates_status_idx')
    .on('problem_candidates')
    .columns(['status', 'key'])
    .execute();

  await db.schema
    .createTable('problem_incident_resolutions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('problem_id', 'text', (c) => c.notNull().references('problems.id'))
    .addColumn('requested_by_id', 'text', (c) => c.notNull().references('users.id'))
    // JSON { es, en } or null for the catalog's wording.
    .addColumn('message', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('resolved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute();
  await db.schema
    .createIndex('problem_incident_resolutions_idx')
    .on('problem_incident_resolutions')
    .columns(['status', 'created_at'])
    .execute();

  // pending -> messaged (the reply and this step in one transaction) -> resolved | skipped.
  await db.schema
    .createTable('problem_incident_resolution_items')
    .addColumn('resolution_id', 'text', (c) => c.notNull().references('problem_incident_resolutions.id'))
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('problem_incident_resolution_items_pk', ['resolution_id', 'ticket_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('problem_incident_resolution_items').execute();
  await db.schema.dropTable('problem_incident_resolutions').execute();
  await db.schema.dropTable('problem_candidates').execute();
}
