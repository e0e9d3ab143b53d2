import { defineModule } from '../../platform/module.js';
import { registerHealthRoutes } from './health.routes.js';

export const healthModule = defineModule({ name: 'health', routes: registerHealthRoutes });
