import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * Configuration that every new ticket reads and that changes only when someone configures the
 * desk — settings, routing rules, coverage, groups, categories, services, agreements, calendars —
 * kept in memory. Triggers on those tables (migration 0011) give `config_generation` a fresh random
 * stamp in every transaction that changes them, so one small read tells whether anything changed,
 * on this instance or another, and a change rolled back is never taken for a committed one.
 *
 * Read through the transaction at hand: inside a transaction that changed configuration, the
 * stamp differs and the values are read again, uncommitted changes included.
 */
export class ConfigCache {
  private stamp: string | null = null;
  private readonly values = new Map<string, unknown>();

  async read<T>(db: Kysely<DB>, key: string, load: () => Promise<T>): Promise<T> {
    const { stamp } = await db.selectFrom('config_generation').select('stamp').executeTakeFirstOrThrow();
    if (stamp !== this.stamp) {
      this.values.clear();
      this.stamp = stamp;
    }
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = await load();
    // Another read may have seen a newer stamp while this one loaded: keep only what matches.
    if (this.stamp === stamp) this.values.set(key, value);
    return value;
  }
}
