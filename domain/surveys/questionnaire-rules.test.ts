import { describe, expect, it } from 'vitest';
import { checkAnswers } from './answers.js';
import { DEFAULT_CAMPAIGN_QUESTIONNAIRE, DEFAULT_TICKET_SURVEY } from './default-questionnaires.js';
import type { QuestionnaireDocument } from './questionnaire.js';
import { questionsOf } from './questionnaire.js';
import { checkQuestionnaire, sharedQuestionIds } from './questionnaire-rules.js';

const clone = (document: QuestionnaireDocument): QuestionnaireDocument => structuredClone(document);
const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field);

describe('questionnaires', () => {
  it('the defaults are valid: two questions after a ticket, fourteen in a campaign', () => {
    expect(checkQuestionnaire(DEFAULT_TICKET_SURVEY, { forTicket: true })).toEqual([]);
    expect(checkQuestionnaire(DEFAULT_CAMPAIGN_QUESTIONNAIRE)).toEqual([]);
    expect(questionsOf(DEFAULT_CAMPAIGN_QUESTIONNAIRE)).toHaveLength(14);
  });

  it('a ticket survey has at most four questions', () => {
    expect(fields(checkQuestionnaire(DEFAULT_CAMPAIGN_QUESTIONNAIRE, { forTicket: true }))).toEqual(['sections']);
  });

  it('names each structural mistake on its field', () => {
    const document = clone(DEFAULT_CAMPAIGN_QUESTIONNAIRE);
    const [service, contact, overall] = document.sections as [any, any, any];
    service.questions[1].id = 'resolved_right';
    service.questions[2].text.en = '  ';
    contact.questions[0].options = [];
    overall.questions[2].showIf = { questionId: 'improve', anyOf: ['x'] };
    overall.questions[1].notApplicable = true;
    expect(fields(checkQuestionnaire(document))).toEqual([
      'sections.0.questions.1.id',
      'sections.0.questions.2.text.en',
      'sections.1.questions.0.options',
      'sections.2.questions.1.notApplicable',
      'sections.2.questions.2.showIf.questionId',
    ]);
  });

  it('a condition must use values its question can take', () => {
    const document = clone(DEFAULT_CAMPAIGN_QUESTIONNAIRE);
    (document.sections[2] as any).questions[2].showIf = { questionId: 'overall', anyOf: ['6'] };
    expect(checkQuestionnaire(document)).toEqual([
      { field: 'sections.2.questions.2.showIf.anyOf', message: 'must be among 1, 2, 3, 4, 5' },
    ]);
  });

  it('versions share the questions with the same id, kind and choices', () => {
    const next = clone(DEFAULT_CAMPAIGN_QUESTIONNAIRE);
    const contact = next.sections[1] as any;
    contact.questions[0].options.push({ id: 'chat', label: { es: 'Chat', en: 'Chat' } });
    (next.sections[0] as any).questions[0].text.es = 'Resuelven bien a la primera.';
    (next.sections[2] as any).questions.pop();
    const shared = sharedQuestionIds(DEFAULT_CAMPAIGN_QUESTIONNAIRE, next);
    expect(shared).toHaveLength(12);
    expect(shared).toContain('resolved_right');
    expect(shared).not.toContain('channels');
    expect(shared).not.toContain('improve');
  });
});

describe('answers, checked against the version they answer', () => {
  const complete = {
    resolved_right: 4,
    promises_kept: 'na',
    quick_answer: 3,
    kept_informed: 5,
    knowledge: 4,
    trust: 5,
    understood: 4,
    courtesy: 5,
    easy: 4,
    overall: 4,
    recommend: 9,
  };

  it('a complete response passes', () => {
    expect(checkAnswers(DEFAULT_CAMPAIGN_QUESTIONNAIRE, complete)).toEqual([]);
    expect(checkAnswers(DEFAULT_TICKET_SURVEY, { rating: 2, comment: 'Tardaron' })).toEqual([]);
  });

  it('required questions, ranges and kinds', () => {
    const { overall: _, ...missing } = complete;
    expect(checkAnswers(DEFAULT_CAMPAIGN_QUESTIONNAIRE, missing)).toEqual([
      { field: 'answers.overall', message: 'is required' },
    ]);
    expect(
      fields(
        checkAnswers(DEFAULT_CAMPAIGN_QUESTIONNAIRE, {
          ...complete,
          resolved_right: 6,
          recommend: 9.5,
          overall: 'na',
          channels: { phone: 4, fax: 3 },
          improve: 42 as unknown as string,
        }),
      ),
    ).toEqual([
      'answers.resolved_right',
      'answers.channels',
      'answers.overall',
      'answers.recommend',
      'answers.improve',
    ]);
    expect(checkAnswers(DEFAULT_TICKET_SURVEY, { rating: 3, stars: 5 })).toEqual([
      { field: 'answers.stars', message: 'is not a question of this survey' },
    ]);
  });

  it('a question shown only after a low rating is refused otherwise, and accepted then', () => {
    expect(checkAnswers(DEFAULT_CAMPAIGN_QUESTIONNAIRE, { ...complete, low_reason: 'time' })).toEqual([
      { field: 'answers.low_reason', message: 'was not asked' },
    ]);
    expect(checkAnswers(DEFAULT_CAMPAIGN_QUESTIONNAIRE, { ...complete, overall: 2, low_reason: 'time' })).toEqual([]);
    expect(checkAnswers(DEFAULT_CAMPAIGN_QUESTIONNAIRE, { ...complete, overall: 2, low_reason: 'price' })).toEqual([
      { field: 'answers.low_reason', message: 'must be one of time, quality, communication, other' },
    ]);
  });

  it('a required conditional question binds only when shown', () => {
    const document = clone(DEFAULT_CAMPAIGN_QUESTIONNAIRE);
    (document.sections[2] as any).questions[2].required = true;
    expect(checkAnswers(document, complete)).toEqual([]);
    expect(checkAnswers(document, { ...complete, overall: 1 })).toEqual([
      { field: 'answers.low_reason', message: 'is required' },
    ]);
  });
});
