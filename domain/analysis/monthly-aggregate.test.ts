import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, SANTIAGO } from '../../test/support/analysis-fixtures.js';
import {
  type AggregateMap,
  addCampaign,
  addProblemFacts,
  addTicketFacts,
  aggregateKey,
  kpiValue,
  mergeAggregateMaps,
  mergeAggregates,
  percentile,
  WHOLE,
} from './monthly-aggregate.js';
import { problemFacts } from './problem-facts.js';
import type { TicketFacts } from './ticket-facts.js';

const MARCH = '2026-03';

/** A ticket of Northwind created and resolved in March, answered in 10 minutes, resolved in 60. */
function facts(
  overrides: Partial<TicketFacts> = {},
  resolution: Partial<NonNullable<TicketFacts['resolution']>> = {},
): TicketFacts {
  return {
    ticketId: 't',
    organizationId: 'northwind',
    imported: false,
    dimensions: {
      service: 'email',
      category: 'printers',
      group: 'desk',
      channel: 'phone',
      level: 'L1',
      type: 'incident',
      priority: '3',
      agent: 'ana',
    },
    created: { month: MARCH, incident: true, linkedToProblem: false },
    firstResponse: { month: MARCH, minutes: 10, withinTarget: true, slaMet: true },
    resolution: {
      month: MARCH,
      minutes: 60,
      withinTarget: true,
      slaMet: true,
      firstContact: false,
      l1WithoutEscalation: true,
      escalated: false,
      procedureAtFirstContact: false,
      ...resolution,
    },
    resolutions: [{ month: MARCH, reopened: false }],
    backlog: [],
    commitments: [],
    satisfaction: null,
    ...overrides,
  };
}

const fold = (all: TicketFacts[]) => all.reduce<AggregateMap>((map, f) => addTicketFacts(map, f), new Map());
const whole = (map: AggregateMap, month = MARCH, organizationId = 'northwind') => {
  const entry = map.get(aggregateKey({ organizationId, month, dimension: WHOLE, value: '' }));
  if (!entry) throw new Error(`no aggregate for ${organizationId} ${month}`);
  return entry.aggregate;
};

describe('percentile', () => {
  it('interpolates between ranks on a small list', () => {
    const tens = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    // Median: rank (10 − 1) × 0.5 = 4.5 → halfway between 50 and 60 = 55.
    // p90: rank 9 × 0.9 = 8.1 → 90 + 0.1 × (100 − 90) = 91.
    expect([percentile(tens, 0.5), percentile(tens, 0.9)]).toEqual([55, 91]);
    // [1, 3, 7]: median rank 1 → 3; p90 rank 1.8 → 3 + 0.8 × 4 = 6.2.
    expect(percentile([1, 3, 7], 0.9)).toBeCloseTo(6.2, 10);
    expect([percentile([42], 0.9), percentile([], 0.5)]).toEqual([42, null]);
  });
});

