import type { Kysely } from 'kysely';
import type { CampaignResults } from '../../../domain/contracts/campaign-results.js';
import { responsesTable, summaryTable, toCsv } from '../../../domain/surveys/campaign-export.js';
import {
  headlineFigures,
  type ResponseProfile,
  type ResultResponse,
} from '../../../domain/surveys/campaign-figures.js';
import { campaignResults } from '../../../domain/surveys/campaign-results.js';
import type { QuestionnaireDocument } from '../../../domain/surveys/questionnaire.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/request-context.js';
import { campaignScopeOf } from './campaign-access.js';
import * as repo from './campaign-results.repository.js';
import { toXlsx, XLSX_TYPE } from './campaign-results.xlsx.js';
import { rates } from './campaigns.repository.js';

type ResponseRow = Awaited<ReturnType<typeof repo.responsesOf>>[number];

const parseResponse = (row: ResponseRow): ResultResponse => ({
  id: row.id,
  createdAt: row.created_at,
  profile: JSON.parse(row.profile) as ResponseProfile,
  answers: JSON.parse(row.answers) as ResultResponse['answers'],
});

const documentOf = (json: string) => JSON.parse(json) as QuestionnaireDocument;

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

/**
 * A campaign's results: what the dashboard, the client's report and the downloads read. The desk
 * reads any campaign's; a client manager only their organization's, and anyone else is told the
 * campaign does not exist (the scope is in the query).
 */
export class CampaignResultsService {
  constructor(private readonly db: Kysely<DB>) {}

  async results(ctx: RequestContext, id: string): Promise<CampaignResults> {
    const { results } = await this.load(ctx, id);
    return results;
  }

  async export(ctx: RequestContext, id: string, format: 'csv' | 'xlsx'): Promise<ExportFile> {
    const { results, document, responses, serviceNames } = await this.load(ctx, id);
    const table = responsesTable(document, responses, serviceNames);
    const fileName = `campaign-${id}.${format}`;
    if (format === 'csv') return { fileName, contentType: 'text/csv; charset=utf-8', body: toCsv(table) };
    return { fileName, contentType: XLSX_TYPE, body: await toXlsx(table, summaryTable(results)) };
  }

  /**
   * Per closed campaign of an organization, oldest first: when it closed, how many answered, the
   * overall index and top-2-box and the NPS (null on no data). For the analysis unit's series; the
   * caller has already checked who may see them.
   */
  async campaignIndexes(organizationId: string) {
    const campaigns = await repo.closedCampaignsOf(this.db, organizationId);
    const responses = (
      await repo.responsesOf(
        this.db,
        campaigns.map((campaign) => campaign.id),
      )
    ).map((row) => ({ campaignId: row.campaign_id, response: parseResponse(row) }));
    return campaigns.map((campaign) => ({
      campaignId: campaign.id,
      closesAt: campaign.closes_at,
      ...headlineFigures(
        documentOf(campaign.document),
        responses.filter((entry) => entry.campaignId === campaign.id).map((entry) => entry.response),
      ),
    }));
  }

  private async load(ctx: RequestContext, id: string) {
    const scope = campaignScopeOf(ctx);
    const row = scope ? await repo.findCampaignWithVersion(this.db, id, scope.organizationId) : undefined;
    if (!row) throw notFound('Campaign');
    const previous = await repo.previousWithResponses(this.db, row.organization_id, row.closes_at, row.id);
    const rows = await repo.responsesOf(this.db, previous ? [row.id, previous.id] : [row.id]);
    const of = (campaignId: string) => rows.filter((r) => r.campaign_id === campaignId).map(parseResponse);
    const rate = (await rates(this.db, [row.id])).get(row.id) ?? { invited: 0, answered: 0 };
    const serviceNames = await repo.serviceNames(this.db, row.organization_id);
    const document = documentOf(row.document);
    const responses = of(row.id);
    const results = campaignResults({
      campaign: {
        id: row.id,
        name: row.name,
        organizationId: row.organization_id,
        organizationName: row.organization_name,
        state: row.state,
        anonymous: row.anonymous === 1,
        opensAt: row.opens_at,
        closesAt: row.closes_at,
        questionnaireVersionId: row.questionnaire_version_id,
      },
      responseRate: { ...rate, rate: rate.invited === 0 ? 0 : rate.answered / rate.invited },
      document,
      responses,
      previous: previous
        ? {
            id: previous.id,
            name: previous.name,
            closesAt: previous.closes_at,
            document: documentOf(previous.document),
            responses: of(previous.id),
          }
        : null,
      serviceNames,
    });
    return { results, document, responses, serviceNames };
  }
}
