import { describe, expect, it } from 'vitest';
import { KPI_CATALOG } from './kpi-catalog.js';
import {
  checkKpiTargets,
  DEFAULT_KPI_TARGETS,
  judge,
  judgeKpi,
  type TargetVersion,
  targetsInForce,
} from './kpi-targets.js';

describe('judge', () => {
  const fcr = { target: 0.7, amber: 0.7, red: 0.6 };
  const reopens = { target: 0.05, amber: 0.05, red: 0.1 };

  it('judges an indicator where up is better', () => {
    // Green at or above 0.70; amber from just below it down to 0.60 itself; red below 0.60.
    expect([0.75, 0.7, 0.65, 0.6, 0.59].map((v) => judge(v, fcr, 'up'))).toEqual([
      'green',
      'green',
      'amber',
      'amber',
      'red',
    ]);
  });

  it('judges an indicator where down is better', () => {
    // Green at or below 5 %; amber up to 10 %; red above it.
    expect([0.04, 0.05, 0.07, 0.1, 0.11].map((v) => judge(v, reopens, 'down'))).toEqual([
      'green',
      'green',
      'amber',
      'amber',
      'red',
    ]);
  });

  it('keeps a tolerated miss green when amber is set past the target', () => {
    expect(judge(0.69, { target: 0.7, amber: 0.68, red: 0.6 }, 'up')).toBe('green');
    expect(judge(0.67, { target: 0.7, amber: 0.68, red: 0.6 }, 'up')).toBe('amber');
  });

  it('says none with no value, no target or no direction', () => {
    expect([judge(null, fcr, 'up'), judge(0.5, undefined, 'up'), judge(0.5, fcr, 'none')]).toEqual([
      'none',
      'none',
      'none',
    ]);
  });

  it('reads the direction from the catalog', () => {
    // p90 resolution of 2000 business minutes: over 1440 (target), not over 2400 (red) → amber.
    expect(judgeKpi('resolution_time', 2000, DEFAULT_KPI_TARGETS)).toBe('amber');
    expect(judgeKpi('volume', 2000, DEFAULT_KPI_TARGETS)).toBe('none');
  });
});

describe('targetsInForce', () => {
  const version = (version: number, validFrom: string, fcr: number): TargetVersion => ({
    version,
    validFrom,
    targets: { fcr: { target: fcr, amber: fcr, red: fcr - 0.1 } },
  });
  const versions = [version(3, '2026-03', 0.8), version(1, '2025-01', 0.6), version(2, '2026-03', 0.7)];

  it('picks the version a month was judged by', () => {
    expect(
      ['2024-12', '2025-01', '2026-02', '2026-03', '2027-06'].map((m) => targetsInForce(versions, m)?.version ?? null),
    ).toEqual([null, 1, 1, 3, 3]);
  });
});

describe('checkKpiTargets', () => {
  it('accepts the default template for every indicator that has a direction', () => {
    expect(checkKpiTargets({ validFrom: '2026-01', targets: DEFAULT_KPI_TARGETS as never })).toEqual([]);
    // The backlog has a direction but its size follows the client's, so the template sets no target.
    const directed = KPI_CATALOG.filter((kpi) => kpi.better !== 'none' && kpi.id !== 'backlog').map((kpi) => kpi.id);
    expect(Object.keys(DEFAULT_KPI_TARGETS).sort()).toEqual([...directed].sort());
  });

  it('names each field on the wrong side of the one before it, for each direction', () => {
    const issues = checkKpiTargets({
      validFrom: '2026-13',
      targets: {
        fcr: { target: 0.7, amber: 0.75, red: 0.6 },
        reopen_rate: { target: 0.05, amber: 0.08, red: 0.07 },
        sla_response: { target: 1.2, amber: 0.9, red: 0.8 },
        volume: { target: 1, amber: 1, red: 1 },
        speed: { target: 1, amber: 1, red: 1 },
      },
    });
    expect(issues.map((issue) => issue.field)).toEqual([
      'validFrom',
      'targets.fcr.amber',
      'targets.reopen_rate.red',
      'targets.sla_response.target',
      'targets.volume',
      'targets.speed',
    ]);
  });
});
