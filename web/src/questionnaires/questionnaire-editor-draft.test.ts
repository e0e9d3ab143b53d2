import { describe, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGN_QUESTIONNAIRE } from '../../../domain/surveys/default-questionnaires.js';
import type { QuestionnaireDocument } from '../../../domain/surveys/questionnaire.js';
import { withKind } from '../surveys/survey-draft.js';
import {
  addQuestion,
  addSection,
  conditionValues,
  earlierQuestions,
  moveToSection,
  removeQuestion,
  removeSection,
} from './questionnaire-editor-draft.js';

const doc: QuestionnaireDocument = {
  sections: [
    {
      id: 's1',
      title: { es: 'Uno', en: 'One' },
      questions: [
        { id: 'q1', kind: 'rating', required: true, text: { es: 'a', en: 'a' } },
        {
          id: 'q2',
          kind: 'text',
          required: false,
          text: { es: 'b', en: 'b' },
          showIf: { questionId: 'q1', anyOf: ['1'] },
        },
      ],
    },
    {
      id: 's2',
      title: { es: 'Dos', en: 'Two' },
      questions: [
        {
          id: 'q3',
          kind: 'single',
          required: false,
          text: { es: 'c', en: 'c' },
          options: [
            { id: 'x', label: { es: 'Equis', en: 'Ex' } },
            { id: 'y', label: { es: 'Ye', en: 'Why' } },
          ],
          showIf: { questionId: 'q1', anyOf: ['2'] },
        },
      ],
    },
  ],
};

describe('editing a campaign questionnaire’s draft', () => {
  it('adds sections and questions with ids not yet used', () => {
    const more = addQuestion(addSection(doc), 2);
    expect(more.sections.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(more.sections[2]?.questions.map((q) => q.id)).toEqual(['q4']);
    const fromDefault = addQuestion(DEFAULT_CAMPAIGN_QUESTIONNAIRE, 0);
    const ids = fromDefault.sections.flatMap((s) => s.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('drops the conditions on a question that goes, with it or with its section', () => {
    expect(removeQuestion(doc, 0, 0).sections[1]?.questions[0]).not.toHaveProperty('showIf');
    expect(removeQuestion(doc, 0, 0).sections[0]?.questions.map((q) => q.id)).toEqual(['q2']);
    const without = removeSection(doc, 0);
    expect(without.sections.map((s) => s.id)).toEqual(['s2']);
    expect(without.sections[0]?.questions[0]).not.toHaveProperty('showIf');
  });

  it('moves a question to the end of another section', () => {
    const moved = moveToSection(doc, 0, 1, 1);
    expect(moved.sections[0]?.questions.map((q) => q.id)).toEqual(['q1']);
    expect(moved.sections[1]?.questions.map((q) => q.id)).toEqual(['q3', 'q2']);
    expect(moveToSection(doc, 0, 1, 0)).toBe(doc);
  });

  it('offers as conditions only earlier questions whose answer is a value, with their values', () => {
    expect(earlierQuestions(doc, 'q3').map((q) => q.id)).toEqual(['q1']);
    expect(earlierQuestions(doc, 'q1')).toEqual([]);
    const [q1] = doc.sections[0]?.questions ?? [];
    expect(conditionValues(q1 as never, 'es').map((v) => v.value)).toEqual(['1', '2', '3', '4', '5']);
    const q3 = doc.sections[1]?.questions[0];
    expect(conditionValues(q3 as never, 'en')).toEqual([
      { value: 'x', label: 'Ex' },
      { value: 'y', label: 'Why' },
    ]);
  });

  it('turns a question into a matrix with items, keeping what it measures', () => {
    const rating = {
      id: 'r',
      kind: 'rating' as const,
      required: true,
      text: { es: 'r', en: 'r' },
      dimension: 'empathy' as const,
    };
    const matrix = withKind(rating, 'matrix');
    expect(matrix).toMatchObject({ kind: 'matrix', dimension: 'empathy' });
    expect(matrix.options).toHaveLength(2);
    expect(withKind(matrix, 'multiple')).not.toHaveProperty('dimension');
  });
});
