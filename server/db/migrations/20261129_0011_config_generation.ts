import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

/** The tables whose rows every new ticket reads and that change only when someone configures the desk. */
const CONFIG_TABLES = [
  'settings',
  'routing_rules',
  'group_coverage',
  'support_groups',
  'categories',
  'services',
  'agreements',
  'calendars',
];

// A group's turn moves with every ticket it takes; that is not a change of configuration. Every
// other change bumps the group's version, so a column added later is covered too.
const GROUP_COLUMNS = 'name, level, specialty, lead_id, assignment, is_default, status, version, updated_at';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // One row whose stamp every change of configuration replaces with a random one, in the changing
  // transaction (so a rolled-back change is never mistaken for a committed one). Instances keep
  // configuration in memory and compare this stamp on each read.
  await db.schema
    .createTable('config_generation')
    .addColumn('stamp', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into config_generation (stamp) values ('initial')`.execute(db);
  if (postgres) {
    await sql`
      create function mesa_config_changed() returns trigger language plpgsql as $$
      begin
        update config_generation set stamp = md5(random()::text || clock_timestamp()::text);
        return null;
      end $$`.execute(db);
  }
  for (const table of CONFIG_TABLES) {
    const events =
      table === 'support_groups' ? `insert or delete or update of ${GROUP_COLUMNS}` : 'insert or delete or update';
    const name = sql.raw(`${table}_config_changed`);
    if (postgres) {
      await sql`create trigger ${name} after ${sql.raw(events)} on ${sql.table(table)}
        for each statement execute function mesa_config_changed()`.execute(db);
    } else {
      // SQLite names one event per trigger.
      for (const event of events.split(' or ')) {
        const each = sql.raw(`${table}_config_${event.split(' ')[0]}`);
        await sql`create trigger ${each} after ${sql.raw(event)} on ${sql.table(table)}
          begin update config_generation set stamp = hex(randomblob(8)); end`.execute(db);
      }
    }
  }

  // Assignment by load sums (5 - priority) over each member's open tickets: with the priority in
  // the index the sum never reads the table.
  await db.schema.dropIndex('tickets_assignee_idx').execute();
  await db.schema
    .createIndex('tickets_assignee_idx')
    .on('tickets')
    .columns(['assignee_id', 'status', 'priority', 'updated_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropIndex('tickets_assignee_idx').execute();
  await db.schema
    .createIndex('tickets_assignee_idx')
    .on('tickets')
    .columns(['assignee_id', 'status', 'updated_at'])
    .execute();
  for (const table of CONFIG_TABLES) {
    if (postgres) await sql`drop trigger ${sql.raw(`${table}_config_changed`)} on ${sql.table(table)}`.execute(db);
    else
      for (const event of ['insert', 'delete', 'update'])
        await sql`drop trigger ${sql.raw(`${table}_config_${event}`)}`.execute(db);
  }
  if (postgres) await sql`drop function mesa_config_changed()`.execute(db);
  await db.schema.dropTable('config_generation').execute();
}
