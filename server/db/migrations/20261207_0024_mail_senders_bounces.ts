import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

export async function up(db: Kysely<any>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
  // A mailbox's organization did two things: its service's organization, and the one unknown
  // senders joined. The second is now its own choice (null: they wait, kept 'failed'); a mailbox
  // that had an organization keeps taking unknown senders into it, as it did.
  await db.schema
    .alterTable('mailboxes')
    .addColumn('unknown_sender_organization_id', 'text', (c) => c.references('organizations.id'))
    .execute();
  await db
    .updateTable('mailboxes')
    .set({ unknown_sender_organization_id: sql.ref('organization_id') })
    .execute();

  // A person whose address a delivery report said fails: since when, and the report's reason.
  await db.schema.alterTable('users').addColumn('mail_bounced_at', ts).execute();
  await db.schema.alterTable('users').addColumn('mail_bounce_reason', 'text').execute();
  // A bounce finds its outbound row by Message-ID: that column is unique (0010), so already indexed.
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('mail_bounce_reason').execute();
  await db.schema.alterTable('users').dropColumn('mail_bounced_at').execute();
  await db.schema.alterTable('mailboxes').dropColumn('unknown_sender_organization_id').execute();
}
