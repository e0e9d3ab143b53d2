import {
  Campaign,
  CampaignAnswerBody,
  CampaignLinkBody,
  CampaignList,
  CampaignListQuery,
  CreateCampaignBody,
  PublicCampaignSurvey,
  RemindResult,
} from '../../../domain/contracts/campaigns.js';
import { IdParams, Ok } from '../../../domain/contracts/common.js';
import type { App } from '../../platform/http.js';
import type { RequestLimiter } from '../auth/request-limiter.js';
import type { CampaignsService } from './campaigns.service.js';

interface Deps {
  campaigns: CampaignsService;
  requestLimiter: RequestLimiter;
}

/** Campaign links opened and answered from one address per hour: an office behind one address, not a script. */
const REQUESTS_PER_ADDRESS = 120;
const HOUR = 3_600_000;

/** Survey campaigns: the desk's routes (hidden from everyone else) and the public answering link. */
export function registerCampaignRoutes(app: App, { campaigns, requestLimiter }: Deps) {
  const tags = ['campaigns'];
  // Client managers read their organization's campaigns too (the service scopes them), to reach the results.
  const read = { permission: 'surveyResults.read', hiddenWithout: 'surveyResults.read' } as const;
  const manage = { permission: 'surveys.manage', hiddenWithout: 'surveys.manage' } as const;

  app.get(
    '/campaigns',
    { config: read, schema: { tags, querystring: CampaignListQuery, response: { 200: CampaignList } } },
    async (request) => ({ items: await campaigns.list(request.ctx, request.query.organizationId) }),
  );
  app.post(
    '/campaigns',
    { config: manage, schema: { tags, body: CreateCampaignBody, response: { 201: Campaign } } },
    async (request, reply) => reply.code(201).send(await campaigns.create(request.ctx, request.body)),
  );
  app.get(
    '/campaigns/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Campaign } } },
    (request) => campaigns.get(request.ctx, request.params.id),
  );
  app.post(
    '/campaigns/:id/open',
    { config: manage, schema: { tags, params: IdParams, response: { 200: Campaign } } },
    (request) => campaigns.open(request.ctx, request.params.id),
  );
  app.post(
    '/campaigns/:id/close',
    { config: manage, schema: { tags, params: IdParams, response: { 200: Campaign } } },
    (request) => campaigns.close(request.ctx, request.params.id),
  );
  app.post(
    '/campaigns/:id/remind',
    { config: manage, schema: { tags, params: IdParams, response: { 200: RemindResult } } },
    (request) => campaigns.remind(request.ctx, request.params.id),
  );

  // The mailed link, without signing in; POST both so the token rides in the body, never in a URL.
  app.post(
    '/campaign-surveys/by-link',
    {
      config: { permission: 'public' },
      schema: { tags, body: CampaignLinkBody, response: { 200: PublicCampaignSurvey } },
    },
    async (request) => {
      await admitAddress(request.ip);
      return campaigns.publicSurvey(request.body.token);
    },
  );
  app.post(
    '/campaign-surveys/by-link/answers',
    { config: { permission: 'public' }, schema: { tags, body: CampaignAnswerBody, response: { 200: Ok } } },
    async (request) => {
      await admitAddress(request.ip);
      await campaigns.answerByToken(request.body);
      return { status: 'ok' as const };
    },
  );

  function admitAddress(ip: string) {
    return requestLimiter.admit(
      `campaign-survey:address:${ip}`,
      REQUESTS_PER_ADDRESS,
      HOUR,
      'Too many survey requests from this address; try again later',
    );
  }
}
