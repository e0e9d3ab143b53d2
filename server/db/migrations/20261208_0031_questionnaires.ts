import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

/**
 * Questionnaires designed with the client: one organization's questionnaire, its numbered versions
 * (each a questionnaire document, draft → shared → approved, superseded when a later one is
 * approved; a version's id never changes, so a campaign can freeze it), and the comments the
 * organization's client managers and the desk write on a version.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = isPg ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('questionnaires')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('questionnaires_organization_idx')
    .on('questionnaires')
    .columns(['organization_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('questionnaire_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('questionnaire_id', 'text', (c) => c.notNull().references('questionnaires.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    // The version it was made from (null for the first); edits of a draft bump `revision`.
    .addColumn('based_on_number', 'integer')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('shared_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('shared_at', ts)
    .addColumn('approved_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('approved_at', ts)
    .addColumn('superseded_at', ts)
    .addUniqueConstraint('questionnaire_versions_number_unique', ['questionnaire_id', 'number'])
    .execute();

  await db.schema
    .createTable('questionnaire_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('questionnaire_versions.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('questionnaire_comments_version_idx')
    .on('questionnaire_comments')
    .columns(['version_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('questionnaire_comments').execute();
  await db.schema.dropTable('questionnaire_versions').execute();
  await db.schema.dropTable('questionnaires').execute();
}
