/**
 * One reason some input is invalid, tied to the field it concerns. The domain's `checkX` rules
 * return lists of these (called issues, never "problems": that word belongs to ITIL problem
 * management); the server sends them as the `errors` of a validation_failed problem+json.
 * Declared in domain/ because domain imports nothing from server/; `F` narrows the fields a rule
 * can name.
 */
export interface FieldError<F extends string = string> {
  field: F;
  message: string;
  /** A stable code for the rule (e.g. domain/problems/problem-refusals.ts), which clients say in their own words. */
  reason?: string;
  /** What the sentence names (a ticket number, a status), for a client to fill its own wording with. */
  params?: Record<string, string>;
}
