import type { JobDefinition } from '../../platform/jobs.js';
import { systemContext } from '../../platform/request-context.js';
import type { CampaignsService } from './campaigns.service.js';

/**
 * One job for a campaign's whole calendar: opens the scheduled ones whose time has come, sends the
 * automatic reminders that are due, closes those past their close; once per slot across instances.
 */
export function campaignJobs({ campaigns }: { campaigns: CampaignsService }): JobDefinition[] {
  return [
    {
      name: 'campaign_schedule',
      module: 'surveys',
      schedule: { kind: 'interval', everySeconds: 300 },
      scope: 'cluster',
      run: () => campaigns.runSchedule(systemContext),
    },
  ];
}
