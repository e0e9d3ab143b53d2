import type { JobDefinition } from '../../platform/jobs.js';
import { systemContext } from '../../platform/request-context.js';
import type { CampaignsService } from './campaigns.service.js';

/** Closes the open campaigns past their closing date, once per slot across instances. */
export function campaignJobs({ campaigns }: { campaigns: CampaignsService }): JobDefinition[] {
  return [
    {
      name: 'campaign_closing',
      module: 'surveys',
      schedule: { kind: 'interval', everySeconds: 300 },
      scope: 'cluster',
      run: async () => ({ closed: await campaigns.closeDue(systemContext) }),
    },
  ];
}
