import type { JobDefinition } from '../../platform/jobs.js';
import type { WebhooksService } from './webhooks.service.js';

const WEBHOOKS_EVERY_S = 5;

export function webhooksJobs({ webhooks }: { webhooks: WebhooksService }): JobDefinition[] {
  return [
    {
      // Deliveries whose time has come: new ones, retries after backoff, and claims whose worker died.
      name: 'webhooks_send',
      module: 'webhooks',
      schedule: { kind: 'interval', everySeconds: WEBHOOKS_EVERY_S },
      scope: 'cluster',
      run: async () => ({ ...(await webhooks.sendDue()) }),
    },
  ];
}
