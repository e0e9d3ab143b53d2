import { defineModule } from '../../platform/module.js';
import { jobsJobs } from './jobs.jobs.js';
import { registerJobRoutes } from './jobs.routes.js';

type Deps = Parameters<typeof registerJobRoutes>[1];

export const jobsModule = defineModule<Deps>({ name: 'jobs', routes: registerJobRoutes, jobs: jobsJobs });
