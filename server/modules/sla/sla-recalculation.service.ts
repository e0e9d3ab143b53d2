import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import type { TicketHistory } from '../tickets/ticket-history.js';
import * as repo from './sla.repository.js';

const BATCH = 100;

/**
 * When an agreement or calendar changes, the open tickets it covers get new deadlines. The change
 * only records a request (in its own transaction, so it is never lost); the job then walks the
 * organization's open tickets in small batches, each its own short transaction, so the desk keeps
 * working while a large organization is recomputed, and a restart resumes where it stopped.
 */
export class SlaRecalculationService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly history: TicketHistory,
  ) {}

  async request(trx: Kysely<DB>, organizationIds: readonly string[]): Promise<void> {
    const at = this.clock.now();
    await repo.insertRecalculations(trx, organizationIds, () => newId(at.getTime()), at.toISOString());
  }

  /** Works through every pending request; answers how many tickets it recomputed. */
  async runPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.runBatch();
      if (done === null) return total;
      total += done;
      // Let requests waiting on the database in between batches go first.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** One batch of one request, or null when nothing is pending. */
  private async runBatch(): Promise<number | null> {
    return this.db.transaction().execute(async (trx) => {
      const request = await repo.claimRecalculation(trx);
      if (!request) return null;
      const tickets = await repo.openTicketsAfter(trx, request.organization_id, request.after_id, BATCH);
      for (const ticket of tickets) await this.history.refreshDeadlines(trx, ticket);
      const last = tickets[tickets.length - 1];
      await repo.advanceRecalculation(trx, request.id, {
        after_id: last?.id ?? request.after_id,
        tickets_done: request.tickets_done + tickets.length,
        finished_at: tickets.length < BATCH ? this.clock.now().toISOString() : null,
      });
      return tickets.length;
    });
  }
}
