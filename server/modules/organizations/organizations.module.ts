import { defineModule } from '../../platform/module.js';
import { registerOrganizationRoutes } from './organizations.routes.js';

export const organizationsModule = defineModule({ name: 'organizations', routes: registerOrganizationRoutes });
