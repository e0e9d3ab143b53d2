import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Reads for a campaign's results: the campaign with its frozen version, its responses, its predecessor. */

/** A campaign with its organization's name and its frozen questionnaire; scoped to one organization when given. */
export function findCampaignWithVersion(db: Kysely<DB>, id: string, organizationId: string | undefined) {
  let query = db
    .selectFrom('campaigns')
    .innerJoin('organizations', 'organizations.id', 'campaigns.organization_id')
    .innerJoin('questionnaire_versions', 'questionnaire_versions.id', 'campaigns.questionnaire_version_id')
    .selectAll('campaigns')
    .select(['organizations.name as organization_name', 'questionnaire_versions.document'])
    .where('campaigns.id', '=', id);
  if (organizationId !== undefined) query = query.where('campaigns.organization_id', '=', organizationId);
  return query.executeTakeFirst();
}

/** The latest campaign of the organization closing before this one that has at least one response. */
export function previousWithResponses(db: Kysely<DB>, organizationId: string, closesAt: string, exceptId: string) {
  return db
    .selectFrom('campaigns')
    .innerJoin('questionnaire_versions', 'questionnaire_versions.id', 'campaigns.questionnaire_version_id')
    .select(['campaigns.id', 'campaigns.name', 'campaigns.closes_at', 'questionnaire_versions.document'])
    .where('campaigns.organization_id', '=', organizationId)
    .where('campaigns.closes_at', '<', closesAt)
    .where('campaigns.id', '<>', exceptId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('campaign_responses')
          .select('campaign_responses.id')
          .whereRef('campaign_responses.campaign_id', '=', 'campaigns.id'),
      ),
    )
    .orderBy('campaigns.closes_at', 'desc')
    .orderBy('campaigns.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The organization's closed campaigns, oldest first, each with its frozen questionnaire. */
export function closedCampaignsOf(db: Kysely<DB>, organizationId: string) {
  return db
    .selectFrom('campaigns')
    .innerJoin('questionnaire_versions', 'questionnaire_versions.id', 'campaigns.questionnaire_version_id')
    .select(['campaigns.id', 'campaigns.closes_at', 'questionnaire_versions.document'])
    .where('campaigns.organization_id', '=', organizationId)
    .where('campaigns.state', '=', 'closed')
    .orderBy('campaigns.closes_at')
    .orderBy('campaigns.id')
    .execute();
}

/** The responses of some campaigns, in the order they came. */
export function responsesOf(db: Kysely<DB>, campaignIds: string[]) {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('campaign_responses')
    .select(['id', 'campaign_id', 'profile', 'answers', 'created_at'])
    .where('campaign_id', 'in', campaignIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The organization's services by id: breakdown groups are named after them. */
export async function serviceNames(db: Kysely<DB>, organizationId: string) {
  const rows = await db
    .selectFrom('services')
    .select(['id', 'name'])
    .where('organization_id', '=', organizationId)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
