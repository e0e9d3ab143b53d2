import { describe, expect, it } from 'vitest';
import {
  boardFiltersOf,
  currentMonth,
  hasFilters,
  parseSupervisionSearch,
  problemBoardFiltersOf,
  summaryFiltersOf,
} from './supervision-search.js';

describe('parseSupervisionSearch', () => {
  it('keeps known views, levels and well-formed months only', () => {
    expect(parseSupervisionSearch({ view: 'breached', level: 'L2', month: '2024-12', groupId: 'g1' })).toEqual({
      view: 'breached',
      level: 'L2',
      month: '2024-12',
      groupId: 'g1',
    });
    expect(parseSupervisionSearch({ view: 'everything', level: 'L4', month: '2024-13', assigneeId: '' })).toEqual({});
  });

  it('keeps the Problems view with its own views only', () => {
    expect(parseSupervisionSearch({ board: 'problems', view: 'commitments' })).toEqual({
      board: 'problems',
      view: 'commitments',
    });
    expect(parseSupervisionSearch({ board: 'problems', view: 'paused' })).toEqual({ board: 'problems' });
    expect(parseSupervisionSearch({ board: 'changes' })).toEqual({});
  });
});

describe('filters', () => {
  it('share the people and place filters between board and counts; the board defaults to at risk', () => {
    const search = { view: 'paused' as const, organizationId: 'o1', level: 'L1' as const, month: '2024-05' };
    expect(summaryFiltersOf(search)).toEqual({ organizationId: 'o1', level: 'L1' });
    expect(boardFiltersOf(search)).toEqual({ organizationId: 'o1', level: 'L1', view: 'paused' });
    expect(boardFiltersOf({})).toEqual({ view: 'at_risk' });
  });

  it('narrow the Problems view by organization and group only', () => {
    expect(problemBoardFiltersOf({ board: 'problems', organizationId: 'o1', level: 'L1', assigneeId: 'u1' })).toEqual({
      view: 'at_risk',
      organizationId: 'o1',
    });
    expect(problemBoardFiltersOf({ board: 'problems', view: 'breached', groupId: 'g1' })).toEqual({
      view: 'breached',
      groupId: 'g1',
    });
  });

  it('say whether anything beyond the view is filtered', () => {
    expect(hasFilters({ view: 'breached', month: '2024-01' })).toBe(false);
    expect(hasFilters({ assigneeId: 'u1' })).toBe(true);
  });

  it('name the current month with two digits', () => {
    expect(currentMonth(new Date(2024, 2, 15))).toBe('2024-03');
    expect(currentMonth(new Date(2024, 11, 31))).toBe('2024-12');
  });
});
