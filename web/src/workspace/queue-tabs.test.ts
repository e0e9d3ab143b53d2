import { describe, expect, it } from 'vitest';
import { countLabel, showsAssignee } from './queue-tabs.js';

describe('countLabel', () => {
  const counts = {
    items: [
      { queue: 'mine' as const, count: 4, more: false },
      { queue: 'open' as const, count: 0, more: false },
      { queue: 'all' as const, count: 999, more: true },
    ],
  };

  it('shows the count, a zero too, and the cap with a plus once the server stopped counting', () => {
    expect(countLabel(counts, 'mine')).toBe('4');
    expect(countLabel(counts, 'open')).toBe('0');
    expect(countLabel(counts, 'all')).toBe('999+');
  });

  it('shows nothing for a queue not counted yet', () => {
    expect(countLabel(undefined, 'mine')).toBeNull();
    expect(countLabel(counts, 'unassigned')).toBeNull();
  });
});

describe('showsAssignee', () => {
  it('leaves the assignee out where every row has the same one', () => {
    expect(showsAssignee('mine')).toBe(false);
    expect(showsAssignee('unassigned')).toBe(false);
    expect(showsAssignee('open')).toBe(true);
    expect(showsAssignee('all')).toBe(true);
  });
});
