import { defineModule } from '../../platform/module.js';
import { registerAgreementRoutes } from './agreements.routes.js';
import { createServiceLevelShowcase } from './sla.demo.js';
import { slaJobs } from './sla.jobs.js';

type Deps = Parameters<typeof registerAgreementRoutes>[1] &
  Parameters<typeof slaJobs>[0] &
  Parameters<typeof createServiceLevelShowcase>[0];

export const slaModule = defineModule<Deps>({
  name: 'sla',
  routes: registerAgreementRoutes,
  jobs: slaJobs,
  demo: createServiceLevelShowcase,
});
