import type { Kysely } from 'kysely';
import type { ResponseProfile } from '../../../domain/surveys/campaign-figures.js';
import type { CampaignInvitationRow, CampaignRow, DB } from '../../db/schema.js';
import * as repo from './campaigns.repository.js';

const YEAR = 365 * 86_400_000;

/**
 * What a campaign response keeps about its author, taken at answer time: grouped fields only (the
 * organization, the role, the invitation's language, the services of the tickets they raised in
 * the 12 months before answering), never an id, an address or a name, so the results break down by
 * these even in anonymous mode.
 */
export async function profileOf(
  db: Kysely<DB>,
  invitation: CampaignInvitationRow,
  campaign: CampaignRow,
  now: Date,
): Promise<Required<ResponseProfile>> {
  return {
    organizationId: campaign.organization_id,
    role: (await repo.isClientManager(db, invitation.user_id)) ? 'client_manager' : 'requester',
    language: invitation.locale === 'en' ? 'en' : 'es',
    services: await repo.servicesRequestedBy(
      db,
      invitation.user_id,
      new Date(now.getTime() - YEAR).toISOString(),
      now.toISOString(),
    ),
  };
}
