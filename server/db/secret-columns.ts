import { type Kysely, sql } from 'kysely';
import { type SecretBox, SecretBoxError } from '../platform/secret-box.js';
import type { DB } from './schema.js';

/**
 * The columns holding secrets Mesa reads back, sealed by `SecretBox` (platform/secret-box.ts).
 * Each value is sealed for its row (`secretContext`), so one copied to another row does not open.
 */
export const SECRET_COLUMNS = {
  totp: { table: 'mfa_totp', key: 'user_id', column: 'secret', what: 'TOTP secrets' },
  identityProvider: {
    table: 'identity_providers',
    key: 'id',
    column: 'client_secret',
    what: "identity providers' client secrets",
  },
  webhook: { table: 'webhooks', key: 'id', column: 'secret', what: 'webhook signing secrets' },
} as const;

export type SecretColumn = (typeof SECRET_COLUMNS)[keyof typeof SECRET_COLUMNS];

/** What a value is sealed for: its column and its row, e.g. `webhooks.secret:<id>`. */
export function secretContext(column: SecretColumn, key: string): string {
  return `${column.table}.${column.column}:${key}`;
}

export interface SealedReport {
  /** Values sealed now: plain text written before secrets were encrypted, or sealed by an earlier key. */
  sealed: number;
  /** Secrets stored in all. */
  stored: number;
}

/**
 * Run at every start, before the app serves anything. Seals what an earlier version stored as
 * plain text and re-seals what an earlier key sealed (after MESA_SECRET_KEY changed, with the old
 * key in MESA_SECRET_KEY_PREVIOUS). Refuses to start when a stored secret needs a key the box does
 * not hold — a forgotten or wrong MESA_SECRET_KEY is said now, not at someone's next sign-in — and,
 * without any key (PostgreSQL without MESA_SECRET_KEY), when any secret is stored at all.
 * Each row is updated only if it still holds what was read, so instances starting together agree.
 */
export async function sealStoredSecrets(db: Kysely<DB>, box: SecretBox): Promise<SealedReport> {
  const report: SealedReport = { sealed: 0, stored: 0 };
  for (const column of Object.values(SECRET_COLUMNS)) {
    const rows = await db
      .selectFrom(column.table as 'webhooks')
      .select([sql.ref<string>(column.key).as('key'), sql.ref<string>(column.column).as('value')])
      .execute();
    report.stored += rows.length;
    if (rows.length === 0) continue;
    if (!box.configured)
      throw new SecretBoxError(
        'missing_key',
        `MESA_SECRET_KEY is required: the database holds ${column.what}, and with PostgreSQL every instance ` +
          'must encrypt them with one shared key (make one with: openssl rand -base64 32)',
      );
    for (const row of rows) {
      const context = secretContext(column, row.key);
      if (!box.canOpen(row.value)) box.open(row.value, context); // throws, naming the key that is missing
      if (!box.needsSealing(row.value)) continue;
      const sealed = box.seal(box.open(row.value, context), context);
      await db
        .updateTable(column.table as 'webhooks')
        .set({ [column.column]: sealed } as never)
        .where(sql.ref(column.key), '=', row.key)
        .where(sql.ref(column.column), '=', row.value)
        .execute();
      report.sealed++;
    }
  }
  return report;
}
