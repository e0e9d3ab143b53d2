import { defineModule } from '../../platform/module.js';
import { registerProblemRoutes } from './problems.routes.js';

export const problemsModule = defineModule({ name: 'problems', routes: registerProblemRoutes });
