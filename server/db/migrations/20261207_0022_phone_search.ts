import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

/** The digits of a phone number, last first (domain/users/phone-numbers.ts as it was written). */
function phoneKey(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits ? [...digits].reverse().join('') : null;
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // People found by phone number however it was written: the number's digits reversed, so "the
  // number ends with what was typed" is a range on an index. Keys compare byte by byte (PostgreSQL's
  // "C" collation; SQLite's default), so the range's upper end (the prefix followed by ':') holds.
  await db.schema
    .alterTable('users')
    .addColumn('phone_key', 'text', (c) => (postgres ? c.modifyEnd(sql`collate "C"`) : c))
    .execute();
  const rows = await db.selectFrom('users').select(['id', 'phone']).where('phone', 'is not', null).execute();
  for (const row of rows as { id: string; phone: string }[]) {
    await db
      .updateTable('users')
      .set({ phone_key: phoneKey(row.phone) })
      .where('id', '=', row.id)
      .execute();
  }
  await db.schema.createIndex('users_phone_key').on('users').column('phone_key').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_phone_key').execute();
  await db.schema.alterTable('users').dropColumn('phone_key').execute();
}
