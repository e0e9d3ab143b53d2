import { defineModule } from '../../platform/module.js';
import { registerSupportRoutes } from './support.routes.js';

export const supportModule = defineModule({ name: 'support', routes: registerSupportRoutes });
