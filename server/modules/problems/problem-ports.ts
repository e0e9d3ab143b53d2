import type { Kysely } from 'kysely';
import type { ProblemSlaExplanation } from '../../../domain/contracts/sla.js';
import type { StatusChange } from '../../../domain/sla/sla-clock.js';
import type { DB, ProblemRow, ProblemTable } from '../../db/schema.js';

/*
 * What the problems module asks of the SLA module. `sla` reaches `problems`' neighbours (support
 * imports sla), so neither imports the other: problems names here what it needs, the SLA module's
 * ProblemSlaService answers it, and `buildServices` hands it in.
 */

/** The SLA columns a problem stores, so lists, the board and the detection job never recompute on read. */
export type ProblemSlaColumns = Pick<
  ProblemTable,
  'agreement_id' | 'resolution_due_at' | 'resolution_met' | 'resolution_minutes' | 'sla_state' | 'sla_check_at'
>;

export const NO_PROBLEM_SLA: ProblemSlaColumns = {
  agreement_id: null,
  resolution_due_at: null,
  resolution_met: null,
  resolution_minutes: null,
  sla_state: null,
  sla_check_at: null,
};

/** What a problem's clock reads: the problem, the organizations it affects, its statuses since creation. */
export interface ProblemSlaFacts {
  problem: ProblemRow;
  organizations: readonly { id: string; name: string }[];
  history: StatusChange[];
}

export interface ProblemDeadlines {
  /** `isNew`: the problem is not written yet and has fired nothing. */
  deadlinesFor(db: Kysely<DB>, facts: ProblemSlaFacts, isNew?: boolean): Promise<ProblemSlaColumns>;
  explain(db: Kysely<DB>, facts: ProblemSlaFacts): Promise<ProblemSlaExplanation>;
}