describe('a month folded by hand', () => {
  const month = fold([
    // On the call, with a procedure, rated 5.
    facts(
      { satisfaction: { month: MARCH, rating: 5 } },
      { minutes: 0, firstContact: true, procedureAtFirstContact: true },
    ),
    // Escalated, late: 600 minutes, first response 120 and out of target; reopened within the window.
    facts(
      {
        firstResponse: { month: MARCH, minutes: 120, withinTarget: false, slaMet: false },
        resolutions: [{ month: MARCH, reopened: true }],
        satisfaction: { month: MARCH, rating: 2 },
      },
      { minutes: 600, withinTarget: false, slaMet: false, l1WithoutEscalation: false, escalated: true },
    ),
    // Procedure applied on the call but not solved there; 90 minutes; linked to a problem.
    facts(
      { created: { month: MARCH, incident: true, linkedToProblem: true } },
      { minutes: 90, procedureAtFirstContact: true },
    ),
    // Still open at March's close, 3–7 days old; no response yet.
    facts({ firstResponse: null, resolution: null, resolutions: [], backlog: [{ month: MARCH, bucket: 'days_3_7' }] }),
  ]);
  const march = whole(month);

  it('counts volume, backlog and the proportions', () => {
    expect(kpiValue('volume', march).value).toBe(4);
    expect(kpiValue('tickets_per_user', march, { users: 8 }).value).toBe(0.5); // 4 ÷ 8
    expect(kpiValue('fcr', march)).toMatchObject({ numerator: 1, denominator: 3 }); // 1 of 3 resolved
    expect(kpiValue('l1_resolution', march).value).toBeCloseTo(2 / 3, 10);
    expect(kpiValue('escalation_rate', march).value).toBeCloseTo(1 / 3, 10);
    expect(kpiValue('procedure_fcr', march).value).toBe(0.5); // of the 2 with a procedure, 1 on the call
    expect(kpiValue('reopen_rate', march).value).toBeCloseTo(1 / 3, 10);
    expect(kpiValue('sla_response', march).value).toBeCloseTo(2 / 3, 10);
    expect(kpiValue('problem_incidents', march)).toMatchObject({ value: 0.25, numerator: 1, denominator: 4 });
    expect(kpiValue('backlog', march)).toMatchObject({ value: 1, buckets: { days_3_7: 1, days_0_2: 0 } });
  });

  it('gives durations their median, p90 and share within target', () => {
    // Resolution minutes [0, 90, 600]: median 90; p90 rank 1.8 → 90 + 0.8 × 510 = 498.
    expect(kpiValue('resolution_time', march)).toMatchObject({ n: 3, median: 90, p90: 498, value: 498 });
    expect(kpiValue('resolution_time', march).withinTarget).toBeCloseTo(2 / 3, 10);
    // First response [10, 10, 120]: median 10; p90 10 + 0.8 × 110 = 98.
    expect(kpiValue('first_response_time', march)).toMatchObject({ median: 10, p90: 98 });
  });

  it('gives the satisfaction mean and top-2-box', () => {
    // Ratings 5 and 2: mean 3.5; one of two is a 4 or 5.
    expect(kpiValue('csat', march)).toMatchObject({ value: 3.5, topTwoBox: 0.5, n: 2 });
  });

  it('keeps each dimension value apart', () => {
    const split = fold([facts(), facts({ dimensions: { ...facts().dimensions, group: 'field' } })]);
    const group = (value: string) =>
      split.get(aggregateKey({ organizationId: 'northwind', month: MARCH, dimension: 'group', value }))?.aggregate
        .created;
    expect([group('desk'), group('field'), whole(split).created]).toEqual([1, 1, 2]);
  });

  it('says null, not zero, for a month with nothing to measure', () => {
    const empty = whole(fold([facts({ firstResponse: null, resolution: null, resolutions: [] })]));
    expect([
      kpiValue('fcr', empty).value,
      kpiValue('resolution_time', empty).value,
      kpiValue('csat', empty).value,
    ]).toEqual([null, null, null]);
  });
});

describe('campaigns and problems', () => {
  it('computes the campaign index and NPS from its counts', () => {
    const map = addCampaign(new Map(), {
      organizationId: 'northwind',
      month: MARCH,
      ratingCount: 10,
      ratingSum: 40,
      promoters: 5,
      passives: 3,
      detractors: 2,
    });
    // Mean 4 → (4 − 1) ÷ 4 × 100 = 75; NPS (5 − 2) ÷ 10 × 100 = 30.
    expect([kpiValue('survey_index', whole(map)).value, kpiValue('nps', whole(map)).value]).toEqual([75, 30]);
  });

  it('measures a problem to the resolution that stands, without the resolved spell', () => {
    const problem = {
      id: 'p1',
      organizationIds: ['northwind'],
      priority: 2 as const,
      groupId: 'field',
      createdAt: at('2026-03-02T12:00:00Z'), // Monday 09:00 in Santiago
      statusHistory: [
        { at: at('2026-03-02T12:00:00Z'), status: 'new' as const },
        { at: at('2026-03-04T15:00:00Z'), status: 'resolved' as const }, // Wednesday 12:00
        { at: at('2026-03-05T12:00:00Z'), status: 'investigating' as const }, // Thursday 09:00: the fix failed
        { at: at('2026-03-05T14:00:00Z'), status: 'resolved' as const }, // Thursday 11:00
      ],
      targetMinutes: 1440,
    };
    const facts = problemFacts(problem, 'northwind', SANTIAGO, at('2026-04-15T00:00:00Z'));
    // Monday 540 + Tuesday 540 + Wednesday 09:00–12:00 180 = 1260; Thursday 09:00–11:00 120 → 1380 ≤ 1440.
    expect(facts.resolution).toEqual({ month: MARCH, minutes: 1380, withinTarget: true, slaMet: true });
    const map = addProblemFacts(new Map(), facts);
    expect(kpiValue('problem_resolution_time', whole(map))).toMatchObject({ median: 1380, n: 1 });
  });
});

