import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownGroup } from '../../../domain/contracts/campaign-results.js';
import { en } from '../../../domain/i18n/en.js';
import { es } from '../../../domain/i18n/es.js';
import {
  changeText,
  formatDelta,
  formatFigure,
  formatPValue,
  groupCells,
  groupName,
  responseRateText,
} from './format.js';

/** The real catalogs, so the tests read the sentences the screen shows. */
const i18n = i18next.createInstance();
let tEn: TFunction;
let tEs: TFunction;
beforeAll(async () => {
  await i18n.init({
    resources: { es: { translation: es }, en: { translation: en } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  tEn = i18n.getFixedT('en');
  tEs = i18n.getFixedT('es');
});

describe('a change against the previous campaign', () => {
  it('gets an arrow only when flagged, up or down, with the p-value kept aside for the tooltip', () => {
    expect(changeText({ delta: 7.24, p: 0.012, flagged: true }, tEn, 'en')).toEqual({
      tone: 'up',
      text: '▲ +7.2 points',
      label: 'Up 7.2 points on the previous campaign (a significant change)',
      pValue: 'p = 0.012',
    });
    expect(changeText({ delta: -9, p: 0.0002, flagged: true }, tEs, 'es')).toMatchObject({
      tone: 'down',
      text: '▼ -9,0 puntos',
      pValue: 'p < 0,001',
    });
  });

  it('is muted as not significant when not flagged, even when large or with a small p', () => {
    expect(changeText({ delta: 12, p: 0.2, flagged: false }, tEn, 'en')).toMatchObject({
      tone: 'muted',
      text: '+12.0 points · not significant',
    });
    // 4.6 points with p = 0.01 is not flagged (under 5): one decimal keeps it from reading as 5.
    expect(changeText({ delta: 4.6, p: 0.01, flagged: false }, tEs, 'es')).toMatchObject({
      tone: 'muted',
      text: '+4,6 puntos · no significativo',
    });
  });

  it('is absent when there is no previous campaign, and says when p could not be computed', () => {
    expect(changeText(null, tEn, 'en')).toBeNull();
    expect(formatPValue(null, tEn, 'en')).toBe('p could not be computed');
  });
});

describe('the suppression of small groups', () => {
  const group = (over: Partial<BreakdownGroup>): BreakdownGroup => ({
    key: 'agent',
    name: 'Agent',
    respondents: 12,
    suppressed: false,
    index: 71.6,
    topTwoBox: 66.67,
    nps: -8.3,
    ...over,
  });

  it('replaces the figures of a suppressed group with the reason, naming the minimum size', () => {
    const suppressed = group({ respondents: 3, suppressed: true, index: null, topTwoBox: null, nps: null });
    expect(groupCells(suppressed, 5, tEn, 'en')).toEqual({
      suppressed: true,
      text: 'fewer than 5 answers — hidden to protect anonymity',
    });
    expect(groupCells(suppressed, 5, tEs, 'es')).toEqual({
      suppressed: true,
      text: 'menos de 5 respuestas — oculto para proteger el anonimato',
    });
  });

  it('names roles and languages in the reader’s language, services as the desk named them', () => {
    expect(groupName('role', group({ key: 'client_manager', name: 'client_manager' }), tEs)).toBe(
      'Responsable del cliente',
    );
    expect(groupName('language', group({ key: 'en', name: 'en' }), tEs)).toBe('Inglés');
    expect(groupName('service', group({ key: 's1', name: 'Correo corporativo' }), tEn)).toBe('Correo corporativo');
    expect(groupName('service', group({ key: 'none', name: 'none' }), tEn)).toBe('No tickets');
    expect(groupName('role', group({ key: 'unknown', name: 'unknown' }), tEn)).toBe('Not recorded');
  });

  it('rounds a shown group’s figures: index and share without decimals, NPS signed', () => {
    expect(groupCells(group({}), 5, tEn, 'en')).toEqual({
      suppressed: false,
      index: '72',
      topTwoBox: '67%',
      nps: '-8',
    });
  });
});

describe('figures', () => {
  it('writes the response rate per locale', () => {
    expect(responseRateText({ invited: 1200, answered: 843, rate: 0.7025 }, tEn, 'en')).toBe(
      '843 answered of 1,200 invited (70%)',
    );
    expect(responseRateText({ invited: 1200, answered: 843, rate: 0.7025 }, tEs, 'es')).toBe(
      '843 respondieron de 1200 invitados (70\u00a0%)',
    );
  });

  it('shows a figure on no answers as a dash, never 0', () => {
    expect(formatFigure(null, 'en')).toBe('—');
    expect(formatFigure(0, 'en')).toBe('0');
    expect(formatDelta(0, 'en')).toBe('0.0');
  });
});
