import type { BoardFilters, SummaryFilters } from '../api/use-supervision.js';

/** The contract's views and levels, copied so the bundle does not carry the schema library. */
export const VIEWS = ['at_risk', 'breached', 'paused', 'escalated', 'commitments'] as const;
export type View = (typeof VIEWS)[number];
export const LEVELS = ['L1', 'L2', 'L3'] as const;
export type Level = (typeof LEVELS)[number];

/** What the console keeps in its address: the view, the filters and the compliance month. */
export interface SupervisionSearch {
  view?: View;
  organizationId?: string;
  groupId?: string;
  assigneeId?: string;
  level?: Level;
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
  const parsed: SupervisionSearch = {
    view: oneOf(VIEWS, search.view),
    organizationId: id(search.organizationId),
    groupId: id(search.groupId),
    assigneeId: id(search.assigneeId),
    level: oneOf(LEVELS, search.level),
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

export const hasFilters = (search: SupervisionSearch) =>
  Boolean(search.organizationId || search.groupId || search.assigneeId || search.level);

/** This month in the viewer's zone, as YYYY-MM. */
export function currentMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}
