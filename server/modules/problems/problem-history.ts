import type { Kysely } from 'kysely';
import { writeProblemSearch } from '../../db/problem-search.js';
import type { DB, ProblemRow } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { htmlToText } from '../../platform/html.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { FieldChange } from '../tickets/ticket-history.js';
import * as repo from './problems.repository.js';

export interface ProblemEventInput {
  kind: string;
  changes?: FieldChange[];
  bodyHtml?: string | null;
}

/**
 * What every change to a problem does besides itself, in its transaction: a timeline event, and
 * the search index brought up to date when the words changed.
 */
export class ProblemHistory {
  constructor(private readonly clock: Clock) {}

  async record(trx: Kysely<DB>, ctx: RequestContext, problemId: string, event: ProblemEventInput): Promise<string> {
    const at = this.clock.now();
    const id = newId(at.getTime());
    await repo.insertEvent(trx, {
      id,
      problem_id: problemId,
      at: at.toISOString(),
      actor_id: ctx.principal?.userId ?? null,
      kind: event.kind,
      body_html: event.bodyHtml ?? null,
      changes: JSON.stringify(event.changes ?? []),
      request_id: ctx.requestId,
    });
    return id;
  }

  /** The subject first; then the description, the analysis and both wordings of the workaround. */
  reindex(trx: Kysely<DB>, problem: ProblemRow): Promise<void> {
    const body = [
      problem.description_html,
      problem.symptom_html,
      problem.cause_html,
      problem.business_impact_html,
      problem.workaround_desk_html,
      problem.workaround_public_html,
      problem.permanent_fix_html,
    ]
      .filter((html): html is string => Boolean(html))
      .map(htmlToText)
      .join('\n');
    return writeProblemSearch(trx, {
      problemId: problem.id,
      sequence: problem.sequence,
      title: `${problem.number} ${problem.subject}`,
      body,
    });
  }
}

/** The problem's fields whose words the search index holds. */
export const SEARCHED_COLUMNS = [
  'subject',
  'description_html',
  'symptom_html',
  'cause_html',
  'business_impact_html',
  'workaround_desk_html',
  'workaround_public_html',
  'permanent_fix_html',
] as const satisfies readonly (keyof ProblemRow)[];
