import type { Kysely } from 'kysely';
import type { ProblemSlaExplanation } from '../../../domain/contracts/sla.js';
import type { StatusChange } from '../../../domain/sla/sla-clock.js';
import type { DB, ProblemRow, ProblemTable } from '../../db/schema.js';
import { notFound } from '../../platform/errors.js';
import { systemContext } from '../../platform/request-context.js';
import type { FieldChange } from '../tickets/ticket-history.js';
import type { ProblemHistory } from './problem-history.js';
import type { ProblemDeadlines, ProblemSlaFacts } from './problem-ports.js';
import * as repo from './problems.repository.js';

/** The fields whose change moves a problem's deadline. */
export const DEADLINE_FIELDS = ['priority', 'status', 'organizationIds'];

/**
 * A problem's service level as the problems module keeps it: the stored deadline, recomputed (by
 * the SLA module's clock, through the `ProblemDeadlines` port) in the transaction of each change
 * that moves it, and what the SLA detection job reads and writes of a problem.
 */
export class ProblemSlaRecords {
  constructor(
    private readonly deadlines: ProblemDeadlines,
    private readonly history: ProblemHistory,
  ) {}

  /** The statuses the problem had, oldest first, from its timeline. */
  async statusHistory(db: Kysely<DB>, problemId: string): Promise<StatusChange[]> {
    const changes: StatusChange[] = [];
    for (const event of await repo.statusEvents(db, problemId)) {
      const at = Date.parse(event.at);
      const fields = JSON.parse(event.changes) as FieldChange[];
      const status = fields.find((change) => change.field === 'status')?.to;
      if (event.kind === 'created') changes.push({ at, status: typeof status === 'string' ? status : 'new' });
      else if (typeof status === 'string') changes.push({ at, status });
    }
    return changes;
  }

  async facts(db: Kysely<DB>, problem: ProblemRow): Promise<ProblemSlaFacts> {
    const [organizations, history] = await Promise.all([
      repo.organizationsOf(db, problem.id),
      this.statusHistory(db, problem.id),
    ]);
    return { problem, organizations, history };
  }

  /** Recomputes and stores the problem's deadline within `trx`. */
  async refresh(trx: Kysely<DB>, problemId: string): Promise<void> {
    const problem = await repo.findProblem(trx, problemId);
    if (!problem) return;
    await repo.setSla(trx, problemId, await this.deadlines.deadlinesFor(trx, await this.facts(trx, problem)));
  }

  /** After an agreement or calendar changed: the open problems of its organizations. */
  async refreshOrganizations(trx: Kysely<DB>, organizationIds: readonly string[]): Promise<void> {
    for (const id of await repo.openProblemIdsOf(trx, organizationIds)) await this.refresh(trx, id);
  }

  async explain(db: Kysely<DB>, problemId: string): Promise<ProblemSlaExplanation> {
    const problem = await repo.findProblem(db, problemId);
    if (!problem) throw notFound('Problem');
    return this.deadlines.explain(db, await this.facts(db, problem));
  }

  /** The detection job's writes: its columns (the version stays) and an internal timeline event. */
  store(trx: Kysely<DB>, problemId: string, columns: Partial<ProblemTable>): Promise<unknown> {
    return repo.setSla(trx, problemId, columns);
  }

  record(trx: Kysely<DB>, problemId: string, event: { kind: string; changes: FieldChange[] }): Promise<string> {
    return this.history.record(trx, systemContext, problemId, event);
  }
}
