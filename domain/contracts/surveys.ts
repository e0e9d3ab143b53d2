import { type Static, Type } from 'typebox';
import {
  ID_PATTERN,
  NOT_APPLICABLE,
  QUESTION_KINDS,
  QUESTIONNAIRE_LIMITS,
  SURVEY_DIMENSIONS,
  SURVEY_LANGUAGES,
} from '../surveys/questionnaire.js';
import { Id, MONTH_PATTERN, Nullable, Timestamp } from './common.js';
import { TicketTypeSchema } from './tickets.js';

/** Satisfaction surveys: the questionnaire document, each agreement's survey after a ticket, the answers. */

const Key = Type.String({ pattern: ID_PATTERN.source, description: 'lower-case letters, digits and _' });
const Text = Type.String({ maxLength: QUESTIONNAIRE_LIMITS.textLength });
const Localized = Type.Object({ es: Text, en: Text }, { additionalProperties: false });

const Choice = Type.Object({ id: Key, label: Localized }, { additionalProperties: false });

export const QuestionSchema = Type.Object(
  {
    id: Key,
    kind: Type.Enum(QUESTION_KINDS, {
      description: 'rating 1–5, nps 0–10, single or multiple choice, matrix (items on 1–5), free text',
    }),
    text: Localized,
    help: Type.Optional(Localized),
    required: Type.Boolean(),
    notApplicable: Type.Optional(Type.Boolean({ description: 'rating and matrix: offer "not applicable"' })),
    options: Type.Optional(
      Type.Array(Choice, { maxItems: QUESTIONNAIRE_LIMITS.options, description: 'The choices, or a matrix’s items' }),
    ),
    dimension: Type.Optional(Type.Enum(SURVEY_DIMENSIONS)),
    showIf: Type.Optional(
      Type.Object(
        {
          questionId: Key,
          anyOf: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: QUESTIONNAIRE_LIMITS.options }),
        },
        { additionalProperties: false, description: 'Shown only when that earlier question got one of these values' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const QuestionnaireSchema = Type.Object(
  {
    sections: Type.Array(
      Type.Object(
        {
          id: Key,
          title: Localized,
          questions: Type.Array(QuestionSchema, { maxItems: QUESTIONNAIRE_LIMITS.questions }),
        },
        { additionalProperties: false },
      ),
      { maxItems: QUESTIONNAIRE_LIMITS.sections },
    ),
  },
  { additionalProperties: false },
);

const Rating = Type.Union([Type.Integer(), Type.Literal(NOT_APPLICABLE)]);
export const AnswerSchema = Type.Union([
  Rating,
  Type.String({ maxLength: QUESTIONNAIRE_LIMITS.answerLength }),
  Type.Array(Key, { maxItems: QUESTIONNAIRE_LIMITS.options }),
  Type.Record(Type.String({ maxLength: 40 }), Rating),
]);
export const AnswersSchema = Type.Record(Type.String({ maxLength: 40 }), AnswerSchema, {
  description: 'Question id → answer: a number, "na", an option id, option ids, { item: rating } or text',
});

export const SurveyLanguageSchema = Type.Enum(SURVEY_LANGUAGES);

export const TicketSurveySettings = Type.Object({
  agreementId: Id,
  enabled: Type.Boolean(),
  ticketTypes: Type.Array(TicketTypeSchema),
  questionnaire: QuestionnaireSchema,
  askAgainAfterReopen: Type.Boolean(),
  lowRating: Type.Integer({ minimum: 1, maximum: 4, description: 'A rating at or below this alerts the lead' }),
  campaignMonths: Type.Array(Type.Integer(), {
    description: "Months (1–12) the organization's survey campaigns go out",
  }),
  version: Type.Integer(),
  updatedAt: Nullable(Timestamp),
});

export const PutTicketSurveySettingsBody = Type.Object(
  {
    enabled: Type.Boolean(),
    ticketTypes: Type.Array(TicketTypeSchema, { uniqueItems: true }),
    questionnaire: QuestionnaireSchema,
    askAgainAfterReopen: Type.Boolean(),
    lowRating: Type.Integer({ minimum: 1, maximum: 4 }),
    /** Kept as it was when absent. */
    campaignMonths: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 12 }), { minItems: 1, maxItems: 12, uniqueItems: true }),
    ),
    version: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'The version you read (0: the defaults, never saved); 409 if changed since',
      }),
    ),
  },
  { additionalProperties: false },
);

