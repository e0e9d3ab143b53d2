import { describe, expect, it } from 'vitest';
import { formatTicketNumber, parseNumber, parseTicketNumber } from '../tickets/ticket-types.js';
import { incidentTrend, periodStart } from './incident-trend.js';
import {
  allowedProblemMoves,
  checkProblemTransition,
  isProblemMoveAllowed,
  isWebAddress,
  PROBLEM_STATUSES,
  type ProblemFacts,
  type ProblemStatus,
} from './problem-lifecycle.js';

const COMPLETE: ProblemFacts = {
  workaroundDesk: '<p>Reiniciar el servicio de colas</p>',
  workaroundPublic: null,
  cause: '<p>Pérdida de memoria en el conector</p>',
  permanentFix: '<p>Versión 4.2 del conector</p>',
};

// Every pair, written out: the table the server enforces, read as a person would check it.
const EXPECTED: Record<ProblemStatus, ProblemStatus[]> = {
  new: ['investigating', 'known_error', 'cancelled'],
  investigating: ['known_error', 'resolved', 'cancelled'],
  known_error: ['investigating', 'resolved', 'cancelled'],
  resolved: ['investigating', 'closed'],
  closed: [],
  cancelled: [],
};

describe('the problem lifecycle', () => {
  for (const from of PROBLEM_STATUSES) {
    for (const to of PROBLEM_STATUSES) {
      const allowed = from === to || EXPECTED[from].includes(to);
      it(`${allowed ? 'allows' : 'refuses'} ${from} -> ${to}`, () => {
        expect(isProblemMoveAllowed(from, to)).toBe(allowed);
        const issues = checkProblemTransition(from, to, COMPLETE);
        if (allowed) expect(issues).toEqual([]);
        else
          expect(issues).toEqual([
            {
              field: 'status',
              message: `a ${from} problem cannot become ${to}`,
              reason: 'transition_forbidden',
              params: { from, to },
            },
          ]);
      });
    }
    it(`offers from ${from} exactly the allowed moves`, () => {
      expect([...allowedProblemMoves(from)].sort()).toEqual([...EXPECTED[from]].sort());
    });
  }

  it('makes a known error only with a workaround, in either wording', () => {
    const none = { ...COMPLETE, workaroundDesk: '  ', workaroundPublic: null };
    expect(checkProblemTransition('investigating', 'known_error', none).map((i) => i.field)).toEqual([
      'workaroundDesk',
    ]);
    expect(
      checkProblemTransition('investigating', 'known_error', { ...none, workaroundPublic: '<p>Use la web</p>' }),
    ).toEqual([]);
  });

  it('resolves only with the root cause and the permanent fix', () => {
    const bare = { ...COMPLETE, cause: null, permanentFix: '' };
    expect(checkProblemTransition('known_error', 'resolved', bare).map((i) => i.field)).toEqual([
      'cause',
      'permanentFix',
    ]);
  });

  it('takes only http(s) addresses as fix references', () => {
    expect(isWebAddress('https://vendor.example/cases/4411')).toBe(true);
    expect(isWebAddress('http://change.local/CHG-12')).toBe(true);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress('file:///etc/passwd')).toBe(false);
    expect(isWebAddress('vendor.example/cases')).toBe(false);
  });
});

describe('problem numbers', () => {
  it('come from the one table of prefixes tickets use', () => {
    expect(formatTicketNumber('problem', 123)).toBe('PRB-000123');
    expect(parseNumber('prb-7')).toEqual({ kind: 'problem', sequence: 7 });
    expect(parseTicketNumber('PRB-000007')).toBeUndefined();
    expect(parseTicketNumber('inc-12')).toEqual({ type: 'incident', sequence: 12 });
  });
});

describe('the incidents over time', () => {
  it('counts per ISO week from Monday, empty weeks included', () => {
    expect(periodStart(Date.parse('2026-12-06T23:59:00Z'), 'week')).toBe('2026-11-30'); // a Sunday
    expect(periodStart(Date.parse('2026-12-07T00:00:00Z'), 'week')).toBe('2026-12-07'); // a Monday
    expect(incidentTrend(['2026-12-07T10:00:00Z', '2026-11-16T08:00:00Z', '2026-12-08T10:00:00Z'], 'week')).toEqual([
      { start: '2026-11-16', count: 1 },
      { start: '2026-11-23', count: 0 },
      { start: '2026-11-30', count: 0 },
      { start: '2026-12-07', count: 2 },
    ]);
  });

  it('counts per day', () => {
    expect(incidentTrend(['2026-12-02T10:00:00Z', '2026-12-04T01:00:00Z', '2026-12-02T23:00:00Z'], 'day')).toEqual([
      { start: '2026-12-02', count: 2 },
      { start: '2026-12-03', count: 0 },
      { start: '2026-12-04', count: 1 },
    ]);
    expect(incidentTrend([], 'day')).toEqual([]);
  });
});
