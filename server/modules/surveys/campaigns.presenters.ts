import type { Campaign } from '../../../domain/contracts/campaigns.js';
import type { CampaignRow } from '../../db/schema.js';

type Audience = { onlyUserIds?: string[]; excludeUserIds?: string[] };

/** A campaign row as the API shows it, with its response rate (invited and answered invitations). */
export function present(row: CampaignRow, rate: { invited: number; answered: number } | undefined): Campaign {
  const invited = rate?.invited ?? 0;
  const answered = rate?.answered ?? 0;
  return {
    id: row.id,
    organizationId: row.organization_id,
    questionnaireVersionId: row.questionnaire_version_id,
    name: row.name,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    anonymous: row.anonymous === 1,
    state: row.state as Campaign['state'],
    audience: JSON.parse(row.audience) as Audience,
    reminderDaysBeforeClose: row.reminder_days_before_close,
    remindedAt: row.reminded_at,
    createdById: row.created_by_id,
    createdAt: row.created_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    responseRate: { invited, answered, rate: invited === 0 ? 0 : answered / invited },
  };
}