const monthArb = fc.constantFrom('2026-01', '2026-02', '2026-03');
const durationArb = fc.record({
  month: monthArb,
  minutes: fc.nat(5000),
  withinTarget: fc.option(fc.boolean(), { nil: null }),
  slaMet: fc.option(fc.boolean(), { nil: null }),
});
const factsArb: fc.Arbitrary<TicketFacts> = fc.record({
  ticketId: fc.uuid(),
  organizationId: fc.constantFrom('northwind', 'contoso'),
  imported: fc.boolean(),
  dimensions: fc.record({
    service: fc.constantFrom('email', 'erp'),
    category: fc.constantFrom('printers', 'access', '-'),
    group: fc.constantFrom('desk', 'field'),
    channel: fc.constantFrom('phone', 'email', 'portal'),
    level: fc.constantFrom('L1', 'L2'),
    type: fc.constantFrom('incident', 'request'),
    priority: fc.constantFrom('1', '3'),
    agent: fc.constantFrom('ana', 'luis', '-'),
  }),
  created: fc.record({ month: monthArb, incident: fc.boolean(), linkedToProblem: fc.boolean() }),
  firstResponse: fc.option(durationArb, { nil: null }),
  resolution: fc.option(
    fc.record({
      month: monthArb,
      minutes: fc.nat(5000),
      withinTarget: fc.option(fc.boolean(), { nil: null }),
      slaMet: fc.option(fc.boolean(), { nil: null }),
      firstContact: fc.boolean(),
      l1WithoutEscalation: fc.boolean(),
      escalated: fc.boolean(),
      procedureAtFirstContact: fc.boolean(),
    }),
    { nil: null },
  ),
  resolutions: fc.array(fc.record({ month: monthArb, reopened: fc.boolean() }), { maxLength: 3 }),
  backlog: fc.array(
    fc.record({ month: monthArb, bucket: fc.constantFrom('days_0_2', 'days_3_7', 'days_8_30', 'days_31_plus') }),
    { maxLength: 3 },
  ),
  commitments: fc.array(fc.record({ month: monthArb, kept: fc.boolean() }), { maxLength: 2 }),
  satisfaction: fc.option(fc.record({ month: monthArb, rating: fc.integer({ min: 1, max: 5 }) }), { nil: null }),
});

describe('aggregates are additive', () => {
  it('folding a split and merging equals folding the whole', () => {
    fc.assert(
      fc.property(fc.array(factsArb, { maxLength: 30 }), fc.nat(30), (all, cut) => {
        const at = Math.min(cut, all.length);
        expect(mergeAggregateMaps(fold(all.slice(0, at)), fold(all.slice(at)))).toEqual(fold(all));
      }),
      { numRuns: 200 },
    );
  });

  it('the whole desk is the merge of its organizations', () => {
    fc.assert(
      fc.property(fc.array(factsArb, { minLength: 1, maxLength: 30 }), (all) => {
        const desk = fold(all.map((f) => ({ ...f, organizationId: 'desk' })));
        const byOrganization = fold(all);
        for (const month of ['2026-01', '2026-02', '2026-03']) {
          const parts = ['northwind', 'contoso']
            .map((org) => byOrganization.get(aggregateKey({ organizationId: org, month, dimension: WHOLE, value: '' })))
            .filter((entry) => entry !== undefined)
            .map((entry) => entry.aggregate);
          const deskMonth = desk.get(aggregateKey({ organizationId: 'desk', month, dimension: WHOLE, value: '' }));
          if (parts.length === 0) expect(deskMonth).toBeUndefined();
          else expect(parts.reduce(mergeAggregates)).toEqual(deskMonth?.aggregate);
        }
      }),
      { numRuns: 200 },
    );
  });
});
