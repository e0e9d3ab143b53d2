import type { Kysely, SelectQueryBuilder } from 'kysely';
import { lockedOrSkipped } from './dialect.js';
import type { DB } from './schema.js';

/** Queues whose rows a worker takes for a while: each has `status` and `next_attempt_at`. */
type LeasedTable = 'outbound_mail' | 'webhook_deliveries';

/**
 * Takes the rows `due` finds for one worker until `leaseUntil`, in the caller's transaction: they
 * are locked (skipped by other instances on PostgreSQL, `lockedOrSkipped`), marked `sending`, and
 * their next attempt moved to the lease's end, so a worker that dies lets them go when it passes.
 */
export async function claimWithLease<Row extends { id: string }>(
  trx: Kysely<DB>,
  table: LeasedTable,
  due: SelectQueryBuilder<DB, LeasedTable, Row>,
  leaseUntil: string,
): Promise<Row[]> {
  const rows = await lockedOrSkipped(trx, due).execute();
  if (rows.length === 0) return rows;
  await trx
    .updateTable(table as 'outbound_mail')
    .set({ status: 'sending', next_attempt_at: leaseUntil })
    .where(
      'id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  return rows;
}
