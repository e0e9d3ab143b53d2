import type { CampaignResults, DimensionResult, NpsResult } from '../contracts/campaign-results.js';
import type { ResponseRate } from '../contracts/campaigns.js';
import { breakdownsOf } from './campaign-breakdowns.js';
import {
  npsQuestionOf,
  npsScoresOf,
  onlyQuestions,
  overallOf,
  presentChange,
  type ResultResponse,
  ratingBlock,
  ratingsOf,
} from './campaign-figures.js';
import { questionResults, textThemesOf } from './campaign-question-results.js';
import { type QuestionnaireDocument, questionsOf, SURVEY_DIMENSIONS, type SurveyDimension } from './questionnaire.js';
import { sharedQuestionIds } from './questionnaire-rules.js';
import {
  indexChange,
  MIN_GROUP_SIZE,
  npsChange,
  npsFigures,
  ratingsByDimension,
  topTwoBoxChange,
} from './survey-scores.js';

/**
 * A campaign's results from its frozen questionnaire and its responses: the figures of
 * survey-scores.ts put together as the contract says, each with its n, null (never 0 or NaN) where
 * there is nothing to count, and changes against the previous campaign computed on the questions
 * both versions share only. Pure, so the dashboard, the export and the analysis unit agree.
 */

export interface CampaignResultsInput {
  campaign: CampaignResults['campaign'];
  responseRate: ResponseRate;
  document: QuestionnaireDocument;
  responses: readonly ResultResponse[];
  previous: {
    id: string;
    name: string;
    closesAt: string;
    document: QuestionnaireDocument;
    responses: readonly ResultResponse[];
  } | null;
  serviceNames: ReadonlyMap<string, string>;
}

const answersOf = (responses: readonly ResultResponse[]) => responses.map((response) => response.answers);

function dimensionsOf(input: CampaignResultsInput, shared: ReadonlySet<string>): DimensionResult[] {
  const measured = new Set(
    questionsOf(input.document)
      .filter((question) => question.kind === 'rating' || question.kind === 'matrix')
      .flatMap((question) => (question.dimension ? [question.dimension] : [])),
  );
  const current = ratingsByDimension(input.document, answersOf(input.responses));
  // Changes stand on the shared questions' ratings only, on both sides.
  const sharedNow = input.previous
    ? ratingsByDimension(onlyQuestions(input.document, shared), answersOf(input.responses))
    : null;
  const sharedBefore = input.previous
    ? ratingsByDimension(onlyQuestions(input.previous.document, shared), answersOf(input.previous.responses))
    : null;
  return SURVEY_DIMENSIONS.filter((dimension) => measured.has(dimension)).map((dimension: SurveyDimension) => {
    const entry = current.get(dimension);
    const now = sharedNow?.get(dimension)?.ratings ?? [];
    const before = sharedBefore?.get(dimension)?.ratings ?? [];
    const comparable = now.length > 0 && before.length > 0;
    return {
      dimension,
      ...ratingBlock(entry?.ratings ?? [], entry?.respondents ?? 0),
      indexChange: comparable ? presentChange(indexChange(before, now)) : null,
      topTwoBoxChange: comparable ? presentChange(topTwoBoxChange(before, now)) : null,
    };
  });
}

function npsOf(input: CampaignResultsInput, shared: ReadonlySet<string>): NpsResult | null {
  const question = npsQuestionOf(input.document);
  if (!question) return null;
  const scores = npsScoresOf(question.id, input.responses);
  const figures = npsFigures(scores);
  const before = input.previous && shared.has(question.id) ? npsScoresOf(question.id, input.previous.responses) : [];
  return {
    questionId: question.id,
    n: figures.n,
    promoters: figures.promoters,
    passives: figures.passives,
    detractors: figures.detractors,
    nps: figures.n === 0 ? null : figures.nps,
    change: scores.length > 0 && before.length > 0 ? presentChange(npsChange(before, scores)) : null,
  };
}

/** Every rating of the shared questions, on both sides: what the overall change stands on. */
function overallChangesOf(input: CampaignResultsInput, shared: ReadonlySet<string>) {
  if (!input.previous) return { overallIndexChange: null, overallTopTwoBoxChange: null };
  const ratings = (document: QuestionnaireDocument, responses: readonly ResultResponse[]) =>
    responses.flatMap((response) => ratingsOf(onlyQuestions(document, shared), response.answers));
  const now = ratings(input.document, input.responses);
  const before = ratings(input.previous.document, input.previous.responses);
  const comparable = now.length > 0 && before.length > 0;
  return {
    overallIndexChange: comparable ? presentChange(indexChange(before, now)) : null,
    overallTopTwoBoxChange: comparable ? presentChange(topTwoBoxChange(before, now)) : null,
  };
}

export function campaignResults(input: CampaignResultsInput): CampaignResults {
  const sharedIds = input.previous ? sharedQuestionIds(input.document, input.previous.document) : [];
  const shared = new Set(sharedIds);
  const allIds = questionsOf(input.document).map((question) => question.id);
  const previousIds = input.previous ? questionsOf(input.previous.document).map((question) => question.id) : [];
  return {
    campaign: input.campaign,
    responseRate: input.responseRate,
    respondents: input.responses.length,
    overall: overallOf(input.document, input.responses),
    ...overallChangesOf(input, shared),
    dimensions: dimensionsOf(input, shared),
    nps: npsOf(input, shared),
    questions: questionResults(input.document, input.responses, shared),
    previous: input.previous
      ? {
          id: input.previous.id,
          name: input.previous.name,
          closesAt: input.previous.closesAt,
          respondents: input.previous.responses.length,
          sharedQuestionIds: sharedIds,
          // Same questions on both sides, nothing left out: the comparison is whole.
          partial: !(sharedIds.length === allIds.length && sharedIds.length === previousIds.length),
        }
      : null,
    breakdowns: breakdownsOf(input.document, input.responses, input.serviceNames),
    textThemes: textThemesOf(input.document, input.responses),
    minGroupSize: MIN_GROUP_SIZE,
  };
}
