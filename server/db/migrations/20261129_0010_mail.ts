import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

export async function up(db: Kysely<any>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  // The addresses the desk receives mail at, and where what arrives there goes.
  await db.schema
    .createTable('mailboxes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('address', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('service_id', 'text', (c) => c.references('services.id'))
    .addColumn('group_id', 'text', (c) => c.references('support_groups.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // Senders at these domains belong to the organization: unknown ones become its requesters.
  await db.schema
    .createTable('mail_domains')
    .addColumn('domain', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  // Every message handed to Mesa, stored (raw bytes in files/) before it is acknowledged.
  await db.schema
    .createTable('inbound_mail')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('received_at', ts, (c) => c.notNull())
    .addColumn('envelope_from', 'text')
    .addColumn('envelope_to', 'text', (c) => c.notNull())
    // The Message-ID, or a hash of the bytes when there is none: one message, one row.
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
    .addColumn('message_id', 'text')
    .addColumn('from_address', 'text')
    .addColumn('subject', 'text')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('raw_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('outcome', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_at', ts)
    .execute();
  await db.schema.createIndex('inbound_mail_status_idx').on('inbound_mail').columns(['status', 'id']).execute();
  await db.schema.createIndex('inbound_mail_message_idx').on('inbound_mail').columns(['message_id']).execute();
  await db.schema
    .createIndex('inbound_mail_sender_idx')
    .on('inbound_mail')
    .columns(['from_address', 'received_at'])
    .execute();

  // The outbox: written in the transaction of the change that causes it, sent by a worker.
  await db.schema
    .createTable('outbound_mail')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('references', 'text')
    .addColumn('auto_submitted', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', ts, (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .execute();
  await db.schema
    .createIndex('outbound_mail_due_idx')
    .on('outbound_mail')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('outbound_mail_ticket_idx').on('outbound_mail').columns(['ticket_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbound_mail').execute();
  await db.schema.dropTable('inbound_mail').execute();
  await db.schema.dropTable('mail_domains').execute();
  await db.schema.dropTable('mailboxes').execute();
}
