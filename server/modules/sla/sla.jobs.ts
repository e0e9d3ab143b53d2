import type { JobCounts, JobDefinition } from '../../platform/jobs.js';
import type { ProblemSlaDetectionService } from './problem-sla-detection.service.js';

// Warnings and breaches are found within this long of happening (issue 5 asked for a minute).
const SLA_WATCH_EVERY_S = 15;

/**
 * The SLA watch: recompute after agreement changes, fire what is due, follow commitments; and
 * the same watch over problem reports' deadlines (`problem_sla`).
 */
export function slaJobs({
  watchServiceLevels,
  problemSlaDetection,
}: {
  watchServiceLevels(): Promise<JobCounts>;
  problemSlaDetection: ProblemSlaDetectionService;
}): JobDefinition[] {
  return [
    {
      name: 'sla_watch',
      module: 'sla',
      schedule: { kind: 'interval', everySeconds: SLA_WATCH_EVERY_S },
      scope: 'cluster',
      run: watchServiceLevels,
    },
    {
      name: 'problem_sla',
      module: 'sla',
      schedule: { kind: 'interval', everySeconds: SLA_WATCH_EVERY_S },
      scope: 'cluster',
      run: () => problemSlaDetection.detect(),
    },
  ];
}
