import type { Answers, RatingAnswer } from './answers.js';
import { type Question, type QuestionnaireDocument, questionsOf, type SurveyDimension } from './questionnaire.js';
import { sampleOf, twoProportionZTest, welchTTest } from './statistics.js';

/**
 * The figures of a survey's results, each with the n it stands on: a 0–100 index and the top-2-box
 * of 1–5 ratings, NPS from 0–10 answers, per dimension, and whether a change between two campaigns
 * is worth a flag. Pure, so the results screen, the report and the analysis unit agree.
 */

/** A 1–5 mean as a 0–100 index: (mean − 1) / 4 × 100. */
export const ratingIndex = (mean: number) => ((mean - 1) / 4) * 100;

export interface RatingFigures {
  /** Ratings given ("not applicable" left out). */
  n: number;
  mean: number;
  index: number;
  /** Share of 4s and 5s, in percent. */
  topTwoBox: number;
}

export function ratingFigures(ratings: readonly number[]): RatingFigures {
  const { n, mean } = sampleOf(ratings);
  return { n, mean, index: ratingIndex(mean), topTwoBox: n === 0 ? Number.NaN : (100 * topTwoCount(ratings)) / n };
}

const topTwoCount = (ratings: readonly number[]) => ratings.filter((rating) => rating >= 4).length;

/** Each 0–10 answer as a promoter (+100), passive (0) or detractor (−100): their mean is the NPS. */
const npsPoints = (scores: readonly number[]): number[] =>
  scores.map((score) => (score >= 9 ? 100 : score <= 6 ? -100 : 0));

export interface NpsFigures {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters − % detractors, from −100 to 100. */
  nps: number;
}

export function npsFigures(scores: readonly number[]): NpsFigures {
  const points = npsPoints(scores);
  const count = (value: number) => points.filter((point) => point === value).length;
  const n = scores.length;
  return {
    n,
    promoters: count(100),
    passives: count(0),
    detractors: count(-100),
    nps: n === 0 ? Number.NaN : points.reduce((sum: number, point) => sum + point, 0) / n,
  };
}

/** The smallest change worth a flag, in index, percentage or NPS points, besides being significant. */
export const MIN_FLAGGED_CHANGE = 5;
export const SIGNIFICANCE = 0.05;

export interface Change {
  /** Current minus previous, in the figure's own points. */
  delta: number;
  p: number;
  /** Significant at p < 0.05 and at least 5 points: the only changes the screen marks. */
  flagged: boolean;
}

const change = (delta: number, p: number): Change => ({
  delta,
  p,
  flagged: Number.isFinite(p) && p < SIGNIFICANCE && Math.abs(delta) >= MIN_FLAGGED_CHANGE,
});

/** The index between two campaigns' ratings: Welch's t on the ratings (the index is linear in the mean). */
export function indexChange(previous: readonly number[], current: readonly number[]): Change {
  const before = sampleOf(previous);
  const now = sampleOf(current);
  return change(ratingIndex(now.mean) - ratingIndex(before.mean), welchTTest(before, now).p);
}

/** The top-2-box between two campaigns: a two-proportion z-test. */
export function topTwoBoxChange(previous: readonly number[], current: readonly number[]): Change {
  const { p } = twoProportionZTest(topTwoCount(previous), previous.length, topTwoCount(current), current.length);
  return change(ratingFigures(current).topTwoBox - ratingFigures(previous).topTwoBox, p);
}

/** NPS between two campaigns: Welch's t on each respondent's +100 / 0 / −100. */
export function npsChange(previous: readonly number[], current: readonly number[]): Change {
  const { p } = welchTTest(sampleOf(npsPoints(previous)), sampleOf(npsPoints(current)));
  return change(npsFigures(current).nps - npsFigures(previous).nps, p);
}

/** Breakdowns show no group of fewer respondents than this, so no one is recognized by their answers. */
export const MIN_GROUP_SIZE = 5;

export type Suppressed<T> = { group: string; respondents: number } & (
  | { suppressed: false; figures: T }
  | { suppressed: true }
);

/** Groups under the minimum size keep their name and count but lose their figures. */
export function suppressSmallGroups<T>(
  groups: ReadonlyArray<{ group: string; respondents: number; figures: T }>,
  minimum = MIN_GROUP_SIZE,
): Suppressed<T>[] {
  return groups.map(({ group, respondents, figures }) =>
    respondents < minimum
      ? { group, respondents, suppressed: true }
      : { group, respondents, suppressed: false, figures },
  );
}

/** The 1–5 ratings a response gives toward each dimension: rating questions and every matrix item. */
export function ratingsByDimension(
  document: QuestionnaireDocument,
  responses: readonly Answers[],
): Map<SurveyDimension, { ratings: number[]; respondents: number }> {
  const measured = questionsOf(document).filter(
    (question): question is Question & { dimension: SurveyDimension } =>
      question.dimension !== undefined && (question.kind === 'rating' || question.kind === 'matrix'),
  );
  const result = new Map<SurveyDimension, { ratings: number[]; respondents: number }>();
  for (const answers of responses) {
    const counted = new Set<SurveyDimension>();
    for (const question of measured) {
      const ratings = ratingsIn(answers[question.id] as RatingAnswer | Record<string, RatingAnswer> | undefined);
      if (ratings.length === 0) continue;
      const entry = result.get(question.dimension) ?? { ratings: [], respondents: 0 };
      entry.ratings.push(...ratings);
      if (!counted.has(question.dimension)) entry.respondents++;
      counted.add(question.dimension);
      result.set(question.dimension, entry);
    }
  }
  return result;
}

const ratingsIn = (answer: RatingAnswer | Record<string, RatingAnswer> | undefined): number[] => {
  if (answer === undefined) return [];
  const values = typeof answer === 'object' ? Object.values(answer) : [answer];
  return values.filter((value): value is number => typeof value === 'number');
};
