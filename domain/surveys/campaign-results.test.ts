import { describe, expect, it } from 'vitest';
import { responsesTable, toCsv } from './campaign-export.js';
import type { ResultResponse } from './campaign-figures.js';
import { type CampaignResultsInput, campaignResults } from './campaign-results.js';
import type { QuestionnaireDocument } from './questionnaire.js';

const t = (es: string, en: string) => ({ es, en });
const DOCUMENT: QuestionnaireDocument = {
  sections: [
    {
      id: 's',
      title: t('S', 'S'),
      questions: [
        { id: 'speed', kind: 'rating', text: t('Rapidez', 'Speed'), required: true, dimension: 'responsiveness' },
        {
          id: 'care',
          kind: 'rating',
          text: t('Trato', 'Care'),
          required: false,
          dimension: 'empathy',
          notApplicable: true,
        },
        {
          id: 'grid',
          kind: 'matrix',
          text: t('Canales', 'Channels'),
          required: false,
          dimension: 'channels',
          options: [
            { id: 'mail', label: t('Correo', 'Mail') },
            { id: 'phone', label: t('Teléfono', 'Phone') },
          ],
        },
        { id: 'recommend', kind: 'nps', text: t('¿Recomendaría?', 'Recommend?'), required: true },
        {
          id: 'used',
          kind: 'multiple',
          text: t('Usó', 'Used'),
          required: false,
          options: [
            { id: 'web', label: t('Web', 'Web') },
            { id: 'mail', label: t('Correo', 'Mail') },
          ],
        },
        { id: 'comment', kind: 'text', text: t('Comentario', 'Comment'), required: false },
      ],
    },
  ],
};

let seq = 0;
const response = (answers: ResultResponse['answers'], profile: ResultResponse['profile'] = {}): ResultResponse => ({
  id: `r${++seq}`,
  createdAt: '2026-12-03T00:00:00.000Z',
  profile,
  answers,
});

const input = (
  responses: ResultResponse[],
  previous: CampaignResultsInput['previous'] = null,
): CampaignResultsInput => ({
  campaign: {
    id: 'c',
    name: 'C',
    organizationId: 'o',
    organizationName: 'O',
    state: 'closed',
    anonymous: false,
    opensAt: '2026-12-01T00:00:00.000Z',
    closesAt: '2026-12-15T00:00:00.000Z',
    questionnaireVersionId: 'v',
  },
  responseRate: { invited: 10, answered: responses.length, rate: responses.length / 10 },
  document: DOCUMENT,
  responses,
  previous,
  serviceNames: new Map([['svc1', 'ERP']]),
});

