import type { Kysely } from 'kysely';
import type { MailEvent } from '../../../domain/i18n/mail-es.js';
import type { DB } from '../../db/schema.js';

/** A call to action under a requester's mail: a line that says why, and a link. */
export interface MailAction {
  lead: string;
  label: string;
  url: string;
}

export type MailAddition = (
  trx: Kysely<DB>,
  ticketId: string,
  event: MailEvent,
  locale: 'es' | 'en',
) => Promise<MailAction | null>;

/**
 * What other modules add to the requester's mail about a ticket, in the mail's transaction: the
 * satisfaction survey's link under the resolution, say. Mail knows nothing of what adds; the
 * adding module registers here when the services are composed.
 */
export class TicketMailAdditions {
  private readonly additions: MailAddition[] = [];

  add(addition: MailAddition): void {
    this.additions.push(addition);
  }

  async for(trx: Kysely<DB>, ticketId: string, event: MailEvent, locale: 'es' | 'en'): Promise<MailAction[]> {
    const actions: MailAction[] = [];
    for (const addition of this.additions) {
      const action = await addition(trx, ticketId, event, locale);
      if (action) actions.push(action);
    }
    return actions;
  }
}
