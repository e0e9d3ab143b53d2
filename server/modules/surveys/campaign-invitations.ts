import type { Kysely } from 'kysely';
import type { CampaignInvitationRow, CampaignRow, DB } from '../../db/schema.js';
import { hashSecret, newId, newSecret } from '../../platform/ids.js';
import type { CampaignMailer } from '../mail/campaign-mailer.js';
import * as repo from './campaigns.repository.js';

type Audience = { onlyUserIds?: string[]; excludeUserIds?: string[] };
export const localeOf = (locale: string | null): 'es' | 'en' => (locale === 'en' ? 'en' : 'es');

/**
 * The mail side of a campaign, shared by the desk's buttons and the schedule job so both invite
 * and remind the same way: one single-use token per person, stored only hashed, mailed in the
 * same transaction as the change (the outbox sends it after the commit).
 */
export class CampaignInvitations {
  constructor(private readonly mailer: CampaignMailer) {}

  /** Invites the campaign's audience (its organization's active people, narrowed by its filter); returns how many. */
  async invite(trx: Kysely<DB>, campaign: CampaignRow, at: Date): Promise<number> {
    const audience = JSON.parse(campaign.audience) as Audience;
    const people = (await repo.audienceOf(trx, campaign.organization_id)).filter(
      (person) =>
        (!audience.onlyUserIds || audience.onlyUserIds.includes(person.id)) &&
        !audience.excludeUserIds?.includes(person.id),
    );
    const organization = await repo.organizationName(trx, campaign.organization_id);
    const invitations: (CampaignInvitationRow & { token: string })[] = people.map((person) => {
      const token = newSecret();
      return {
        id: newId(at.getTime()),
        campaign_id: campaign.id,
        user_id: person.id,
        token,
        token_hash: hashSecret(token),
        locale: localeOf(person.locale),
        expires_at: campaign.closes_at,
        invited_at: at.toISOString(),
        reminded_at: null,
        answered_at: null,
      };
    });
    await repo.insertInvitations(
      trx,
      invitations.map(({ token: _token, ...row }) => row),
    );
    for (const [i, person] of people.entries())
      await this.mailer(
        trx,
        { email: person.email, name: person.name, locale: localeOf(person.locale) },
        {
          token: invitations[i]?.token ?? '',
          campaignName: campaign.name,
          organizationName: organization?.name ?? '',
          closesAt: campaign.closes_at,
          reminder: false,
        },
      );
    return invitations.length;
  }

  /**
   * Mails those who have not answered. Each reminder carries a fresh token (the first one is known
   * only as its hash, so it cannot be mailed again); the old link stops working. Returns how many.
   */
  async remindUnanswered(trx: Kysely<DB>, campaign: CampaignRow, at: Date): Promise<number> {
    const pending = await repo.unanswered(trx, campaign.id);
    const organization = await repo.organizationName(trx, campaign.organization_id);
    const people = new Map((await repo.audienceOf(trx, campaign.organization_id)).map((p) => [p.id, p]));
    let reminded = 0;
    for (const invitation of pending) {
      const person = people.get(invitation.user_id);
      if (!person) continue; // no longer active: no mail
      const token = newSecret();
      if (!(await repo.remind(trx, invitation.id, hashSecret(token), at.toISOString()))) continue;
      reminded += 1;
      await this.mailer(
        trx,
        { email: person.email, name: person.name, locale: localeOf(invitation.locale) },
        {
          token,
          campaignName: campaign.name,
          organizationName: organization?.name ?? '',
          closesAt: campaign.closes_at,
          reminder: true,
        },
      );
    }
    return reminded;
  }
}
