import {
  PROBLEM_SUPERVISION_VIEWS,
  type ProblemSupervisionView,
  SUPERVISION_VIEWS,
  type SupervisionView,
} from '../../../domain/contracts/supervision.js';
import { SUPPORT_LEVELS, type SupportLevel } from '../../../domain/support/support-levels.js';
import type { BoardFilters, ProblemBoardFilters, SummaryFilters } from '../api/use-supervision.js';

/** What the console keeps in its address: the view, the filters and the compliance month. */
export interface SupervisionSearch {
  /** The Problems view of the board; tickets when absent. */
  board?: 'problems';
  view?: SupervisionView;
  organizationId?: string;
  groupId?: string;
  assigneeId?: string;
  level?: SupportLevel;
  /** YYYY-MM; this month when absent. */
  month?: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : undefined;

const id = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() && value.length <= 64 ? value : undefined;

/** Reads the address's search part; anything unknown or malformed is dropped rather than sent to the API. */
export function parseSupervisionSearch(search: Record<string, unknown>): SupervisionSearch {
  const board = search.board === 'problems' ? 'problems' : undefined;
  const parsed: SupervisionSearch = {
    board,
    // The Problems view has fewer views than the tickets' board: one it lacks is dropped.
    view: board ? oneOf(PROBLEM_SUPERVISION_VIEWS, search.view) : oneOf(SUPERVISION_VIEWS, search.view),
    organizationId: id(search.organizationId),
    groupId: id(search.groupId),
    assigneeId: id(search.assigneeId),
    level: oneOf(SUPPORT_LEVELS, search.level),
    month: typeof search.month === 'string' && MONTH.test(search.month) ? search.month : undefined,
  };
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as SupervisionSearch;
}

/** The filters both the board and its counts take. */
export function summaryFiltersOf(search: SupervisionSearch): SummaryFilters {
  const { organizationId, groupId, assigneeId, level } = search;
  return Object.fromEntries(
    Object.entries({ organizationId, groupId, assigneeId, level }).filter(([, v]) => v !== undefined),
  ) as SummaryFilters;
}

export const boardFiltersOf = (search: SupervisionSearch): BoardFilters => ({
  ...summaryFiltersOf(search),
  view: search.view ?? 'at_risk',
});

/** The Problems view's filters: problems have an organization and a group, no agent or level. */
export const problemBoardFiltersOf = (search: SupervisionSearch): ProblemBoardFilters => {
  const view = oneOf(PROBLEM_SUPERVISION_VIEWS, search.view) ?? 'at_risk';
  const { organizationId, groupId } = search;
  return {
    view: view as ProblemSupervisionView,
    ...(organizationId ? { organizationId } : {}),
    ...(groupId ? { groupId } : {}),
  };
};

export const hasFilters = (search: SupervisionSearch) =>
  Boolean(search.organizationId || search.groupId || search.assigneeId || search.level);

/** This month in the viewer's zone, as YYYY-MM. */
export function currentMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}
