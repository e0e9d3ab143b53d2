import { IdParams } from '../../../domain/contracts/common.js';
import { AgreementKpiTargets, KpiCatalog, KpiTargetsQuery, PutKpiTargetsBody } from '../../../domain/contracts/kpis.js';
import type { App } from '../../platform/http.js';
import { type KpiTargetsService, presentCatalog } from './kpi-targets.service.js';

interface Deps {
  kpiTargets: KpiTargetsService;
}

/**
 * The indicator catalog and each agreement's targets. Any staff member reads the catalog and the
 * targets, as they read agreements (`tickets.work`); the analysis unit, supervisors and admins
 * add target versions.
 */
export function registerKpiRoutes(app: App, { kpiTargets }: Deps) {
  const tags = ['analysis'];
  const catalog = { items: presentCatalog() };

  app.get('/kpis', { config: { permission: 'tickets.work' }, schema: { tags, response: { 200: KpiCatalog } } }, () =>
    Promise.resolve(catalog),
  );
  app.get(
    '/agreements/:id/kpi-targets',
    {
      config: { permission: 'tickets.work' },
      schema: { tags, params: IdParams, querystring: KpiTargetsQuery, response: { 200: AgreementKpiTargets } },
    },
    (request) => kpiTargets.get(request.params.id, request.query.month),
  );
  app.put(
    '/agreements/:id/kpi-targets',
    {
      config: { permission: 'kpis.manage' },
      schema: { tags, params: IdParams, body: PutKpiTargetsBody, response: { 200: AgreementKpiTargets } },
    },
    (request) => kpiTargets.put(request.ctx, request.params.id, request.body),
  );
}
