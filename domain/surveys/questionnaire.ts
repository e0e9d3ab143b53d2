/**
 * A survey's questionnaire as a document: sections of questions, each with its text in Spanish and
 * English, whether it must be answered, and when it is shown. The same document serves the short
 * satisfaction survey after a ticket and the semiannual campaign a client designs with the desk; a
 * campaign freezes one version of it. Pure data and rules, read by the server, the builder and the
 * respondent's page alike.
 */

export const QUESTION_KINDS = ['rating', 'nps', 'single', 'multiple', 'matrix', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The service-quality dimensions a rating can measure (SERVQUAL's five, plus what a desk adds). */
export const SURVEY_DIMENSIONS = [
  'reliability',
  'responsiveness',
  'assurance',
  'empathy',
  'tangibles',
  'channels',
  'effort',
  'overall',
] as const;
export type SurveyDimension = (typeof SURVEY_DIMENSIONS)[number];

export const SURVEY_LANGUAGES = ['es', 'en'] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];
export type LocalizedText = Record<SurveyLanguage, string>;

export interface Choice {
  id: string;
  label: LocalizedText;
}

/** Shown only when an earlier question was answered with one of these values. */
export interface ShowIf {
  questionId: string;
  /** Option ids for a choice question; the numbers, as text, for a rating or 0–10 question. */
  anyOf: string[];
}

export interface Question {
  id: string;
  kind: QuestionKind;
  text: LocalizedText;
  help?: LocalizedText;
  required: boolean;
  /** rating and matrix: the respondent may say "not applicable" instead of a number. */
  notApplicable?: boolean;
  /** single and multiple: the choices; matrix: the items rated on the 1–5 scale. */
  options?: Choice[];
  /** What a rating or matrix measures, for the per-dimension index. */
  dimension?: SurveyDimension;
  showIf?: ShowIf;
}

export interface Section {
  id: string;
  title: LocalizedText;
  questions: Question[];
}

export interface QuestionnaireDocument {
  sections: Section[];
}

export const RATING_SCALE = { min: 1, max: 5 } as const;
export const NPS_SCALE = { min: 0, max: 10 } as const;
/** "Not applicable" on a rating or a matrix item. */
export const NOT_APPLICABLE = 'na';

export const QUESTIONNAIRE_LIMITS = {
  sections: 20,
  questions: 60,
  /** The satisfaction survey after a ticket stays short: people answer it in a minute. */
  ticketSurveyQuestions: 4,
  options: 20,
  textLength: 500,
  answerLength: 4000,
} as const;

export const ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** Every question, in the order the respondent meets them. */
export function questionsOf(document: QuestionnaireDocument): Question[] {
  return document.sections.flatMap((section) => section.questions);
}

/** The values a question's answer can take, as `showIf` names them; null for free text and multiple items. */
export function valuesOf(question: Question): string[] | null {
  switch (question.kind) {
    case 'rating':
      return range(RATING_SCALE.min, RATING_SCALE.max);
    case 'nps':
      return range(NPS_SCALE.min, NPS_SCALE.max);
    case 'single':
    case 'multiple':
      return (question.options ?? []).map((option) => option.id);
    default:
      return null;
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
