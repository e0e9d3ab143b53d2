import { IdParams, ItemsOf, Ok } from '../../../domain/contracts/common.js';
import { QuarantinedFile } from '../../../domain/contracts/quarantine.js';
import type { App } from '../../platform/http.js';
import type { QuarantineService } from './quarantine.service.js';

export function registerQuarantineRoutes(app: App, { quarantine }: { quarantine: QuarantineService }) {
  const tags = ['quarantine'];
  const config = { permission: 'quarantine.manage' as const };
  // No route serves a quarantined file's bytes: they are infected.
  app.get('/quarantine', { config, schema: { tags, response: { 200: ItemsOf(QuarantinedFile) } } }, async () => ({
    items: await quarantine.list(),
  }));
  app.delete(
    '/quarantine/:id',
    { config, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await quarantine.remove(request.ctx, request.params.id);
      return { status: 'ok' as const };
    },
  );
}
