import {
  NPS_SCALE,
  type Question,
  type QuestionnaireDocument,
  RATING_SCALE,
  type Section,
} from '../../../domain/surveys/questionnaire.js';
import { freshId, moved } from '../surveys/survey-draft.js';

/** Pure edits of a campaign questionnaire's sections and questions, for the draft editor. */

const allIds = (document: QuestionnaireDocument) => document.sections.flatMap((s) => s.questions.map((q) => q.id));

export function withSection(document: QuestionnaireDocument, at: number, section: Section): QuestionnaireDocument {
  return { sections: document.sections.map((s, i) => (i === at ? section : s)) };
}

export function addSection(document: QuestionnaireDocument): QuestionnaireDocument {
  const id = freshId(
    's',
    document.sections.map((s) => s.id),
  );
  return { sections: [...document.sections, { id, title: { es: '', en: '' }, questions: [] }] };
}

/** A removed section takes its questions with it; conditions on them go too. */
export function removeSection(document: QuestionnaireDocument, at: number): QuestionnaireDocument {
  const gone = new Set(document.sections[at]?.questions.map((q) => q.id) ?? []);
  return withoutConditionsOn({ sections: document.sections.filter((_, i) => i !== at) }, gone);
}

export function addQuestion(document: QuestionnaireDocument, sectionAt: number): QuestionnaireDocument {
  const section = document.sections[sectionAt];
  if (!section) return document;
  const question: Question = {
    id: freshId('q', allIds(document)),
    kind: 'text',
    required: false,
    text: { es: '', en: '' },
  };
  return withSection(document, sectionAt, { ...section, questions: [...section.questions, question] });
}

export function removeQuestion(document: QuestionnaireDocument, sectionAt: number, at: number): QuestionnaireDocument {
  const section = document.sections[sectionAt];
  const question = section?.questions[at];
  if (!section || !question) return document;
  const next = withSection(document, sectionAt, {
    ...section,
    questions: section.questions.filter((_, i) => i !== at),
  });
  return withoutConditionsOn(next, new Set([question.id]));
}

export function moveQuestion(document: QuestionnaireDocument, sectionAt: number, from: number, to: number) {
  const section = document.sections[sectionAt];
  if (!section) return document;
  return withSection(document, sectionAt, { ...section, questions: moved(section.questions, from, to) });
}

/** To another section: the question goes to its end. */
export function moveToSection(document: QuestionnaireDocument, sectionAt: number, at: number, toSection: number) {
  const question = document.sections[sectionAt]?.questions[at];
  if (!question || sectionAt === toSection || !document.sections[toSection]) return document;
  return {
    sections: document.sections.map((s, i) =>
      i === sectionAt
        ? { ...s, questions: s.questions.filter((_, j) => j !== at) }
        : i === toSection
          ? { ...s, questions: [...s.questions, question] }
          : s,
    ),
  };
}

function withoutConditionsOn(document: QuestionnaireDocument, gone: ReadonlySet<string>): QuestionnaireDocument {
  return {
    sections: document.sections.map((s) => ({
      ...s,
      questions: s.questions.map((q) => {
        if (!q.showIf || !gone.has(q.showIf.questionId)) return q;
        const { showIf: _, ...rest } = q;
        return rest;
      }),
    })),
  };
}

/** The questions asked before this one: the only ones a condition may name. */
export function earlierQuestions(document: QuestionnaireDocument, id: string): Question[] {
  const all = document.sections.flatMap((s) => s.questions);
  const at = all.findIndex((q) => q.id === id);
  return at < 0 ? [] : all.slice(0, at).filter((q) => q.kind !== 'text' && q.kind !== 'matrix');
}

const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => String(min + i));

/** The values an answer to this question can take, as a condition names them. */
export function conditionValues(question: Question, language: 'es' | 'en'): { value: string; label: string }[] {
  if (question.kind === 'rating') return range(RATING_SCALE.min, RATING_SCALE.max).map((v) => ({ value: v, label: v }));
  if (question.kind === 'nps') return range(NPS_SCALE.min, NPS_SCALE.max).map((v) => ({ value: v, label: v }));
  return (question.options ?? []).map((o) => ({ value: o.id, label: o.label[language] || o.id }));
}
