import type { Kysely } from 'kysely';
import type { KnownIssue, TicketProblemRef } from '../../../domain/contracts/tickets.js';
import { OPEN_PROBLEM_STATUSES } from '../../../domain/problems/problem-lifecycle.js';
import type { DB, ProblemRow } from '../../db/schema.js';
import type { TicketProblems } from '../tickets/ticket-ports.js';
import { problemOfTicket } from './problems.repository.js';

/**
 * What a linked incident's requester may be told of the problem: null when the problem is over
 * (nothing to tell), else that it is known, with the public workaround once it is a known error.
 */
export function knownIssueOf(problem: Pick<ProblemRow, 'status' | 'workaround_public_html'>): KnownIssue | null {
  if (!OPEN_PROBLEM_STATUSES.includes(problem.status)) return null;
  return { workaroundHtml: problem.status === 'known_error' ? problem.workaround_public_html : null };
}

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
    return {
      problems: [{ id: problem.id, number: problem.number, subject: problem.subject, status: problem.status }],
      knownIssue: knownIssueOf(problem),
    };
  }
}
