import type { JobDefinition } from '../../platform/jobs.js';
import type { JobsService } from './jobs.service.js';

export function jobsJobs({ jobs }: { jobs: JobsService }): JobDefinition[] {
  return [
    {
      name: 'job_runs_prune',
      module: 'jobs',
      schedule: { kind: 'interval', everySeconds: 3600 },
      scope: 'cluster',
      run: () => jobs.prune(),
    },
  ];
}
