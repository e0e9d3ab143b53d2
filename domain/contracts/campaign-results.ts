import { type Static, Type } from 'typebox';
import { QUESTION_KINDS, SURVEY_DIMENSIONS } from '../surveys/questionnaire.js';
import { ResponseRate } from './campaigns.js';
import { Id, Nullable, Timestamp } from './common.js';

/**
 * A campaign's results, as the dashboard, the export, the client's report and the analysis unit
 * read them. Every figure carries the n it stands on; a figure on no answers is null, never 0.
 */

const Localized = Type.Object({ es: Type.String(), en: Type.String() });

/** A change against the previous campaign of the same organization. */
export const ResultChange = Type.Object({
  /** Current minus previous, in the figure's own points (index, percentage or NPS points). */
  delta: Type.Number(),
  /** Welch's t (index, NPS) or the two-proportion z-test (top-2-box); null when it cannot be computed. */
  p: Nullable(Type.Number()),
  /** p < 0.05 and |delta| ≥ 5: the only changes the screen marks. */
  flagged: Type.Boolean(),
});
export type ResultChange = Static<typeof ResultChange>;

const RatingBlock = {
  /** Ratings counted ("not applicable" left out). */
  n: Type.Integer(),
  /** Respondents who gave at least one of those ratings. */
  respondents: Type.Integer(),
  mean: Nullable(Type.Number()),
  /** (mean − 1) / 4 × 100. */
  index: Nullable(Type.Number()),
  /** Share of 4s and 5s, percent. */
  topTwoBox: Nullable(Type.Number()),
};

export const DimensionResult = Type.Object({
  dimension: Type.Enum(SURVEY_DIMENSIONS),
  ...RatingBlock,
  /** Against the previous campaign, on the questions both versions share; null when there is none. */
  indexChange: Nullable(ResultChange),
  topTwoBoxChange: Nullable(ResultChange),
});
export type DimensionResult = Static<typeof DimensionResult>;

export const NpsResult = Type.Object({
  questionId: Type.String(),
  n: Type.Integer(),
  promoters: Type.Integer(),
  passives: Type.Integer(),
  detractors: Type.Integer(),
  nps: Nullable(Type.Number()),
  change: Nullable(ResultChange),
});
export type NpsResult = Static<typeof NpsResult>;

/** How many chose each value: 1–5 (and "na"), 0–10, an option id, or a matrix item's 1–5. */
export const ValueCount = Type.Object({
  value: Type.String(),
  /** The option's or item's label; absent for numbers. */
  label: Type.Optional(Localized),
  count: Type.Integer(),
});

export const QuestionResult = Type.Object({
  questionId: Type.String(),
  sectionId: Type.String(),
  kind: Type.Enum(QUESTION_KINDS),
  text: Localized,
  /** Respondents who answered it (shown and not left blank). */
  n: Type.Integer(),
  /** rating, nps, single, multiple: the distribution. Empty for matrix and text. */
  distribution: Type.Array(ValueCount),
  /** matrix: one distribution and one rating block per item. */
  items: Type.Array(
    Type.Object({ itemId: Type.String(), label: Localized, distribution: Type.Array(ValueCount), ...RatingBlock }),
  ),
  /** rating and matrix (all items together): index and top-2-box. */
  rating: Nullable(Type.Object(RatingBlock)),
  /** Whether the previous campaign's version has this question (so its change is comparable). */
  shared: Type.Boolean(),
});
export type QuestionResult = Static<typeof QuestionResult>;

export const BREAKDOWN_FIELDS = ['role', 'language', 'service'] as const;

/** One group of a breakdown: under 5 respondents its figures are withheld, never shown. */
export const BreakdownGroup = Type.Object({
  key: Type.String(),
  name: Type.String(),
  respondents: Type.Integer(),
  suppressed: Type.Boolean(),
  /** Null when suppressed. */
  index: Nullable(Type.Number()),
  topTwoBox: Nullable(Type.Number()),
  nps: Nullable(Type.Number()),
});
export type BreakdownGroup = Static<typeof BreakdownGroup>;

export const Breakdown = Type.Object({
  by: Type.Enum(BREAKDOWN_FIELDS),
  groups: Type.Array(BreakdownGroup),
});
export type Breakdown = Static<typeof Breakdown>;

export const TextThemes = Type.Object({
  questionId: Type.String(),
  text: Localized,
  /** Answers given to the question. */
  n: Type.Integer(),
  themes: Type.Array(Type.Object({ term: Type.String(), answers: Type.Integer(), quotes: Type.Array(Type.String()) })),
});
export type TextThemes = Static<typeof TextThemes>;

export const CampaignResults = Type.Object({
  campaign: Type.Object({
    id: Id,
    name: Type.String(),
    organizationId: Id,
    organizationName: Type.String(),
    state: Type.String(),
    anonymous: Type.Boolean(),
    opensAt: Timestamp,
    closesAt: Timestamp,
    questionnaireVersionId: Id,
  }),
  responseRate: ResponseRate,
  /** Responses received (equals responseRate.answered). */
  respondents: Type.Integer(),
  /** All ratings of the campaign together. */
  overall: Type.Object(RatingBlock),
  /** All ratings together against the previous campaign, on the shared questions only; null without one. */
  overallIndexChange: Nullable(ResultChange),
  overallTopTwoBoxChange: Nullable(ResultChange),
  dimensions: Type.Array(DimensionResult),
  nps: Nullable(NpsResult),
  questions: Type.Array(QuestionResult),
  /** The previous campaign of the organization that has responses; null for the first. */
  previous: Nullable(
    Type.Object({
      id: Id,
      name: Type.String(),
      closesAt: Timestamp,
      respondents: Type.Integer(),
      /** Ids of the questions both versions have: changes are computed on these only. */
      sharedQuestionIds: Type.Array(Type.String()),
      /** True when the versions differ, so the screen says the comparison covers shared questions only. */
      partial: Type.Boolean(),
    }),
  ),
  breakdowns: Type.Array(Breakdown),
  textThemes: Type.Array(TextThemes),
  /** Groups under this many respondents are suppressed in breakdowns. */
  minGroupSize: Type.Integer(),
});
export type CampaignResults = Static<typeof CampaignResults>;

export const CAMPAIGN_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const CampaignExportQuery = Type.Object(
  { format: Type.Enum(CAMPAIGN_EXPORT_FORMATS) },
  { additionalProperties: false },
);
