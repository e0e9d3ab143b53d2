import type { FieldError } from '../field-error.js';

/**
 * Why the server refuses a change to a problem, its incidents or its candidates, as stable codes:
 * the `reason` of a field error, which the web says in the reader's language
 * (`problems.refusals.<reason>` with the error's `params`); `message` stays the English sentence
 * for API clients and logs. Params named `type` are ticket types, and `status`, `from` and `to`
 * problem or candidate statuses, so a client can name them in its own words too.
 */
export const PROBLEM_REFUSALS = [
  'transition_forbidden',
  'workaround_required',
  'cause_required',
  'permanent_fix_required',
  'not_an_incident',
  'behind_another_problem',
  'no_such_ticket',
  'problem_over',
  'no_public_workaround',
  'no_workaround',
  'fix_url',
  'candidate_decided',
  'owner_not_on_desk',
  'no_such_group',
] as const;
export type ProblemRefusal = (typeof PROBLEM_REFUSALS)[number];

export const isProblemRefusal = (reason: unknown): reason is ProblemRefusal =>
  (PROBLEM_REFUSALS as readonly unknown[]).includes(reason);

/** A field error that carries its refusal's code (and what the sentence names) beside the English message. */
export function problemRefusal<F extends string>(
  field: F,
  reason: ProblemRefusal,
  message: string,
  params?: Record<string, string>,
): FieldError<F> {
  return { field, message, reason, ...(params ? { params } : {}) };
}
