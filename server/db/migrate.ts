import { type MigrationResultSet, Migrator } from 'kysely';
import type { Database } from './connect.js';
import { migrations } from './migrations/index.js';

export async function migrateToLatest({ db, schema }: Pick<Database, 'db' | 'schema'>): Promise<string[]> {
  // With a schema, Kysely looks for its bookkeeping tables there and not in any schema of the database.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