export const SATISFACTION_STATES = ['not_asked', 'pending', 'answered', 'expired'] as const;

/** A ticket's latest satisfaction survey, as its requester and the desk see it. */
export const TicketSatisfaction = Type.Object({
  state: Type.Enum(SATISFACTION_STATES),
  survey: Nullable(
    Type.Object({
      id: Id,
      questionnaire: QuestionnaireSchema,
      resolvedAt: Timestamp,
      expiresAt: Timestamp,
      answeredAt: Nullable(Timestamp),
      answers: Nullable(AnswersSchema),
      rating: Nullable(Type.Integer()),
      comment: Nullable(Type.String()),
      low: Type.Boolean({ description: 'Rated at or below the agreement’s low mark' }),
    }),
  ),
});

export const AnswerSurveyBody = Type.Object({ answers: AnswersSchema }, { additionalProperties: false });

// A link's secret travels in request bodies, never in a URL, so it stays out of access logs.
const SurveyToken = Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });
export const SurveyLinkBody = Type.Object({ token: SurveyToken }, { additionalProperties: false });
export const AnswerByLinkBody = Type.Object(
  { token: SurveyToken, answers: AnswersSchema },
  { additionalProperties: false },
);

/** What the mailed link opens, without signing in: the ticket named, the questions, nothing else. */
export const PublicSurvey = Type.Object({
  state: Type.Enum(['pending', 'answered', 'expired'] as const),
  ticketNumber: Type.String(),
  subject: Type.String(),
  language: SurveyLanguageSchema,
  questionnaire: QuestionnaireSchema,
  expiresAt: Timestamp,
});

export const FollowUpBody = Type.Object(
  {
    note: Type.String({
      minLength: 1,
      maxLength: 4000,
      description: 'What was agreed with the requester after a low rating (closing the loop)',
    }),
  },
  { additionalProperties: false },
);

export const SATISFACTION_DIMENSIONS = ['agent', 'group', 'organization', 'service', 'channel'] as const;

export const SatisfactionQuery = Type.Object(
  {
    by: Type.Enum(SATISFACTION_DIMENSIONS),
    month: Type.Optional(
      Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM, read in `zone`; this month by default' }),
    ),
    organizationId: Type.Optional(Id),
    zone: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: "IANA zone the month is the viewer's in; UTC by default",
      }),
    ),
  },
  { additionalProperties: false },
);

const Figures = {
  answered: Type.Integer({ description: 'n: surveys answered with a rating' }),
  mean: Nullable(Type.Number()),
  index: Nullable(Type.Number({ description: '(mean − 1) / 4 × 100' })),
  topTwoBox: Nullable(Type.Number({ description: 'Share of 4 and 5, percent' })),
  low: Type.Integer({ description: 'Ratings at or below the agreement’s low mark' }),
};

export const SatisfactionFigures = Type.Object({
  month: Type.String(),
  sent: Type.Integer({ description: 'Surveys asked in the month' }),
  total: Type.Object(Figures),
  items: Type.Array(Type.Object({ key: Nullable(Type.String()), name: Type.String(), ...Figures })),
});

export type QuestionnaireBody = Static<typeof QuestionnaireSchema>;
export type TicketSurveySettings = Static<typeof TicketSurveySettings>;
export type PutTicketSurveySettingsBody = Static<typeof PutTicketSurveySettingsBody>;
export type TicketSatisfaction = Static<typeof TicketSatisfaction>;
export type AnswerSurveyBody = Static<typeof AnswerSurveyBody>;
export type AnswerByLinkBody = Static<typeof AnswerByLinkBody>;
export type PublicSurvey = Static<typeof PublicSurvey>;
export type FollowUpBody = Static<typeof FollowUpBody>;
export type SatisfactionQuery = Static<typeof SatisfactionQuery>;
export type SatisfactionFigures = Static<typeof SatisfactionFigures>;
