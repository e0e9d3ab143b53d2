import { type Static, Type } from 'typebox';
import { Id, ItemsOf, Nullable, Timestamp } from './common.js';
import { AnswersSchema, QuestionnaireSchema, SurveyLanguageSchema } from './surveys.js';

/** Survey campaigns: a frozen approved questionnaire version sent to an organization's people. */

/** draft → scheduled (opens by itself at opensAt) or open (now) → closed (by hand or at closesAt). */
export const CAMPAIGN_STATES = ['draft', 'scheduled', 'open', 'closed'] as const;
const IdList = Type.Array(Id, { maxItems: 5000, uniqueItems: true });

export const CampaignAudience = Type.Object(
  {
    /** Only these users (still: active people of the organization); all of them when absent. */
    onlyUserIds: Type.Optional(IdList),
    /** Leave these out. */
    excludeUserIds: Type.Optional(IdList),
  },
  { additionalProperties: false },
);

export const CreateCampaignBody = Type.Object(
  {
    organizationId: Id,
    /** An approved questionnaire version's id: the campaign keeps it, whatever is approved later. */
    questionnaireVersionId: Id,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    opensAt: Timestamp,
    closesAt: Timestamp,
    anonymous: Type.Boolean(),
    audience: Type.Optional(CampaignAudience),
    /** Remind those who have not answered this many days before the close; null: no automatic reminder. */
    reminderDaysBeforeClose: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 60 }))),
  },
  { additionalProperties: false },
);
export type CreateCampaignBody = Static<typeof CreateCampaignBody>;

export const ResponseRate = Type.Object({
  invited: Type.Integer(),
  answered: Type.Integer(),
  /** answered / invited, 0..1; 0 when nobody was invited. */
  rate: Type.Number(),
});
export type ResponseRate = Static<typeof ResponseRate>;

export const Campaign = Type.Object({
  id: Id,
  organizationId: Id,
  questionnaireVersionId: Id,
  name: Type.String(),
  opensAt: Timestamp,
  closesAt: Timestamp,
  anonymous: Type.Boolean(),
  state: Type.Enum(CAMPAIGN_STATES),
  audience: CampaignAudience,
  reminderDaysBeforeClose: Nullable(Type.Integer()),
  /** When the automatic reminder went out; null until then. */
  remindedAt: Nullable(Timestamp),
  createdById: Nullable(Id),
  createdAt: Timestamp,
  openedAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
  responseRate: ResponseRate,
});
export type Campaign = Static<typeof Campaign>;
export const CampaignList = ItemsOf(Campaign);

export const CampaignListQuery = Type.Object({ organizationId: Type.Optional(Id) }, { additionalProperties: false });

export const RemindResult = Type.Object({ reminded: Type.Integer() });

const CampaignToken = Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });
export const CampaignLinkBody = Type.Object({ token: CampaignToken }, { additionalProperties: false });
export const CampaignAnswerBody = Type.Object(
  { token: CampaignToken, answers: AnswersSchema },
  { additionalProperties: false },
);
export type CampaignAnswerBody = Static<typeof CampaignAnswerBody>;

/** What the mailed link opens, without signing in. */
export const PublicCampaignSurvey = Type.Object({
  state: Type.Enum(['pending', 'answered', 'expired'] as const),
  campaignName: Type.String(),
  organizationName: Type.String(),
  language: SurveyLanguageSchema,
  anonymous: Type.Boolean(),
  questionnaire: QuestionnaireSchema,
  expiresAt: Timestamp,
});
export type PublicCampaignSurvey = Static<typeof PublicCampaignSurvey>;

export const CampaignSuggestionQuery = Type.Object({ organizationId: Id }, { additionalProperties: false });
export type CampaignSuggestionQuery = Static<typeof CampaignSuggestionQuery>;

/** What the "new campaign" form starts from: the agreement's next campaign month, its latest approved questionnaire. */
export const CampaignSuggestion = Type.Object({
  opensAt: Timestamp,
  closesAt: Timestamp,
  /** The organization's most recently approved questionnaire version; null when none is approved. */
  questionnaireVersionId: Nullable(Id),
});
export type CampaignSuggestion = Static<typeof CampaignSuggestion>;
