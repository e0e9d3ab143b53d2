import { describe, expect, it } from 'vitest';
import { extraFilterCount, filtersOf, parseQueueSearch, sortInAddress } from './queue-search.js';

describe('parseQueueSearch', () => {
  it('keeps what is valid and drops what is not', () => {
    expect(
      parseQueueSearch({
        queue: 'unassigned',
        q: 'printer',
        status: ['new', 'bogus', 'new'],
        priority: ['1', '9'],
        type: 'incident',
        channel: 'fax',
        createdFrom: '2024-02-30x',
        createdTo: '2024-03-01',
        sort: 'random',
        extra: 'ignored',
      }),
    ).toEqual({
      queue: 'unassigned',
      q: 'printer',
      status: ['new'],
      priority: [1],
      type: ['incident'],
      createdTo: '2024-03-01',
    });
  });

  it('drops blank or overlong text', () => {
    expect(parseQueueSearch({ q: '   ', tag: 'x'.repeat(41), organizationId: 'org-1' })).toEqual({
      organizationId: 'org-1',
    });
  });

  it('reads a single priority as a list', () => {
    expect(parseQueueSearch({ priority: 2 })).toEqual({ priority: [2] });
  });
});

describe('filtersOf', () => {
  it('defaults to my queue, by the nearest SLA deadline', () => {
    expect(filtersOf({})).toEqual({ queue: 'mine', sort: 'due' });
  });

  it('opens my tickets and the unassigned ones by due, the wider queues by last update, unless a sort is chosen', () => {
    expect(filtersOf({ queue: 'unassigned' }).sort).toBe('due');
    expect(filtersOf({ queue: 'open' }).sort).toBe('updated');
    expect(filtersOf({ queue: 'recent' }).sort).toBe('updated');
    expect(filtersOf({ queue: 'all' }).sort).toBe('updated');
    expect(filtersOf({ sort: 'priority' }).sort).toBe('priority');
    expect(filtersOf({ queue: 'open', sort: 'due' }).sort).toBe('due');
  });

  it('turns calendar days into instants, the "to" day included whole', () => {
    const filters = filtersOf({ queue: 'all', createdFrom: '2024-01-05', createdTo: '2024-01-06', tag: 'vip' });
    expect(filters).toEqual({
      queue: 'all',
      sort: 'updated',
      tag: 'vip',
      createdFrom: new Date(2024, 0, 5).toISOString(),
      createdTo: new Date(new Date(2024, 0, 7).getTime() - 1).toISOString(),
    });
  });
});

describe('sortInAddress', () => {
  it("keeps a sort out of the address when it is the queue's own, and in it otherwise", () => {
    expect(sortInAddress(undefined, 'due')).toBeUndefined();
    expect(sortInAddress('mine', 'updated')).toBe('updated');
    expect(sortInAddress('unassigned', 'due')).toBeUndefined();
    expect(sortInAddress('open', 'updated')).toBeUndefined();
    expect(sortInAddress('open', 'due')).toBe('due');
  });
});

describe('extraFilterCount', () => {
  it('counts the filters behind "more filters", not the queue, sort, search or status', () => {
    expect(extraFilterCount({ queue: 'all', sort: 'created', q: 'x', status: ['new'] })).toBe(0);
    expect(extraFilterCount({ type: ['query'], tag: 'vip', createdFrom: '2024-01-01' })).toBe(3);
  });
});