describe('campaign results (pure)', () => {
  it('is null, not 0 or NaN, on no responses', () => {
    const results = campaignResults(input([]));
    expect(results.overall).toEqual({ n: 0, respondents: 0, mean: null, index: null, topTwoBox: null });
    expect(results.overallIndexChange).toBeNull();
    expect(results.dimensions.map((d) => [d.dimension, d.index, d.indexChange])).toEqual([
      ['responsiveness', null, null],
      ['empathy', null, null],
      ['channels', null, null],
    ]);
    expect(results.nps).toMatchObject({ questionId: 'recommend', n: 0, nps: null, change: null });
    expect(results.previous).toBeNull();
    expect(JSON.stringify(results)).not.toContain('NaN');
  });

  it('counts figures and distributions on hand-computed numbers', () => {
    const results = campaignResults(
      input([
        response({ speed: 5, care: 'na', grid: { mail: 4, phone: 'na' }, recommend: 10, used: ['web', 'mail'] }),
        response({ speed: 3, care: 2, grid: { mail: 5, phone: 1 }, recommend: 7, used: ['web'] }),
        response({ speed: 4, recommend: 3, comment: 'bien' }),
      ]),
    );
    // Ratings: speed 5,3,4; care 2; grid 4,5,1 → n 7, sum 24, mean 24/7 = 3.428…,
    // index (24/7 − 1)/4 × 100 = 60.714…, top-2-box 4 of 7 (5, 4, 4, 5) = 57.142…%.
    expect(results.overall.n).toBe(7);
    expect(results.overall.respondents).toBe(3);
    expect(results.overall.index).toBeCloseTo(60.714, 3);
    expect(results.overall.topTwoBox).toBeCloseTo(57.143, 3);
    // NPS: one promoter (10), one passive (7), one detractor (3): (1 − 1)/3 = 0.
    expect(results.nps).toMatchObject({ n: 3, promoters: 1, passives: 1, detractors: 1, nps: 0 });
    // Responsiveness: 5,3,4 → mean 4, index 75, top-2-box 2/3.
    const responsiveness = results.dimensions.find((d) => d.dimension === 'responsiveness');
    expect(responsiveness).toMatchObject({ n: 3, respondents: 3, mean: 4, index: 75 });
    expect(responsiveness?.topTwoBox).toBeCloseTo(66.667, 3);
    const byId = new Map(results.questions.map((q) => [q.questionId, q]));
    expect(byId.get('care')?.distribution.map((d) => [d.value, d.count])).toEqual([
      ['1', 0],
      ['2', 1],
      ['3', 0],
      ['4', 0],
      ['5', 0],
      ['na', 1],
    ]);
    expect(byId.get('care')?.n).toBe(2);
    expect(byId.get('speed')?.distribution.map((d) => d.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(byId.get('recommend')?.distribution).toHaveLength(11);
    expect(byId.get('used')?.distribution).toEqual([
      { value: 'web', label: t('Web', 'Web'), count: 2 },
      { value: 'mail', label: t('Correo', 'Mail'), count: 1 },
    ]);
    const grid = byId.get('grid');
    expect(grid?.distribution).toEqual([]);
    expect(grid?.items.map((item) => [item.itemId, item.n, item.mean])).toEqual([
      ['mail', 2, 4.5],
      ['phone', 1, 1],
    ]);
    expect(grid?.rating).toMatchObject({ n: 3, respondents: 2 });
    expect(results.textThemes).toEqual([{ questionId: 'comment', text: t('Comentario', 'Comment'), n: 1, themes: [] }]);
  });

  it('compares only the shared questions, and says so when the versions differ', () => {
    const previousDocument: QuestionnaireDocument = {
      sections: [{ ...(DOCUMENT.sections[0] as QuestionnaireDocument['sections'][0]) }],
    };
    // The previous version had "care" as a 0–10 question: not the same scale, so not shared.
    previousDocument.sections[0] = {
      ...(previousDocument.sections[0] as QuestionnaireDocument['sections'][0]),
      questions: (previousDocument.sections[0]?.questions ?? []).map((q) =>
        q.id === 'care' ? { ...q, kind: 'nps' as const, dimension: undefined, notApplicable: undefined } : q,
      ),
    };
    const before = [1, 2, 3, 2, 1, 2].map((speed) => response({ speed, care: 9, recommend: 2 }));
    const now = [5, 4, 5, 4, 5, 5].map((speed) => response({ speed, care: 5, recommend: 10 }));
    const results = campaignResults(
      input(now, {
        id: 'p',
        name: 'P',
        closesAt: '2026-06-30T00:00:00.000Z',
        document: previousDocument,
        responses: before,
      }),
    );
    expect(results.previous).toMatchObject({ id: 'p', respondents: 6, partial: true });
    expect(results.previous?.sharedQuestionIds).not.toContain('care');
    const byDimension = new Map(results.dimensions.map((d) => [d.dimension, d]));
    // Empathy stands on "care" only, which the previous version did not ask on this scale.
    expect(byDimension.get('empathy')?.indexChange).toBeNull();
    // Speed: mean 1.833 → 4.667, index 20.8 → 91.7: +70.8 points.
    expect(byDimension.get('responsiveness')?.indexChange?.delta).toBeCloseTo(70.833, 3);
    expect(byDimension.get('responsiveness')?.indexChange?.flagged).toBe(true);
    expect(results.nps?.change?.delta).toBe(200);
    // All ratings together, on the shared questions only: "care" (5 now, not comparable) stays out,
    // so the overall change is speed's own: +70.8 index points; top-2-box 0 % → 100 %.
    expect(results.overallIndexChange?.delta).toBeCloseTo(70.833, 3);
    expect(results.overallTopTwoBoxChange).toMatchObject({ delta: 100, flagged: true });
    expect(results.questions.find((q) => q.questionId === 'care')?.shared).toBe(false);
    expect(results.questions.find((q) => q.questionId === 'speed')?.shared).toBe(true);
  });

  it('withholds the figures of groups under five respondents', () => {
    const responses = [
      ...Array.from({ length: 5 }, () =>
        response({ speed: 5, recommend: 10 }, { role: 'requester', language: 'es', services: ['svc1'] }),
      ),
      ...Array.from({ length: 4 }, () =>
        response({ speed: 1, recommend: 0 }, { role: 'client_manager', language: 'en', services: [] }),
      ),
    ];
    const [role, , service] = campaignResults(input(responses)).breakdowns;
    expect(role?.groups).toEqual([
      { key: 'requester', name: 'requester', respondents: 5, suppressed: false, index: 100, topTwoBox: 100, nps: 100 },
      {
        key: 'client_manager',
        name: 'client_manager',
        respondents: 4,
        suppressed: true,
        index: null,
        topTwoBox: null,
        nps: null,
      },
    ]);
    expect(service?.groups.map((g) => [g.key, g.name, g.respondents, g.suppressed])).toEqual([
      ['svc1', 'ERP', 5, false],
      ['none', 'none', 4, true],
    ]);
  });
});

describe('campaign export (pure)', () => {
  it('writes one column per question and matrix item, and keeps a spreadsheet from running answers', () => {
    const table = responsesTable(
      DOCUMENT,
      [
        response(
          { speed: 4, grid: { mail: 5 }, recommend: 9, used: ['web', 'mail'], comment: '=HYPERLINK("x")' },
          { role: 'requester', language: 'es', services: ['svc1'] },
        ),
      ],
      new Map([['svc1', 'ERP, Nómina']]),
    );
    expect(table.header).toEqual([
      'response',
      'day',
      'role',
      'language',
      'services',
      'speed',
      'care',
      'grid.mail',
      'grid.phone',
      'recommend',
      'used',
      'comment',
    ]);
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFFresponse,day,')).toBe(true);
    const row = csv.split('\r\n')[1];
    expect(row).toMatch(/,2026-12-03,requester,es,"ERP, Nómina",4,,5,,9,"web;mail","'=HYPERLINK\(""x""\)"$/);
  });
});
