import type { CampaignResults, ResultChange } from '../contracts/campaign-results.js';
import type { Answers } from './answers.js';
import { type QuestionnaireDocument, questionsOf } from './questionnaire.js';
import { type Change, npsFigures, ratingFigures } from './survey-scores.js';

/**
 * The building blocks of a campaign's figures, each null (never 0 or NaN) where there is nothing
 * to count: a rating block, the NPS, a change as the contract carries it.
 */

/** What a response keeps about its author: grouped fields only, never who. */
export interface ResponseProfile {
  organizationId?: string;
  role?: string;
  /** The invitation's language. */
  language?: string;
  /** Services of the tickets the person raised in the 12 months before answering; absent on older responses. */
  services?: string[];
}

export interface ResultResponse {
  id: string;
  createdAt: string;
  profile: ResponseProfile;
  answers: Answers;
}

export type RatingBlock = CampaignResults['overall'];

/** The figures of some 1–5 ratings, null when there are none. */
export function ratingBlock(ratings: readonly number[], respondents: number): RatingBlock {
  if (ratings.length === 0) return { n: 0, respondents, mean: null, index: null, topTwoBox: null };
  const figures = ratingFigures(ratings);
  return { n: figures.n, respondents, mean: figures.mean, index: figures.index, topTwoBox: figures.topTwoBox };
}

/** Every 1–5 rating of one response, from rating questions and matrix items ("not applicable" left out). */
export function ratingsOf(document: QuestionnaireDocument, answers: Answers): number[] {
  return questionsOf(document)
    .filter((question) => question.kind === 'rating' || question.kind === 'matrix')
    .flatMap((question) => {
      const given = answers[question.id];
      if (given === undefined) return [];
      const values = typeof given === 'object' && !Array.isArray(given) ? Object.values(given) : [given];
      return values.filter((value): value is number => typeof value === 'number');
    });
}

/** All ratings of some responses together, with how many respondents gave at least one. */
export function overallOf(document: QuestionnaireDocument, responses: readonly ResultResponse[]): RatingBlock {
  const each = responses.map((response) => ratingsOf(document, response.answers));
  return ratingBlock(each.flat(), each.filter((ratings) => ratings.length > 0).length);
}

/** The first 0–10 question: the one the NPS is read from. */
export const npsQuestionOf = (document: QuestionnaireDocument) =>
  questionsOf(document).find((question) => question.kind === 'nps');

export function npsScoresOf(questionId: string, responses: readonly ResultResponse[]): number[] {
  return responses
    .map((response) => response.answers[questionId])
    .filter((score): score is number => typeof score === 'number');
}

/** The NPS of some responses; null when nobody gave a 0–10. */
export function npsValueOf(document: QuestionnaireDocument, responses: readonly ResultResponse[]): number | null {
  const question = npsQuestionOf(document);
  const scores = question ? npsScoresOf(question.id, responses) : [];
  return scores.length === 0 ? null : npsFigures(scores).nps;
}

/** A change as the contract carries it; null when one side has nothing to compare. */
export function presentChange(change: Change): ResultChange | null {
  if (!Number.isFinite(change.delta)) return null;
  return { delta: change.delta, p: Number.isFinite(change.p) ? change.p : null, flagged: change.flagged };
}

/** The document with only the given questions (sections kept, possibly empty). */
export function onlyQuestions(document: QuestionnaireDocument, ids: ReadonlySet<string>): QuestionnaireDocument {
  return {
    sections: document.sections.map((section) => ({
      ...section,
      questions: section.questions.filter((question) => ids.has(question.id)),
    })),
  };
}

/** A campaign's headline figures, for the analysis unit's series across campaigns. */
export function headlineFigures(document: QuestionnaireDocument, responses: readonly ResultResponse[]) {
  const overall = overallOf(document, responses);
  return {
    respondents: responses.length,
    index: overall.index,
    topTwoBox: overall.topTwoBox,
    nps: npsValueOf(document, responses),
  };
}
