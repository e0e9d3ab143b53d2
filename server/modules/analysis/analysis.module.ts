import { defineModule } from '../../platform/module.js';
import { registerKpiRoutes } from './kpis.routes.js';

type Deps = Parameters<typeof registerKpiRoutes>[1];

/** The analysis unit (issue 21): the indicator catalog and each agreement's targets, so far. */
export const analysisModule = defineModule<Deps>({
  name: 'analysis',
  routes: (app, deps) => {
    registerKpiRoutes(app, deps);
  },
});
