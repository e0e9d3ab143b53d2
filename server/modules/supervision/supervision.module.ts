import { defineModule } from '../../platform/module.js';
import { registerSupervisionRoutes } from './supervision.routes.js';

export const supervisionModule = defineModule({ name: 'supervision', routes: registerSupervisionRoutes });
