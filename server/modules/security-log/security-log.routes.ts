import { ListOf } from '../../../domain/contracts/common.js';
import { SecurityEvent, SecurityEventListQuery } from '../../../domain/contracts/security-events.js';
import type { App } from '../../platform/http.js';
import type { SecurityLogService } from './security-log.service.js';

export function registerSecurityLogRoutes(app: App, { securityLog }: { securityLog: SecurityLogService }) {
  app.get(
    '/security-events',
    {
      config: { permission: 'security.read' },
      schema: {
        tags: ['security'],
        querystring: SecurityEventListQuery,
        response: { 200: ListOf(SecurityEvent) },
      },
    },
    (request) => securityLog.list(request.query),
  );
}
