import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

export async function up(db: Kysely<any>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  // A throttled (account, address) pair waits until this moment before its next attempt is heard.
  await db.schema.alterTable('login_throttle').addColumn('locked_until', ts).execute();
  // Where a token was last used from, so a new address can be noticed and shown.
  await db.schema.alterTable('api_tokens').addColumn('last_used_ip', 'text').execute();
  // The security event log: sign-ins, locks, tokens, roles and passwords. Never a secret.
  await db.schema
    .createTable('security_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('email', 'text')
    .addColumn('actor_user_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('security_events_kind_idx').on('security_events').columns(['kind', 'id']).execute();
  await db.schema.createIndex('security_events_user_idx').on('security_events').columns(['user_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('security_events').execute();
  await db.schema.alterTable('api_tokens').dropColumn('last_used_ip').execute();
  await db.schema.alterTable('login_throttle').dropColumn('locked_until').execute();
}
