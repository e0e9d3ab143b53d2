import type { App } from '../../platform/http.js';
import { defineModule } from '../../platform/module.js';
import { authJobs } from './auth.jobs.js';
import { registerAuthRoutes } from './auth.routes.js';
import { registerMfaRoutes } from './mfa.routes.js';
import { registerOidcRoutes } from './oidc.routes.js';
import { registerPasswordResetRoutes } from './password-reset.routes.js';

type Deps = Parameters<typeof registerAuthRoutes>[1] &
  Parameters<typeof registerMfaRoutes>[1] &
  Parameters<typeof registerOidcRoutes>[1] &
  Parameters<typeof registerPasswordResetRoutes>[1];

export const authModule = defineModule({
  name: 'auth',
  routes: (app: App, deps: Deps) => {
    registerAuthRoutes(app, deps);
    registerMfaRoutes(app, deps);
    registerOidcRoutes(app, deps);
    registerPasswordResetRoutes(app, deps);
  },
  jobs: authJobs,
});
