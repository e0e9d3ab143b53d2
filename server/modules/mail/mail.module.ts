import { defineModule } from '../../platform/module.js';
import { mailJobs } from './mail.jobs.js';
import { registerMailRoutes } from './mail.routes.js';

type Deps = Parameters<typeof registerMailRoutes>[1] & Parameters<typeof mailJobs>[0];

export const mailModule = defineModule<Deps>({ name: 'mail', routes: registerMailRoutes, jobs: mailJobs });
