import { describe, expect, it } from 'vitest';
import { changesReaders, type ProcedureReaders } from './procedures.js';

describe('changesReaders', () => {
  const before: ProcedureReaders = { audience: 'requesters', serviceIds: ['s1', 's2'], categoryIds: ['c1'] };

  it('is false for an edit that leaves audience, services and categories as they are', () => {
    expect(changesReaders(before, {})).toBe(false);
    expect(changesReaders(before, { audience: 'requesters', serviceIds: ['s2', 's1'], categoryIds: ['c1'] })).toBe(
      false,
    );
  });

  it('is true for a new audience, services dropped, added or swapped, or categories changed', () => {
    expect(changesReaders(before, { audience: 'L1' })).toBe(true);
    expect(changesReaders(before, { serviceIds: [] })).toBe(true);
    expect(changesReaders(before, { serviceIds: ['s1'] })).toBe(true);
    expect(changesReaders(before, { serviceIds: ['s1', 's2', 's3'] })).toBe(true);
    expect(changesReaders(before, { serviceIds: ['s1', 's3'] })).toBe(true);
    expect(changesReaders(before, { categoryIds: [] })).toBe(true);
    expect(changesReaders(before, { categoryIds: ['c2'] })).toBe(true);
  });
});
