import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

/**
 * Survey campaigns: a campaign of one organization freezes an approved questionnaire version,
 * invites the organization's active users (one single-use token each, stored only hashed) and
 * keeps their responses. In anonymous mode a response row carries neither the user nor the
 * invitation, only grouped profile fields.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = isPg ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('questionnaire_version_id', 'text', (c) => c.notNull().references('questionnaire_versions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('opens_at', ts, (c) => c.notNull())
    .addColumn('closes_at', ts, (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    // JSON: { onlyUserIds?: string[], excludeUserIds?: string[] }, applied when the campaign opens.
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('opened_at', ts)
    .addColumn('closed_at', ts)
    .execute();
  await db.schema
    .createIndex('campaigns_organization_idx')
    .on('campaigns')
    .columns(['organization_id', 'created_at'])
    .execute();
  await db.schema.createIndex('campaigns_state_closes_idx').on('campaigns').columns(['state', 'closes_at']).execute();

  await db.schema
    .createTable('campaign_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('invited_at', ts, (c) => c.notNull())
    .addColumn('reminded_at', ts)
    .addColumn('answered_at', ts)
    .addUniqueConstraint('campaign_invitations_person_unique', ['campaign_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('campaign_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    // Both null in anonymous mode: nothing ties the answers to a person.
    .addColumn('invitation_id', 'text', (c) => c.references('campaign_invitations.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    // JSON: grouped profile fields only ({ organizationId, role }).
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    // Anonymous responses keep only the day, so the time does not match an invitation's answered_at.
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaign_responses_campaign_idx')
    .on('campaign_responses')
    .column('campaign_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign_responses').execute();
  await db.schema.dropTable('campaign_invitations').execute();
  await db.schema.dropTable('campaigns').execute();
}
