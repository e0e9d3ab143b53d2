import { defineModule } from '../../platform/module.js';
import { authJobs } from './auth.jobs.js';
import { registerAuthRoutes } from './auth.routes.js';

export const authModule = defineModule({ name: 'auth', routes: registerAuthRoutes, jobs: authJobs });
