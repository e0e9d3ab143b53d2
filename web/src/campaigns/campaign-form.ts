import type { Campaign, CreateCampaignBody } from '../../../domain/contracts/campaigns.js';
import type { Questionnaire } from '../../../domain/contracts/questionnaires.js';

/** The pure parts of the campaign screens: the form's draft, its checks, and what each state allows. */

export type AudienceMode = 'all' | 'only' | 'exclude';

export interface CampaignDraft {
  organizationId: string | null;
  questionnaireVersionId: string | null;
  name: string;
  /** As a datetime-local input holds it: the viewer's wall-clock time, "2027-03-01T09:00". */
  opensAt: string;
  closesAt: string;
  anonymous: boolean;
  /** Empty: no automatic reminder. */
  reminderDaysBeforeClose: string;
  audienceMode: AudienceMode;
  userIds: string[];
}

export const emptyDraft = (): CampaignDraft => ({
  organizationId: null,
  questionnaireVersionId: null,
  name: '',
  opensAt: '',
  closesAt: '',
  anonymous: true,
  reminderDaysBeforeClose: '',
  audienceMode: 'all',
  userIds: [],
});

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a datetime-local input shows it, in the viewer's zone. */
export function localInputValue(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** What a datetime-local input holds (the viewer's wall clock) as an instant; null when not a date. */
export function instantOf(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export type DraftIssue = 'required' | 'notADate' | 'closesBeforeOpens' | 'reminderRange' | 'pickPeople';

/** The form's own checks, by the field the server would name; the server checks again. */
export function draftIssues(draft: CampaignDraft): Partial<Record<keyof CreateCampaignBody | 'audience', DraftIssue>> {
  const issues: Partial<Record<keyof CreateCampaignBody | 'audience', DraftIssue>> = {};
  if (!draft.organizationId) issues.organizationId = 'required';
  if (!draft.questionnaireVersionId) issues.questionnaireVersionId = 'required';
  if (draft.name.trim() === '') issues.name = 'required';
  const opens = instantOf(draft.opensAt);
  const closes = instantOf(draft.closesAt);
  if (draft.opensAt === '') issues.opensAt = 'required';
  else if (!opens) issues.opensAt = 'notADate';
  if (draft.closesAt === '') issues.closesAt = 'required';
  else if (!closes) issues.closesAt = 'notADate';
  else if (opens && Date.parse(closes) <= Date.parse(opens)) issues.closesAt = 'closesBeforeOpens';
  const days = draft.reminderDaysBeforeClose.trim();
  if (days !== '' && !(/^\d+$/.test(days) && Number(days) >= 1 && Number(days) <= 60))
    issues.reminderDaysBeforeClose = 'reminderRange';
  if (draft.audienceMode === 'only' && draft.userIds.length === 0) issues.audience = 'pickPeople';
  return issues;
}

/** The body the server takes; call once draftIssues found nothing. */
export function campaignBody(draft: CampaignDraft): CreateCampaignBody {
  const days = draft.reminderDaysBeforeClose.trim();
  const body: CreateCampaignBody = {
    organizationId: draft.organizationId ?? '',
    questionnaireVersionId: draft.questionnaireVersionId ?? '',
    name: draft.name.trim(),
    opensAt: instantOf(draft.opensAt) ?? '',
    closesAt: instantOf(draft.closesAt) ?? '',
    anonymous: draft.anonymous,
    reminderDaysBeforeClose: days === '' ? null : Number(days),
  };
  if (draft.audienceMode === 'only') body.audience = { onlyUserIds: draft.userIds };
  else if (draft.audienceMode === 'exclude' && draft.userIds.length > 0)
    body.audience = { excludeUserIds: draft.userIds };
  return body;
}

export interface VersionOption {
  value: string;
  label: string;
}

/** The approved versions an organization's campaign can freeze: only approved, never drafts or superseded. */
export function approvedVersions(
  questionnaires: readonly Questionnaire[],
  organizationId: string | null,
  labelOf: (title: string, number: number) => string,
): VersionOption[] {
  return questionnaires
    .filter((q) => q.organizationId === organizationId)
    .flatMap((q) =>
      q.versions.filter((v) => v.state === 'approved').map((v) => ({ value: v.id, label: labelOf(q.title, v.number) })),
    );
}

/** Where a frozen version lives in the questionnaires, to link to it; null when not among those read. */
export function versionPlace(
  questionnaires: readonly Questionnaire[],
  versionId: string,
): { questionnaireId: string; title: string; number: number } | null {
  for (const q of questionnaires) {
    const version = q.versions.find((v) => v.id === versionId);
    if (version) return { questionnaireId: q.id, title: q.title, number: version.number };
  }
  return null;
}

export type CampaignAction = 'open' | 'schedule' | 'remind' | 'close';

/** What the desk can do with a campaign in each state (the server refuses the rest anyway). */
export function actionsFor(state: Campaign['state']): CampaignAction[] {
  switch (state) {
    case 'draft':
      return ['open', 'schedule'];
    case 'scheduled':
      return ['open'];
    case 'open':
      return ['remind', 'close'];
    case 'closed':
      return [];
  }
}

/** The response rate as a whole percentage for the bar (0 when nobody was invited). */
export const ratePercent = (rate: Campaign['responseRate']) =>
  rate.invited === 0 ? 0 : Math.round((rate.answered / rate.invited) * 100);
