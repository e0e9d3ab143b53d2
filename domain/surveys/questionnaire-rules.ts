import type { FieldError } from '../field-error.js';
import {
  ID_PATTERN,
  type LocalizedText,
  QUESTIONNAIRE_LIMITS,
  type Question,
  type QuestionnaireDocument,
  SURVEY_LANGUAGES,
  valuesOf,
} from './questionnaire.js';

/**
 * Whether a questionnaire can be put to people: ids unique and well formed, every text in both
 * languages, choices where a question needs them, and conditions that look back at an earlier
 * question with values it can take. The builder shows these issues on the fields they name; the
 * server refuses a document that has any.
 */
export function checkQuestionnaire(
  document: QuestionnaireDocument,
  options: { forTicket?: boolean } = {},
): FieldError[] {
  const issues: FieldError[] = [];
  const seen = new Map<string, Question>();
  const sectionIds = new Set<string>();
  const questionCount = document.sections.reduce((sum, section) => sum + section.questions.length, 0);
  if (document.sections.length === 0) issues.push({ field: 'sections', message: 'needs at least one section' });
  if (document.sections.length > QUESTIONNAIRE_LIMITS.sections)
    issues.push({ field: 'sections', message: `at most ${QUESTIONNAIRE_LIMITS.sections} sections` });
  const maxQuestions = options.forTicket ? QUESTIONNAIRE_LIMITS.ticketSurveyQuestions : QUESTIONNAIRE_LIMITS.questions;
  if (questionCount === 0) issues.push({ field: 'sections', message: 'needs at least one question' });
  if (questionCount > maxQuestions) issues.push({ field: 'sections', message: `at most ${maxQuestions} questions` });

  document.sections.forEach((section, s) => {
    const at = `sections.${s}`;
    if (!ID_PATTERN.test(section.id)) issues.push({ field: `${at}.id`, message: 'lower-case letters, digits and _' });
    else if (sectionIds.has(section.id)) issues.push({ field: `${at}.id`, message: `${section.id} is used twice` });
    sectionIds.add(section.id);
    issues.push(...checkText(section.title, `${at}.title`));
    section.questions.forEach((question, q) => {
      issues.push(...checkQuestion(question, `${at}.questions.${q}`, seen));
      seen.set(question.id, question);
    });
  });
  return issues;
}

function checkQuestion(question: Question, at: string, earlier: Map<string, Question>): FieldError[] {
  const issues: FieldError[] = [];
  if (!ID_PATTERN.test(question.id)) issues.push({ field: `${at}.id`, message: 'lower-case letters, digits and _' });
  else if (earlier.has(question.id)) issues.push({ field: `${at}.id`, message: `${question.id} is used twice` });
  issues.push(...checkText(question.text, `${at}.text`));
  if (question.help) issues.push(...checkText(question.help, `${at}.help`));

  const needsOptions = question.kind === 'single' || question.kind === 'multiple' || question.kind === 'matrix';
  const choices = question.options ?? [];
  if (needsOptions) {
    const least = question.kind === 'matrix' ? 1 : 2;
    if (choices.length < least || choices.length > QUESTIONNAIRE_LIMITS.options)
      issues.push({ field: `${at}.options`, message: `needs ${least} to ${QUESTIONNAIRE_LIMITS.options} options` });
    const ids = new Set<string>();
    choices.forEach((choice, c) => {
      if (!ID_PATTERN.test(choice.id))
        issues.push({ field: `${at}.options.${c}.id`, message: 'lower-case letters, digits and _' });
      else if (ids.has(choice.id))
        issues.push({ field: `${at}.options.${c}.id`, message: `${choice.id} is used twice` });
      ids.add(choice.id);
      issues.push(...checkText(choice.label, `${at}.options.${c}.label`));
    });
  } else if (choices.length > 0) {
    issues.push({ field: `${at}.options`, message: `a ${question.kind} question has no options` });
  }
  if (question.notApplicable && question.kind !== 'rating' && question.kind !== 'matrix')
    issues.push({ field: `${at}.notApplicable`, message: 'only a rating or a matrix offers "not applicable"' });
  if (question.dimension && question.kind !== 'rating' && question.kind !== 'matrix')
    issues.push({ field: `${at}.dimension`, message: 'only a rating or a matrix measures a dimension' });

  if (question.showIf) {
    const source = earlier.get(question.showIf.questionId);
    const values = source ? valuesOf(source) : null;
    if (!source) issues.push({ field: `${at}.showIf.questionId`, message: 'must name an earlier question' });
    else if (!values)
      issues.push({ field: `${at}.showIf.questionId`, message: `a ${source.kind} answer cannot be a condition` });
    else if (question.showIf.anyOf.length === 0 || question.showIf.anyOf.some((value) => !values.includes(value)))
      issues.push({ field: `${at}.showIf.anyOf`, message: `must be among ${values.join(', ')}` });
  }
  return issues;
}

function checkText(text: LocalizedText, at: string): FieldError[] {
  return SURVEY_LANGUAGES.flatMap((language) => {
    const value = text?.[language]?.trim() ?? '';
    if (!value) return [{ field: `${at}.${language}`, message: 'is required' }];
    if (value.length > QUESTIONNAIRE_LIMITS.textLength)
      return [{ field: `${at}.${language}`, message: `at most ${QUESTIONNAIRE_LIMITS.textLength} characters` }];
    return [];
  });
}

/**
 * The questions two versions share, by id, with the same kind and scale (choices and items): only
 * these compare across campaigns. The builder keeps a question's id while its wording is polished,
 * and gives a new question a new id, so a shared id means the same question.
 */
export function sharedQuestionIds(a: QuestionnaireDocument, b: QuestionnaireDocument): string[] {
  const others = new Map(b.sections.flatMap((section) => section.questions).map((question) => [question.id, question]));
  const scale = (question: Question) =>
    `${question.kind}:${(question.options ?? [])
      .map((option) => option.id)
      .sort()
      .join(',')}`;
  return a.sections
    .flatMap((section) => section.questions)
    .filter((question) => {
      const other = others.get(question.id);
      return other !== undefined && scale(other) === scale(question);
    })
    .map((question) => question.id);
}
