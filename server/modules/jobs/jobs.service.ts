import type { Kysely } from 'kysely';
import type { JobRun, JobSummary } from '../../../domain/contracts/jobs.js';
import { nextRunAt } from '../../../domain/jobs/schedule.js';
import type { DB, JobRunTable } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, pageOf } from '../../platform/cursor.js';
import { notFound } from '../../platform/errors.js';
import type { JobDefinition, JobFailures, JobRunEnd, JobRunRecord, JobRunStore } from '../../platform/jobs.js';
import * as repo from './jobs.repository.js';

/** Runs looked at to count failures in a row: enough to reach the longest back-off. */
const FAILURES_LOOKED_AT = 12;
const DAY_MS = 86_400_000;
/** Successful runs are kept a day (a 5-second job writes 17,280 a day); failed ones a month. */
const KEEP_SUCCEEDED_MS = DAY_MS;
const KEEP_FAILED_MS = 30 * DAY_MS;

function present(row: JobRunTable): JobRun {
  return {
    id: row.id,
    job: row.job,
    instance: row.instance,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    outcome: row.outcome,
    counts: JSON.parse(row.counts) as Record<string, number>,
    error: row.error,
  };
}

/** Where the job runner claims and records runs, and what admins see of them. */
export class JobsService implements JobRunStore {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  claim(run: JobRunRecord): Promise<boolean> {
    return repo.claimRun(this.db, {
      id: run.id,
      job: run.job,
      instance: run.instance,
      slot_at: run.slotAt,
      started_at: run.startedAt,
      finished_at: null,
      duration_ms: null,
      outcome: 'running',
      counts: '{}',
      error: null,
    });
  }

  async finish(id: string, end: JobRunEnd): Promise<void> {
    await repo.finishRun(this.db, id, {
      finished_at: end.finishedAt,
      duration_ms: end.durationMs,
      outcome: end.outcome,
      counts: JSON.stringify(end.counts),
      error: end.error,
    });
  }

  async failures(job: string, instance?: string): Promise<JobFailures> {
    const runs = await repo.latestFinished(this.db, job, instance, FAILURES_LOOKED_AT);
    const streak = runs.findIndex((run) => run.outcome !== 'failed');
    const failures = streak === -1 ? runs.length : streak;
    return { failures, lastFailureSlotAt: failures > 0 ? (runs[0]?.slot_at ?? null) : null };
  }

  /** The jobs this server runs, each with its last run, failures in a row and next run. */
  async list(definitions: readonly JobDefinition[]): Promise<JobSummary[]> {
    const now = this.clock.now();
    return Promise.all(
      definitions.map(async (job) => {
        const [last] = await repo.listRuns(this.db, job.name, undefined, 1);
        const { failures, lastFailureSlotAt } = await this.failures(job.name);
        const next = nextRunAt(job.schedule, now, {
          failures,
          lastFailureSlotAt: lastFailureSlotAt ? new Date(lastFailureSlotAt) : null,
        });
        return {
          name: job.name,
          module: job.module,
          schedule: job.schedule,
          scope: job.scope,
          lastRun: last ? present(last) : null,
          consecutiveFailures: failures,
          nextRunAt: next?.toISOString() ?? null,
        };
      }),
    );
  }

  async runs(definitions: readonly JobDefinition[], name: string, query: { cursor?: string; limit?: number }) {
    if (!definitions.some((job) => job.name === name)) throw notFound(`Job ${name}`);
    const limit = query.limit ?? 50;
    const before = decodeCursor(query.cursor, ['timestamp', 'id']) as [string, string] | undefined;
    const rows = await repo.listRuns(this.db, name, before, limit + 1);
    const page = pageOf(rows, limit, (row) => [row.started_at, row.id]);
    return { items: page.items.map(present), nextCursor: page.nextCursor };
  }

  /** Forgets old runs: successful ones after a day, failed and interrupted ones after a month. */
  async prune(): Promise<{ deleted: number }> {
    const now = this.clock.now().getTime();
    const before = (ms: number) => new Date(now - ms).toISOString();
    const deleted =
      (await repo.deleteRuns(this.db, 'succeeded', before(KEEP_SUCCEEDED_MS))) +
      (await repo.deleteRuns(this.db, 'failed', before(KEEP_FAILED_MS))) +
      (await repo.deleteRuns(this.db, 'running', before(KEEP_FAILED_MS)));
    return { deleted };
  }
}
