import type { FieldError } from '../field-error.js';
import {
  NOT_APPLICABLE,
  NPS_SCALE,
  QUESTIONNAIRE_LIMITS,
  type Question,
  type QuestionnaireDocument,
  questionsOf,
  RATING_SCALE,
} from './questionnaire.js';

/** A rating: 1–5, or "na" where the question offers it. */
export type RatingAnswer = number | typeof NOT_APPLICABLE;
/** What a respondent can give: a rating, a 0–10, a choice, several choices, a matrix of ratings, or text. */
export type Answer = RatingAnswer | string | string[] | Record<string, RatingAnswer>;
export type Answers = Record<string, Answer>;

/** Whether a question is shown, given the answers to the questions before it. */
export function isShown(question: Question, answers: Answers): boolean {
  if (!question.showIf) return true;
  const given = answers[question.showIf.questionId];
  if (given === undefined) return false;
  const values = Array.isArray(given) ? given : [String(given)];
  return values.some((value) => question.showIf?.anyOf.includes(value));
}

/**
 * Checks a response against the version it answers, as the server must (the page's checks are a
 * courtesy): each answer of the right kind and range, every shown required question answered,
 * nothing given to a question that was hidden or does not exist. Answers the field errors, each
 * named `answers.<questionId>`.
 */
export function checkAnswers(document: QuestionnaireDocument, answers: Answers): FieldError[] {
  const issues: FieldError[] = [];
  const questions = questionsOf(document);
  const known = new Set(questions.map((question) => question.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) issues.push({ field: `answers.${id}`, message: 'is not a question of this survey' });
  }
  // Conditions look back only at shown questions, so a hidden answer cannot open a later question.
  const shown: Answers = {};
  for (const question of questions) {
    const field = `answers.${question.id}`;
    const given = answers[question.id];
    if (!isShown(question, shown)) {
      if (given !== undefined) issues.push({ field, message: 'was not asked' });
      continue;
    }
    if (given === undefined || isBlank(given)) {
      if (question.required) issues.push({ field, message: 'is required' });
      continue;
    }
    const problem = wrongAnswer(question, given);
    if (problem) issues.push({ field, message: problem });
    else shown[question.id] = given;
  }
  return issues;
}

const isBlank = (answer: Answer) =>
  (typeof answer === 'string' && answer.trim() === '') ||
  (Array.isArray(answer) && answer.length === 0) ||
  (typeof answer === 'object' && !Array.isArray(answer) && Object.keys(answer).length === 0);

function wrongAnswer(question: Question, given: Answer): string | null {
  const optionIds = (question.options ?? []).map((option) => option.id);
  switch (question.kind) {
    case 'rating':
      return wrongRating(question, given);
    case 'nps':
      return Number.isInteger(given) && (given as number) >= NPS_SCALE.min && (given as number) <= NPS_SCALE.max
        ? null
        : `must be a whole number from ${NPS_SCALE.min} to ${NPS_SCALE.max}`;
    case 'single':
      return typeof given === 'string' && optionIds.includes(given) ? null : `must be one of ${optionIds.join(', ')}`;
    case 'multiple':
      return Array.isArray(given) &&
        new Set(given).size === given.length &&
        given.every((value) => optionIds.includes(value))
        ? null
        : `must be distinct values among ${optionIds.join(', ')}`;
    case 'matrix': {
      if (typeof given !== 'object' || given === null || Array.isArray(given)) return 'must rate each item';
      const items = given as Record<string, Answer>;
      const unknown = Object.keys(items).find((id) => !optionIds.includes(id));
      if (unknown) return `${unknown} is not an item of this question`;
      const missing = optionIds.filter((id) => items[id] === undefined);
      if (missing.length > 0 && question.required) return `rate every item (missing ${missing.join(', ')})`;
      for (const id of Object.keys(items)) {
        const wrong = wrongRating(question, items[id] as Answer);
        if (wrong) return `${id}: ${wrong}`;
      }
      return null;
    }
    case 'text':
      return typeof given !== 'string'
        ? 'must be text'
        : given.length > QUESTIONNAIRE_LIMITS.answerLength
          ? `at most ${QUESTIONNAIRE_LIMITS.answerLength} characters`
          : null;
  }
}

function wrongRating(question: Question, given: Answer): string | null {
  if (given === NOT_APPLICABLE) return question.notApplicable ? null : '"not applicable" is not offered here';
  return Number.isInteger(given) && (given as number) >= RATING_SCALE.min && (given as number) <= RATING_SCALE.max
    ? null
    : `must be a whole number from ${RATING_SCALE.min} to ${RATING_SCALE.max}`;
}
