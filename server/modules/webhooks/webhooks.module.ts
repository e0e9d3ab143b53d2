import { defineModule } from '../../platform/module.js';
import type { TicketHistory } from '../tickets/ticket-history.js';
import { webhooksJobs } from './webhooks.jobs.js';
import { registerWebhookRoutes } from './webhooks.routes.js';

type Deps = Parameters<typeof registerWebhookRoutes>[1] & { history: TicketHistory };

export const webhooksModule = defineModule<Deps>({
  name: 'webhooks',
  routes: registerWebhookRoutes,
  jobs: webhooksJobs,
  // Deliveries commit with the ticket change that causes them (SLA breaches included: the
  // detection job records them on the timeline).
  observe: ({ webhooks, history }) => history.observe(webhooks.observer),
});
