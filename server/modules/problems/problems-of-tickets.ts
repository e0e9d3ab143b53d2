import type { Kysely } from 'kysely';
import type { KnownIssue, TicketProblemRef } from '../../../domain/contracts/tickets.js';
import { OPEN_PROBLEM_STATUSES } from '../../../domain/problems/problem-lifecycle.js';
import type { DB } from '../../db/schema.js';
import type { TicketProblems } from '../tickets/ticket-ports.js';
import { problemOfTicket } from './problems.repository.js';

/**
 * The tickets module's `TicketProblems` port: the problem behind a ticket for the desk's view,
 * and for its requester only that a known issue is being worked on, with the public workaround
 * once the problem is a known error — never the record, its number or the desk's wording.
 * It needs nothing but the database, so `buildServices` makes it before the ticket services.
 */
export class ProblemsOfTickets implements TicketProblems {
  async behind(
    db: Kysely<DB>,
    ticketId: string,
  ): Promise<{ problems: TicketProblemRef[]; knownIssue: KnownIssue | null }> {
    const problem = await problemOfTicket(db, ticketId);
    if (!problem) return { problems: [], knownIssue: null };
    const open = OPEN_PROBLEM_STATUSES.includes(problem.status);
    return {
      problems: [{ id: problem.id, number: problem.number, subject: problem.subject, status: problem.status }],
      knownIssue: open
        ? { workaroundHtml: problem.status === 'known_error' ? problem.workaround_public_html : null }
        : null,
    };
  }
}
