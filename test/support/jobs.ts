import { periodMs } from '../../domain/jobs/schedule.js';
import type { buildApp } from '../../server/app.js';
import { fixedClock } from '../../server/platform/clock.js';
import { type JobCounts, type JobRunEnd, JobRunner } from '../../server/platform/jobs.js';

/**
 * Runs one of a built app's jobs through the job runner, as the server does, each call in the
 * job's next slot (the runner keeps a clock of its own, so the app's clock stays where the test
 * put it). Answers the run's counts; throws with the run's error when it failed.
 */
export function jobDriver(built: Pick<Awaited<ReturnType<typeof buildApp>>, 'jobs' | 'services'>, name: string) {
  const job = built.jobs.find((candidate) => candidate.name === name);
  if (!job) throw new Error(`The app has no job named ${name}`);
  const slots = fixedClock(new Date('2030-01-01T00:00:00Z'));
  const runs: JobRunEnd[] = [];
  const runner = new JobRunner([job], built.services.jobs, slots, { onRun: (_, end) => runs.push(end) });
  return async (): Promise<JobCounts> => {
    slots.advance(periodMs(job.schedule, slots.now()));
    runs.length = 0;
    await runner.tick();
    const [last] = runs;
    if (!last) throw new Error(`${name} did not run`);
    if (last.outcome === 'failed') throw new Error(`${name} failed: ${last.error}`);
    return last.counts;
  };
}
