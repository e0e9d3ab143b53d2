import type { JobDefinition } from '../../platform/jobs.js';
import type { SessionsService } from './sessions.service.js';

export function authJobs({ sessions }: { sessions: SessionsService }): JobDefinition[] {
  return [
    {
      name: 'sessions_purge',
      module: 'auth',
      schedule: { kind: 'interval', everySeconds: 3600 },
      scope: 'cluster',
      run: async () => ({ purged: await sessions.purgeExpiredSessions() }),
    },
  ];
}
