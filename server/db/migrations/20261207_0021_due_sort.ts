import { type Kysely, PostgresAdapter, type SqlBool, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

// The open statuses, as the lists name them in the condition that lets them use the partial index.
const OPEN = sql<SqlBool>`status in ('new', 'assigned', 'in_progress', 'pending')`;

export async function up(db: Kysely<any>): Promise<void> {
  // The queues sorted by due: the nearest deadline first, tickets with no clock running (null)
  // last, each run of equal deadlines — and the nulls — by id. With the id in the index a page is
  // the first entries of one index, nulls included (PostgreSQL keeps nulls last in an ascending
  // index; SQLite, which keeps them first, reads the index twice for `nulls last`).
  //
  // Over all tickets: the earlier index on next_due_at alone (which nothing else reads since the
  // detection job reads sla_check_at) gains the id, so the pages among the nulls — nearly every
  // ticket, the closed ones — need no sort.
  await db.schema.dropIndex('tickets_next_due_idx').execute();
  await db.schema.createIndex('tickets_next_due_idx').on('tickets').columns(['next_due_at', 'id']).execute();
  // Over the open tickets (about 1 % of them at a million), so the open queue's pages past the
  // running clocks — its paused tickets — do not walk the closed tickets' nulls.
  await db.schema
    .createIndex('tickets_open_due_idx')
    .on('tickets')
    .columns(['next_due_at', 'id', 'status'])
    .where(OPEN)
    .execute();

  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    // As in migration 0012: a database that has statistics needs them for the new indexes too.
    const { rows } = await sql`select 1 from sqlite_master where name = 'sqlite_stat1'`.execute(db);
    if (rows.length > 0) {
      await sql`analyze tickets_next_due_idx`.execute(db);
      await sql`analyze tickets_open_due_idx`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tickets_open_due_idx').execute();
  await db.schema.dropIndex('tickets_next_due_idx').execute();
  await db.schema.createIndex('tickets_next_due_idx').on('tickets').columns(['next_due_at']).execute();
}
