import type { JobDefinition } from '../../platform/jobs.js';
import type { ConversationService } from './conversation.service.js';
import type { TicketsService } from './tickets.service.js';

export function ticketsJobs({
  tickets,
  conversation,
}: {
  tickets: TicketsService;
  conversation: ConversationService;
}): JobDefinition[] {
  return [
    {
      // Resolved tickets past their confirmation window close; uploads never attached are removed.
      name: 'tickets_sweep',
      module: 'tickets',
      schedule: { kind: 'interval', everySeconds: 60 },
      scope: 'cluster',
      run: async () => ({
        closed: await tickets.closeExpiredResolutions(),
        uploadsRemoved: await conversation.purgeAbandonedUploads(),
      }),
    },
  ];
}
