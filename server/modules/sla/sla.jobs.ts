import type { JobCounts, JobDefinition } from '../../platform/jobs.js';

// Warnings and breaches are found within this long of happening (issue 5 asked for a minute).
const SLA_WATCH_EVERY_S = 15;

/** The SLA watch: recompute after agreement changes, fire what is due, follow commitments. */
export function slaJobs({ watchServiceLevels }: { watchServiceLevels(): Promise<JobCounts> }): JobDefinition[] {
  return [
    {
      name: 'sla_watch',
      module: 'sla',
      schedule: { kind: 'interval', everySeconds: SLA_WATCH_EVERY_S },
      scope: 'cluster',
      run: watchServiceLevels,
    },
  ];
}
