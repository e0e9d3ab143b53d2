import { hostname } from 'node:os';
import type { JobOutcome, JobSchedule, JobScope } from '../../domain/contracts/jobs.js';
import { periodMs, retryAfter, slotAt } from '../../domain/jobs/schedule.js';
import type { Clock } from './clock.js';
import { newId } from './ids.js';

/**
 * Background jobs: each module declares its own (`<module>.jobs.ts`), `main.ts` starts one runner.
 * A job runs once per slot of its schedule (domain/jobs/schedule.ts). A `cluster` job runs once per
 * slot however many instances run: each instance claims the slot's run by inserting a row whose id
 * is the job and the slot, and only the instance whose insert lands runs it. An `instance` job
 * (work on something only that process holds) runs on each, its run named by the instance too.
 * On one instance a job never overlaps itself: a slot that comes while the last run is still going
 * is skipped. After failures in a row the job backs off (`retryAfter`); every run is recorded with
 * its start, end, outcome, counts and error.
 */

/** What a run did, e.g. `{ fired: 3 }`; shown to admins, logged when non-zero, counted in metrics. */
export type JobCounts = Record<string, number>;

export interface JobDefinition {
  /** Stable snake_case id (`sla_watch`): part of run ids and of the UI's catalog keys. */
  name: string;
  /** The module that declares it. */
  module: string;
  schedule: JobSchedule;
  scope: JobScope;
  run(): Promise<JobCounts | undefined>;
}

export interface JobRunRecord {
  id: string;
  job: string;
  instance: string;
  slotAt: string;
  startedAt: string;
}

export interface JobRunEnd {
  finishedAt: string;
  durationMs: number;
  outcome: Exclude<JobOutcome, 'running'>;
  counts: JobCounts;
  error: string | null;
}

/** A job's failures in a row, newest first, as the store sees them across instances. */
export interface JobFailures {
  failures: number;
  /** The slot the latest failed run ran for: backing off counts from there. */
  lastFailureSlotAt: string | null;
}

/** Where runs are claimed and recorded: the jobs module's repository, behind this port. */
export interface JobRunStore {
  /** Inserts the run unless one with its id exists; answers whether this caller got it. */
  claim(run: JobRunRecord): Promise<boolean>;
  finish(id: string, end: JobRunEnd): Promise<void>;
  /** Failed runs in a row ending with the latest finished run (of this instance only, when given). */
  failures(job: string, instance?: string): Promise<JobFailures>;
}

export interface JobRunnerOptions {
  /** Names this process in run ids and the admin screen; defaults to host:pid:random. */
  instance?: string;
  /** How often the runner looks for due slots, in ms (default one second). */
  tickMs?: number;
  logger?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Told of every finished run (metrics). */
  onRun?(job: JobDefinition, end: JobRunEnd): void;
}

export function instanceName(): string {
  return `${hostname()}:${process.pid}:${newId().slice(-4)}`;
}

export class JobRunner {
  readonly instance: string;
  private readonly lastSlot = new Map<string, number>();
  private readonly running = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly jobs: readonly JobDefinition[],
    private readonly store: JobRunStore,
    private readonly clock: Clock,
    private readonly options: JobRunnerOptions = {},
  ) {
    this.instance = options.instance ?? instanceName();
    const names = new Set<string>();
    for (const job of jobs) {
      if (names.has(job.name)) throw new Error(`Two jobs are named ${job.name}`);
      names.add(job.name);
    }
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.tickMs ?? 1000);
    this.timer.unref();
    void this.tick();
  }

  /** Stops looking for slots and waits for the runs under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all(this.running.values());
  }

  /** Starts every job whose slot has come; resolves when the runs it started have ended. */
  async tick(): Promise<void> {
    const now = this.clock.now();
    const started: Promise<void>[] = [];
    for (const job of this.jobs) {
      if (this.running.has(job.name)) continue;
      const slot = slotAt(job.schedule, now);
      if (!slot || this.lastSlot.get(job.name) === slot.getTime()) continue;
      this.lastSlot.set(job.name, slot.getTime());
      const run = this.attempt(job, slot, now).finally(() => this.running.delete(job.name));
      this.running.set(job.name, run);
      started.push(run);
    }
    await Promise.all(started);
  }

  private async attempt(job: JobDefinition, slot: Date, now: Date): Promise<void> {
    try {
      const instance = job.scope === 'instance' ? this.instance : undefined;
      const { failures, lastFailureSlotAt } = await this.store.failures(job.name, instance);
      if (lastFailureSlotAt && now < retryAfter(new Date(lastFailureSlotAt), failures, periodMs(job.schedule, now)))
        return;
      const slotAt = slot.toISOString();
      const id = instance ? `${job.name}@${slotAt}@${instance}` : `${job.name}@${slotAt}`;
      if (
        !(await this.store.claim({ id, job: job.name, instance: this.instance, slotAt, startedAt: now.toISOString() }))
      )
        return;
      const end = await this.execute(job, now);
      await this.store.finish(id, end);
      this.options.onRun?.(job, end);
    } catch (error) {
      // The store itself failed (the database away, say): the next slot tries again.
      this.options.logger?.error({ err: error, job: job.name }, 'job could not be claimed or recorded');
    }
  }

  private async execute(job: JobDefinition, startedAt: Date): Promise<JobRunEnd> {
    const finish = (outcome: JobRunEnd['outcome'], counts: JobCounts, error: string | null): JobRunEnd => {
      const finishedAt = this.clock.now();
      return {
        finishedAt: finishedAt.toISOString(),
        durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
        outcome,
        counts,
        error,
      };
    };
    try {
      const counts = (await job.run()) ?? {};
      const end = finish('succeeded', counts, null);
      if (Object.values(counts).some((count) => count !== 0))
        this.options.logger?.info({ job: job.name, counts, durationMs: end.durationMs }, 'job ran');
      return end;
    } catch (error) {
      this.options.logger?.error({ err: error, job: job.name }, 'job failed');
      return finish('failed', {}, error instanceof Error ? error.message : String(error));
    }
  }
}
