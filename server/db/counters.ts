import type { Kysely } from 'kysely';
import type { NumberedKind } from '../../domain/tickets/ticket-types.js';
import { takenApart } from './dialect.js';
import type { DB } from './schema.js';

/**
 * The counters behind every human number (ticket types, problems) and the procedures' search
 * keys: one row per counter in `ticket_counters`, shared by the modules that number things.
 */
export type Counter = NumberedKind | 'procedure';

/** Takes the next value of a counter; inside the creating transaction, a failed creation leaves at most a gap. */
export async function nextCounterValue(db: Kysely<DB>, counter: Counter): Promise<number> {
  const row = await db
    .updateTable('ticket_counters')
    .set((eb) => ({ last_value: eb('last_value', '+', 1) }))
    .where('type', '=', counter)
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

/** The next value taken before the creating transaction, where the engine takes counters apart (`takenApart`). */
export function nextCounterValueApart(db: Kysely<DB>, counter: Counter): Promise<number | undefined> {
  return takenApart(db, (apart) => nextCounterValue(apart, counter));
}
