import type { QuestionResult, TextThemes } from '../contracts/campaign-results.js';
import type { Answer } from './answers.js';
import { type ResultResponse, ratingBlock } from './campaign-figures.js';
import {
  NOT_APPLICABLE,
  NPS_SCALE,
  type Question,
  type QuestionnaireDocument,
  RATING_SCALE,
  valuesOf,
} from './questionnaire.js';
import { textThemes } from './text-themes.js';

/**
 * Each question's answers counted: how many answered it, and how the answers spread over the values
 * it offers (1–5 and "na", 0–10, options, a matrix's items), every value listed even when nobody
 * chose it so charts keep their axis.
 */

type ValueCount = QuestionResult['distribution'][number];

const isGiven = (answer: Answer | undefined): answer is Answer =>
  answer !== undefined &&
  !(typeof answer === 'string' && answer.trim() === '') &&
  !(Array.isArray(answer) && answer.length === 0) &&
  !(typeof answer === 'object' && !Array.isArray(answer) && Object.keys(answer).length === 0);

const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

const ratingValues = (question: Question) => [
  ...numbers(RATING_SCALE.min, RATING_SCALE.max),
  ...(question.notApplicable ? [NOT_APPLICABLE] : []),
];

/** How often each value was given; `values` fixes the order and keeps the zeros. */
function countValues(values: readonly string[], given: readonly string[], question?: Question): ValueCount[] {
  const labels = new Map((question?.options ?? []).map((option) => [option.id, option.label]));
  return values.map((value) => {
    const label = labels.get(value);
    return { value, ...(label ? { label } : {}), count: given.filter((answer) => answer === value).length };
  });
}

function ratingsOfAnswers(answers: readonly Answer[]) {
  const ratings = answers.filter((answer): answer is number => typeof answer === 'number');
  return ratings;
}

function questionResult(
  sectionId: string,
  question: Question,
  responses: readonly ResultResponse[],
  shared: ReadonlySet<string>,
): QuestionResult {
  const given = responses.map((response) => response.answers[question.id]).filter(isGiven);
  const base = {
    questionId: question.id,
    sectionId,
    kind: question.kind,
    text: question.text,
    n: given.length,
    distribution: [] as ValueCount[],
    items: [] as QuestionResult['items'],
    rating: null as QuestionResult['rating'],
    shared: shared.has(question.id),
  };
  switch (question.kind) {
    case 'rating': {
      const ratings = ratingsOfAnswers(given);
      return {
        ...base,
        distribution: countValues(ratingValues(question), given.map(String)),
        rating: ratingBlock(ratings, ratings.length),
      };
    }
    case 'nps':
      return { ...base, distribution: countValues(numbers(NPS_SCALE.min, NPS_SCALE.max), given.map(String)) };
    case 'single':
    case 'multiple':
      return {
        ...base,
        distribution: countValues(
          valuesOf(question) ?? [],
          given.flatMap((answer) => (Array.isArray(answer) ? answer : [String(answer)])),
          question,
        ),
      };
    case 'matrix': {
      const grids = given.filter(
        (answer): answer is Record<string, number | 'na'> => typeof answer === 'object' && !Array.isArray(answer),
      );
      const items = (question.options ?? []).map((item) => {
        const answers = grids.map((grid) => grid[item.id]).filter((value) => value !== undefined);
        const ratings = ratingsOfAnswers(answers);
        return {
          itemId: item.id,
          label: item.label,
          distribution: countValues(ratingValues(question), answers.map(String)),
          ...ratingBlock(ratings, ratings.length),
        };
      });
      const perRespondent = grids.map((grid) => ratingsOfAnswers(Object.values(grid)));
      return {
        ...base,
        items,
        rating: ratingBlock(perRespondent.flat(), perRespondent.filter((ratings) => ratings.length > 0).length),
      };
    }
    case 'text':
      return base;
  }
}

export function questionResults(
  document: QuestionnaireDocument,
  responses: readonly ResultResponse[],
  shared: ReadonlySet<string>,
): QuestionResult[] {
  return document.sections.flatMap((section) =>
    section.questions.map((question) => questionResult(section.id, question, responses, shared)),
  );
}

/** The recurring terms of each free-text question's answers. */
export function textThemesOf(document: QuestionnaireDocument, responses: readonly ResultResponse[]): TextThemes[] {
  return document.sections
    .flatMap((section) => section.questions)
    .filter((question) => question.kind === 'text')
    .map((question) => {
      const texts = responses
        .map((response) => response.answers[question.id])
        .filter((answer): answer is string => typeof answer === 'string' && answer.trim() !== '');
      return { questionId: question.id, text: question.text, n: texts.length, themes: textThemes(texts) };
    });
}
