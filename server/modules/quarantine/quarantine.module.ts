import { defineModule } from '../../platform/module.js';
import { registerQuarantineRoutes } from './quarantine.routes.js';

export const quarantineModule = defineModule({ name: 'quarantine', routes: registerQuarantineRoutes });
