import type { App } from '../../platform/http.js';
import { defineModule } from '../../platform/module.js';
import { registerAttachmentRoutes } from './attachments.routes.js';
import { registerLiveUpdateRoutes } from './live-updates.routes.js';
import { ticketsJobs } from './tickets.jobs.js';
import { registerTicketRoutes } from './tickets.routes.js';

type Deps = Parameters<typeof registerTicketRoutes>[1] &
  Parameters<typeof registerAttachmentRoutes>[1] &
  Parameters<typeof registerLiveUpdateRoutes>[1] &
  Parameters<typeof ticketsJobs>[0];

export const ticketsModule = defineModule({
  name: 'tickets',
  routes: (api: App, deps: Deps) => {
    registerTicketRoutes(api, deps);
    registerAttachmentRoutes(api, deps);
    registerLiveUpdateRoutes(api, deps);
  },
  jobs: ticketsJobs,
});
