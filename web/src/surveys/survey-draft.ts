import type { PutTicketSurveySettingsBody, TicketSurveySettings } from '../../../domain/contracts/surveys.js';
import {
  QUESTIONNAIRE_LIMITS,
  type Question,
  type QuestionKind,
  type QuestionnaireDocument,
  type SurveyDimension,
  type SurveyLanguage,
} from '../../../domain/surveys/questionnaire.js';

/** The kinds the short survey after a ticket offers (matrix and multiple choice are for campaigns). */
export const TICKET_QUESTION_KINDS = ['rating', 'nps', 'single', 'text'] as const satisfies readonly QuestionKind[];
export type TicketQuestionKind = (typeof TICKET_QUESTION_KINDS)[number];

export type SurveyDraft = Omit<PutTicketSurveySettingsBody, 'version'>;

export function draftOf(settings: TicketSurveySettings): SurveyDraft {
  const { enabled, ticketTypes, questionnaire, askAgainAfterReopen, lowRating, campaignMonths } = settings;
  return { enabled, ticketTypes, questionnaire, askAgainAfterReopen, lowRating, campaignMonths };
}

/** The survey after a ticket is one section; the editor works on its questions. */
export const questionsOfDraft = (draft: SurveyDraft): Question[] => draft.questionnaire.sections[0]?.questions ?? [];

export function withQuestions(draft: SurveyDraft, questions: Question[]): SurveyDraft {
  const [first, ...rest] = draft.questionnaire.sections;
  const section = first ?? { id: 'satisfaction', title: { es: 'Su opinión', en: 'Your opinion' }, questions: [] };
  const questionnaire: QuestionnaireDocument = { sections: [{ ...section, questions }, ...rest] };
  return { ...draft, questionnaire };
}

export const canAddQuestion = (draft: SurveyDraft) =>
  questionsOfDraft(draft).length < QUESTIONNAIRE_LIMITS.ticketSurveyQuestions;

/** An id not yet used among the given ones: `q2`, `q3`… (lower-case letters and digits, as the server asks). */
export function freshId(prefix: string, used: readonly string[]): string {
  let n = used.length + 1;
  while (used.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function newQuestion(used: readonly string[]): Question {
  return { id: freshId('q', used), kind: 'text', required: false, text: { es: '', en: '' } };
}

/** The kinds whose question carries options (a matrix's are its items). */
export const hasOptions = (kind: QuestionKind) => kind === 'single' || kind === 'multiple' || kind === 'matrix';

/** A question turned into another kind keeps its text; options appear for a choice and go otherwise. */
export function withKind(question: Question, kind: QuestionKind): Question {
  const { options, notApplicable, dimension, ...rest } = question;
  // A rating and a matrix keep what they measure and whether "not applicable" is offered.
  const scaled =
    kind === 'rating' || kind === 'matrix'
      ? { ...(notApplicable ? { notApplicable } : {}), ...(dimension ? { dimension } : {}) }
      : {};
  if (!hasOptions(kind)) return { ...rest, kind, ...scaled };
  const kept = options?.length
    ? options
    : [
        { id: 'o1', label: { es: '', en: '' } },
        { id: 'o2', label: { es: '', en: '' } },
      ];
  return { ...rest, kind, ...scaled, options: kept };
}

export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** A questionnaire must keep one 1–5 rating: the figures count it. */
export const hasRating = (questions: readonly Question[]) => questions.some((q) => q.kind === 'rating');

/** The kinds rated on the 1–5 scale: they measure a dimension and may offer "not applicable". */
export const isScaled = (kind: QuestionKind) => kind === 'rating' || kind === 'matrix';

/**
 * A question's help text with one language changed. Help is optional but, once given, the server
 * wants both languages: blank in both means no help at all, so the key goes rather than two empties.
 */
export function withHelp(question: Question, language: SurveyLanguage, value: string): Question {
  const help = { es: question.help?.es ?? '', en: question.help?.en ?? '', [language]: value };
  const { help: _, ...rest } = question;
  return help.es.trim() === '' && help.en.trim() === '' ? rest : { ...rest, help };
}

/** What a rating or matrix measures; null clears it. */
export function withDimension(question: Question, dimension: SurveyDimension | null): Question {
  const { dimension: _, ...rest } = question;
  return dimension ? { ...rest, dimension } : rest;
}

/** "Not applicable" offered or not; off leaves no key behind (the server reads absent as off). */
export function withNotApplicable(question: Question, offered: boolean): Question {
  const { notApplicable: _, ...rest } = question;
  return offered ? { ...rest, notApplicable: true } : rest;
}
