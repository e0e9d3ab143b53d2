import { defineModule } from '../../platform/module.js';
import { registerSecurityLogRoutes } from './security-log.routes.js';

export const securityLogModule = defineModule({ name: 'security-log', routes: registerSecurityLogRoutes });
