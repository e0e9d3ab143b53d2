import { describe, expect, it } from 'vitest';
import { DIMENSIONS, isKpiId, KPI_CATALOG, KPI_IDS, kpiById } from './kpi-catalog.js';

describe('the indicator catalog', () => {
  it('has the ids issue 21 names, once each, in the catalog order', () => {
    expect(KPI_CATALOG.map((kpi) => kpi.id)).toEqual([...KPI_IDS]);
    expect(KPI_IDS).toEqual([
      'volume',
      'tickets_per_user',
      'fcr',
      'l1_resolution',
      'escalation_rate',
      'first_response_time',
      'resolution_time',
      'sla_response',
      'sla_resolution',
      'commitments_kept',
      'backlog',
      'reopen_rate',
      'csat',
      'survey_index',
      'nps',
      'procedure_fcr',
      'problem_resolution_time',
      'problem_incidents',
    ]);
  });

  it('says every indicator in Spanish and English', () => {
    for (const kpi of KPI_CATALOG)
      for (const text of [kpi.name, kpi.formula, kpi.population]) {
        expect(text.es.trim(), kpi.id).not.toBe('');
        expect(text.en.trim(), kpi.id).not.toBe('');
      }
    // Names may agree across languages ("Net Promoter Score"); formulas are sentences, never the same.
    for (const kpi of KPI_CATALOG) expect(kpi.formula.es, kpi.id).not.toBe(kpi.formula.en);
  });

  it('keeps proportions as ratios, durations in business minutes judged on their p90', () => {
    for (const kpi of KPI_CATALOG) {
      if (kpi.statistic.kind === 'proportion') expect(kpi.unit, kpi.id).toBe('ratio');
      if (kpi.statistic.kind === 'duration') {
        expect(kpi.unit, kpi.id).toBe('business_minutes');
        expect(kpi.statistic.headline, kpi.id).toBe('p90');
      }
    }
  });

  it('counts each indicator in the month the issue asks for', () => {
    expect(kpiById('volume').countsIn).toBe('created');
    expect(kpiById('fcr').countsIn).toBe('resolved');
    expect(kpiById('resolution_time').countsIn).toBe('resolved');
    expect(kpiById('reopen_rate').countsIn).toBe('original_resolution');
    expect(kpiById('backlog').countsIn).toBe('month_end');
  });

  it('lists the variants the issue names and breakdowns among the dimensions', () => {
    const variantIds = (id: Parameters<typeof kpiById>[0]) => kpiById(id).variants.map((v) => v.id);
    expect(variantIds('volume')).toEqual(['by_type', 'by_channel']);
    expect(variantIds('fcr')).toEqual(['by_channel']);
    expect(variantIds('resolution_time')).toContain('by_priority');
    expect(variantIds('backlog')).toEqual(['aging']);
    for (const kpi of KPI_CATALOG) for (const d of kpi.breakdowns) expect(DIMENSIONS).toContain(d);
  });

  it('tells an indicator id from any other text', () => {
    expect([isKpiId('nps'), isKpiId('toString'), isKpiId('NPS')]).toEqual([true, false, false]);
  });
});
