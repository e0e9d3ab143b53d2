import { describe, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGN_QUESTIONNAIRE } from './default-questionnaires.js';
import {
  indexChange,
  npsChange,
  npsFigures,
  ratingFigures,
  ratingIndex,
  ratingsByDimension,
  suppressSmallGroups,
  topTwoBoxChange,
} from './survey-scores.js';

const repeat = (counts: Record<number, number>) =>
  Object.entries(counts).flatMap(([value, count]) => Array<number>(count).fill(Number(value)));

describe('survey figures', () => {
  it('the index and the top-2-box of 1–5 ratings', () => {
    expect(ratingIndex(1)).toBe(0);
    expect(ratingIndex(5)).toBe(100);
    // 5 + 4 + 4 + 3 + 2 = 18, mean 3.6 → (3.6 − 1) / 4 × 100 = 65; 4s and 5s: 3 of 5.
    const figures = ratingFigures([5, 4, 4, 3, 2]);
    expect(figures.n).toBe(5);
    expect(figures.mean).toBeCloseTo(3.6, 10);
    expect(figures.index).toBeCloseTo(65, 10);
    expect(figures.topTwoBox).toBeCloseTo(60, 10);
  });

  it('NPS: promoters 9–10 less detractors 0–6', () => {
    expect(npsFigures([10, 9, 8, 7, 6, 0])).toEqual({ n: 6, promoters: 2, passives: 2, detractors: 2, nps: 0 });
    expect(npsFigures([10, 10, 9, 5]).nps).toBe(50);
    expect(npsFigures([]).nps).toBeNaN();
  });

  it('flags a change only when it is significant and at least 5 points', () => {
    // 60% → 75% top-2-box over 100 answers each: +15 points, p = 0.0235.
    const before = repeat({ 5: 30, 4: 30, 3: 20, 2: 20 });
    const after = repeat({ 5: 40, 4: 35, 3: 15, 2: 10 });
    const top2 = topTwoBoxChange(before, after);
    expect(top2.delta).toBeCloseTo(15, 10);
    expect(top2.p).toBeCloseTo(0.0235401, 6);
    expect(top2.flagged).toBe(true);

    // The same shift over 10 answers each is not significant.
    const small = topTwoBoxChange(repeat({ 5: 3, 4: 3, 3: 2, 2: 2 }), repeat({ 5: 4, 4: 3, 3: 2, 2: 1 }));
    expect(small.p).toBeGreaterThan(0.05);
    expect(small.flagged).toBe(false);

    // Significant but under 5 points: not flagged (a tiny shift over thousands of answers).
    const big = indexChange(repeat({ 4: 5000, 3: 5000 }), repeat({ 4: 5300, 3: 4700 }));
    expect(big.p).toBeLessThan(0.05);
    expect(Math.abs(big.delta)).toBeLessThan(5);
    expect(big.flagged).toBe(false);
  });

  it('the index change is the difference of the means in index points', () => {
    // Means 3 and 3.8 → index 50 and 70: +20 points, but five answers each are too few to tell.
    const change = indexChange([1, 2, 3, 4, 5], [2, 3, 4, 5, 5]);
    expect(change.delta).toBeCloseTo(20, 10);
    expect(change.p).toBeGreaterThan(0.05);
    expect(change.flagged).toBe(false);
  });

  it('NPS change', () => {
    const before = repeat({ 10: 20, 8: 40, 3: 40 });
    const after = repeat({ 10: 50, 8: 30, 3: 20 });
    const result = npsChange(before, after);
    expect(result.delta).toBe(30 - -20);
    expect(result.flagged).toBe(true);
  });

  it('groups under five respondents keep their count and lose their figures', () => {
    const rows = suppressSmallGroups([
      { group: 'Finanzas', respondents: 12, figures: { index: 70 } },
      { group: 'Bodega', respondents: 4, figures: { index: 20 } },
    ]);
    expect(rows).toEqual([
      { group: 'Finanzas', respondents: 12, suppressed: false, figures: { index: 70 } },
      { group: 'Bodega', respondents: 4, suppressed: true },
    ]);
    expect(JSON.stringify(rows)).not.toContain('20');
  });

  it('ratings by dimension, matrix items included and "not applicable" left out', () => {
    const byDimension = ratingsByDimension(DEFAULT_CAMPAIGN_QUESTIONNAIRE, [
      { resolved_right: 5, promises_kept: 'na', channels: { phone: 4, email: 'na', portal: 2 } },
      { resolved_right: 3, promises_kept: 4 },
    ]);
    expect(byDimension.get('reliability')).toEqual({ ratings: [5, 3, 4], respondents: 2 });
    expect(byDimension.get('channels')).toEqual({ ratings: [4, 2], respondents: 1 });
    expect(byDimension.has('empathy')).toBe(false);
  });
});
