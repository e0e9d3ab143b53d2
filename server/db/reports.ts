import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** Runs the reads of a report, on the database reports read from. */
export type ReportReader = <T>(reads: (db: Kysely<DB>) => Promise<T>) => Promise<T>;

/** Reports read from the database itself: SQLite, or PostgreSQL without a standby named. */
export function readOn(db: Kysely<DB>): ReportReader {
  return (reads) => reads(db);
}

/**
 * Reports read from a PostgreSQL standby (DATABASE_REPLICA_URL), so their scans over months of
 * tickets stay off the primary that serves the desk. What they show may be as old as the standby's
 * lag behind the primary, usually under a second.
 *
 * A standby that cannot be reached, is starting or stopping, or cancels a report to apply the
 * primary's changes (a recovery conflict) does not take reports away: they are read from the
 * primary instead, with a warning when the standby starts failing. Any other error (the report's
 * own, or a write refused by a read-only standby) is the report's, and no second attempt is made.
 */
export function readOnReplica(replica: Kysely<DB>, primary: Kysely<DB>, location: string): ReportReader {
  let failing = false;
  return async (reads) => {
    try {
      const result = await reads(replica);
      failing = false;
      return result;
    } catch (error) {
      if (!standbyUnavailable(error)) throw error;
      if (!failing) {
        failing = true;
        process.emitWarning(
          `Reports read from the primary: the standby ${location} failed (${(error as Error).message})`,
        );
      }
      return reads(primary);
    }
  };
}

// SQLSTATEs of a standby that cannot answer now: connection exceptions (class 08), shutting down
// or starting (57P01–57P03), too many connections, a query cancelled by a recovery conflict.
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '40001']);

function standbyUnavailable(error: unknown): boolean {
  // A mistake in the report's own code is not the standby's.
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) return false;
  const code = (error as { code?: unknown } | null)?.code;
  // PostgreSQL's own errors carry a five-character SQLSTATE; a failed connection carries Node's
  // errno code (ECONNREFUSED, EPIPE…) or, from the driver ("Connection terminated"), none.
  if (typeof code !== 'string' || code.length !== 5 || code.startsWith('E')) return true;
  return code.startsWith('08') || UNAVAILABLE_STATES.has(code);
}
