import { type Kysely, PostgresAdapter, type SqlBool, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

// The open statuses, as the lists name them in the condition that lets them use these indexes.
const OPEN = sql<SqlBool>`status in ('new', 'assigned', 'in_progress', 'pending')`;

export async function up(db: Kysely<any>): Promise<void> {
  // The open queue by priority, over every organization and within one: partial indexes on the
  // open tickets only (about 1 % of them at a million), in the list's own order, so a page is the
  // first entries of one index. Status is the last column so narrowing to some open statuses
  // needs no row.
  await db.schema
    .createIndex('tickets_open_priority_idx')
    .on('tickets')
    .columns(['priority', 'updated_at desc', 'id desc', 'status'])
    .where(OPEN)
    .execute();
  await db.schema
    .createIndex('tickets_open_org_idx')
    .on('tickets')
    .columns(['organization_id', 'priority', 'updated_at desc', 'id desc', 'status'])
    .where(OPEN)
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // Staff search the public and internal vectors together; an index on that very expression is
    // the one a staff search can use. Nothing searches the internal vector alone.
    await sql`set local maintenance_work_mem = '256MB'`.execute(db);
    await sql`create index ticket_search_all_idx on ticket_search using gin ((public_vector || internal_vector))`.execute(
      db,
    );
    await sql`drop index ticket_search_internal_idx`.execute(db);
    // Statistics for the new expression, so the planner knows how many tickets a word matches.
    await sql`analyze ticket_search`.execute(db);
  } else {
    // A database that has statistics (any of some size: `mesa generate` and the server analyze)
    // needs them for these two as well, or SQLite thinks them as costly as the whole table. Each
    // holds only the open tickets, so this reads a few thousand entries.
    const { rows } = await sql`select 1 from sqlite_master where name = 'sqlite_stat1'`.execute(db);
    if (rows.length > 0) {
      await sql`analyze tickets_open_priority_idx`.execute(db);
      await sql`analyze tickets_open_org_idx`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create index ticket_search_internal_idx on ticket_search using gin (internal_vector)`.execute(db);
    await sql`drop index ticket_search_all_idx`.execute(db);
  }
  await db.schema.dropIndex('tickets_open_org_idx').execute();
  await db.schema.dropIndex('tickets_open_priority_idx').execute();
}
