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
    {
      // Deliveries older than MESA_WEBHOOK_RETENTION_DAYS (30 by default), sent, failed or never sent.
      name: 'webhook_deliveries_prune',
      module: 'webhooks',
      schedule: { kind: 'interval', everySeconds: 3600 },
      scope: 'cluster',
      run: () => webhooks.prune(),
    },
  ];
}
