import type { JobDefinition } from '../../platform/jobs.js';
import type { ProblemCandidatesService } from './problem-candidates.service.js';
import type { ProblemResolutionService } from './problem-resolution.service.js';

/**
 * The problems module's jobs, each run once per slot across instances (`cluster`): the hourly
 * search for recurring incidents, and the batches of a problem's incidents being resolved.
 */
export function problemJobs({
  problemCandidates,
  problemResolution,
}: {
  problemCandidates: ProblemCandidatesService;
  problemResolution: ProblemResolutionService;
}): JobDefinition[] {
  return [
    {
      name: 'problem_candidates',
      module: 'problems',
      schedule: { kind: 'interval', everySeconds: 3600 },
      scope: 'cluster',
      run: () => problemCandidates.refresh(),
    },
    {
      name: 'problem_resolutions',
      module: 'problems',
      schedule: { kind: 'interval', everySeconds: 30 },
      scope: 'cluster',
      run: () => problemResolution.work(),
    },
  ];
}
