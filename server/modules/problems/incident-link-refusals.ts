import type { FieldError } from '../../../domain/field-error.js';
import { problemRefusal } from '../../../domain/problems/problem-refusals.js';
import type { ProblemRow, TicketRow } from '../../db/schema.js';

/** Why an incident cannot go behind a problem: its code, its English sentence, and what it names. */
export interface LinkRefusal {
  reason: 'not_an_incident' | 'behind_another_problem' | 'no_such_ticket';
  message: string;
  params: Record<string, string>;
}

/** Why this ticket cannot go behind this problem, or null when it can (or already is). */
export function refusalToLink(
  ticket: TicketRow | undefined,
  ticketId: string,
  problem: Pick<ProblemRow, 'id'>,
  existing: { problem_id: string; number: string } | undefined,
): LinkRefusal | null {
  if (!ticket) return { reason: 'no_such_ticket', message: 'no such ticket', params: { number: ticketId } };
  if (ticket.type !== 'incident')
    return {
      reason: 'not_an_incident',
      message: `is a ${ticket.type}; only incidents go behind a problem`,
      params: { number: ticket.number, type: ticket.type },
    };
  if (existing && existing.problem_id !== problem.id)
    return {
      reason: 'behind_another_problem',
      message: `is already behind ${existing.number}`,
      params: { number: ticket.number, problem: existing.number },
    };
  return null;
}

/** The refusal as a field error; in a list of tickets its sentence starts with the ticket it concerns. */
export function linkRefusalError(field: string, refusal: LinkRefusal, named = true): FieldError {
  const message = named ? `${refusal.params.number}: ${refusal.message}` : refusal.message;
  return problemRefusal(field, refusal.reason, message, refusal.params);
}
