import { AuditEvent, AuditListQuery } from '../../../domain/contracts/audit.js';
import { ListOf } from '../../../domain/contracts/common.js';
import type { App } from '../../platform/http.js';
import type { AuditService } from './audit.service.js';

export function registerAuditRoutes(app: App, { audit }: { audit: AuditService }) {
  app.get(
    '/audit-events',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], querystring: AuditListQuery, response: { 200: ListOf(AuditEvent) } },
    },
    (request) => audit.list(request.query),
  );
}
