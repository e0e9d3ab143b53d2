import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_SURVEY } from '../../../domain/surveys/default-questionnaires.js';
import {
  canAddQuestion,
  draftOf,
  freshId,
  hasRating,
  isScaled,
  moved,
  newQuestion,
  questionsOfDraft,
  withDimension,
  withHelp,
  withKind,
  withNotApplicable,
  withQuestions,
} from './survey-draft.js';

const settings = {
  agreementId: 'a1',
  enabled: true,
  ticketTypes: ['incident' as const],
  questionnaire: DEFAULT_TICKET_SURVEY,
  askAgainAfterReopen: false,
  lowRating: 2,
  campaignMonths: [5, 11],
  version: 3,
  updatedAt: null,
};

describe('the survey editor’s draft', () => {
  it('is what the PUT sends, without the version or the agreement', () => {
    expect(draftOf(settings)).toEqual({
      enabled: true,
      ticketTypes: ['incident'],
      questionnaire: DEFAULT_TICKET_SURVEY,
      askAgainAfterReopen: false,
      lowRating: 2,
      campaignMonths: [5, 11],
    });
  });

  it('adds questions with fresh ids up to four, and keeps the section', () => {
    let draft = draftOf(settings);
    expect(freshId('q', ['rating', 'comment'])).toBe('q3');
    expect(freshId('q', ['q3', 'q4'])).toBe('q5');
    while (canAddQuestion(draft)) {
      const questions = questionsOfDraft(draft);
      draft = withQuestions(draft, [...questions, newQuestion(questions.map((q) => q.id))]);
    }
    expect(questionsOfDraft(draft).map((q) => q.id)).toEqual(['rating', 'comment', 'q3', 'q4']);
    expect(draft.questionnaire.sections[0]?.id).toBe('satisfaction');
  });

  it('moves a question by one place, and not past either end', () => {
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c']);
  });

  it('changes a question’s kind keeping its text: a choice gets two empty options, others lose them', () => {
    const text = newQuestion([]);
    const single = withKind(text, 'single');
    expect(single).toMatchObject({ kind: 'single', text: text.text, options: [{ id: 'o1' }, { id: 'o2' }] });
    const back = withKind(single, 'text');
    expect(back).toEqual({ ...text, kind: 'text' });
    expect('options' in back).toBe(false);
    const rating = questionsOfDraft(draftOf(settings))[0];
    if (!rating) throw new Error('no rating');
    expect(withKind(withKind(rating, 'nps'), 'rating')).not.toHaveProperty('dimension');
    expect(hasRating([rating])).toBe(true);
    expect(hasRating([text])).toBe(false);
  });
});

describe('the builder’s optional fields', () => {
  const rating = { id: 'q1', kind: 'rating' as const, required: true, text: { es: 'Hola', en: 'Hello' } };

  it('keeps help only while one language has some, and never as two blanks', () => {
    const spanish = withHelp(rating, 'es', 'Piense en el último mes');
    expect(spanish.help).toEqual({ es: 'Piense en el último mes', en: '' });
    const both = withHelp(spanish, 'en', 'Think of the last month');
    expect(both.help).toEqual({ es: 'Piense en el último mes', en: 'Think of the last month' });
    expect('help' in withHelp(withHelp(both, 'es', ''), 'en', '  ')).toBe(false);
  });

  it('sets and clears a dimension and "not applicable" without leaving empty keys', () => {
    expect(withDimension(rating, 'empathy').dimension).toBe('empathy');
    expect('dimension' in withDimension(withDimension(rating, 'empathy'), null)).toBe(false);
    expect(withNotApplicable(rating, true).notApplicable).toBe(true);
    expect('notApplicable' in withNotApplicable(withNotApplicable(rating, true), false)).toBe(false);
  });

  it('offers them on the scaled kinds only, and drops them when the kind changes', () => {
    expect(isScaled('rating')).toBe(true);
    expect(isScaled('matrix')).toBe(true);
    expect(isScaled('nps')).toBe(false);
    const measured = withNotApplicable(withDimension(rating, 'reliability'), true);
    expect(withKind(measured, 'matrix')).toMatchObject({ dimension: 'reliability', notApplicable: true });
    const text = withKind(measured, 'text');
    expect('dimension' in text || 'notApplicable' in text).toBe(false);
  });
});
