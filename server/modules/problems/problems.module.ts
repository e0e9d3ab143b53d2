import { defineModule } from '../../platform/module.js';
import { registerProblemJobRoutes } from './problem-jobs.routes.js';
import { createProblemShowcase } from './problems.demo.js';
import { problemJobs } from './problems.jobs.js';
import { registerProblemRoutes } from './problems.routes.js';

type Deps = Parameters<typeof registerProblemRoutes>[1] &
  Parameters<typeof registerProblemJobRoutes>[1] &
  Parameters<typeof problemJobs>[0] &
  Parameters<typeof createProblemShowcase>[0];

export const problemsModule = defineModule<Deps>({
  name: 'problems',
  routes: (app, deps) => {
    registerProblemRoutes(app, deps);
    registerProblemJobRoutes(app, deps);
  },
  jobs: problemJobs,
  demo: createProblemShowcase,
});
