import { CampaignExportQuery, CampaignResults } from '../../../domain/contracts/campaign-results.js';
import { IdParams } from '../../../domain/contracts/common.js';
import type { App } from '../../platform/http.js';
import type { CampaignResultsService } from './campaign-results.service.js';
import { XLSX_TYPE } from './campaign-results.xlsx.js';

interface Deps {
  campaignResults: CampaignResultsService;
}

/**
 * A campaign's results and their download. The desk and client managers hold the permission; the
 * service narrows a client manager to their organization (404 for any other), and everyone else
 * is answered 404 as if the route did not exist.
 */
export function registerCampaignResultsRoutes(app: App, { campaignResults }: Deps) {
  const tags = ['campaigns'];
  const read = { permission: 'surveyResults.read', hiddenWithout: 'surveyResults.read' } as const;

  app.get(
    '/campaigns/:id/results',
    { config: read, schema: { tags, params: IdParams, response: { 200: CampaignResults } } },
    (request) => campaignResults.results(request.ctx, request.params.id),
  );
  app.get(
    '/campaigns/:id/export',
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        querystring: CampaignExportQuery,
        produces: ['text/csv', XLSX_TYPE],
        description: 'One row per response; the XLSX adds a "Summary" sheet with the dimension figures.',
      },
    },
    async (request, reply) => {
      const file = await campaignResults.export(request.ctx, request.params.id, request.query.format);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
}
