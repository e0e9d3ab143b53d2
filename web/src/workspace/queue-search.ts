import { QUEUES, SORTS } from '../../../domain/contracts/tickets.js';
import { PRIORITIES, type Priority } from '../../../domain/tickets/priority.js';
import { STATUSES, type TicketStatus } from '../../../domain/tickets/ticket-lifecycle.js';
import { CHANNELS, type Channel, TICKET_TYPES, type TicketType } from '../../../domain/tickets/ticket-types.js';
import type { TicketFilters } from '../api/use-tickets.js';

export type Queue = (typeof QUEUES)[number];
export type Sort = (typeof SORTS)[number];

/** What the queue page keeps in its address, so a filtered queue can be bookmarked, shared and returned to. */
export interface QueueSearch {
  queue?: Queue;
  q?: string;
  status?: TicketStatus[];
  priority?: Priority[];
  type?: TicketType[];
  channel?: Channel[];
  organizationId?: string;
  serviceId?: string;
  assigneeId?: string;
  groupId?: string;
  tag?: string;
  /** Calendar days (YYYY-MM-DD) in the viewer's time zone. */
  createdFrom?: string;
  createdTo?: string;
  sort?: Sort;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : undefined;

function listOf<T extends string | number>(list: readonly T[], value: unknown): T[] | undefined {
  const values = (Array.isArray(value) ? value : [value]).filter((v): v is T =>
    (list as readonly unknown[]).includes(v),
  );
  return values.length > 0 ? [...new Set(values)] : undefined;
}

const text = (value: unknown, max = 200): string | undefined =>
  typeof value === 'string' && value.trim() && value.length <= max ? value : undefined;

/** Reads the address's search part; anything unknown or malformed is dropped rather than sent to the API. */
export function parseQueueSearch(search: Record<string, unknown>): QueueSearch {
  const parsed: QueueSearch = {
    queue: oneOf(QUEUES, search.queue),
    q: text(search.q),
    status: listOf(STATUSES, search.status),
    priority: listOf(
      PRIORITIES,
      Array.isArray(search.priority) ? search.priority.map(Number) : search.priority && Number(search.priority),
    ),
    type: listOf(TICKET_TYPES, search.type),
    channel: listOf(CHANNELS, search.channel),
    organizationId: text(search.organizationId, 64),
    serviceId: text(search.serviceId, 64),
    assigneeId: text(search.assigneeId, 64),
    groupId: text(search.groupId, 64),
    tag: text(search.tag, 40),
    createdFrom:
      typeof search.createdFrom === 'string' && DAY.test(search.createdFrom) ? search.createdFrom : undefined,
    createdTo: typeof search.createdTo === 'string' && DAY.test(search.createdTo) ? search.createdTo : undefined,
    sort: oneOf(SORTS, search.sort),
  };
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as QueueSearch;
}

/** Midnight at the start of a calendar day in the viewer's zone, as an instant. */
const startOfDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};

/**
 * The order a queue opens in: someone's own work and the tickets waiting for someone by the
 * nearest SLA deadline, so a breached P1 is on top; the wider queues by last update.
 */
export function defaultSort(queue: Queue | undefined): Sort {
  return (queue ?? 'mine') === 'mine' || queue === 'unassigned' ? 'due' : 'updated';
}

/** The address's sort for a choice: none when it is the queue's own default, so the address stays short. */
export function sortInAddress(queue: Queue | undefined, sort: Sort): Sort | undefined {
  return sort === defaultSort(queue) ? undefined : sort;
}

/** The API query for what the page shows: days become instants (the "to" day is included whole). */
export function filtersOf(search: QueueSearch): TicketFilters {
  const { createdFrom, createdTo, queue, ...rest } = search;
  const filters: TicketFilters = { ...rest, queue: queue ?? 'mine', sort: search.sort ?? defaultSort(queue) };
  if (createdFrom) filters.createdFrom = startOfDay(createdFrom).toISOString();
  if (createdTo) {
    const next = startOfDay(createdTo);
    next.setDate(next.getDate() + 1);
    filters.createdTo = new Date(next.getTime() - 1).toISOString();
  }
  return filters;
}

/** How many filters beyond the queue and the sort are set: shown on the "more filters" button. */
export const extraFilterCount = (search: QueueSearch) =>
  [
    search.type,
    search.channel,
    search.organizationId,
    search.serviceId,
    search.groupId,
    search.tag,
    search.createdFrom,
    search.createdTo,
  ].filter(Boolean).length;
