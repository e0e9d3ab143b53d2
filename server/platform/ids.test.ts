import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

describe('ids', () => {
  it('are UUIDv7 and keep the order they were made in, within one millisecond too', () => {
    const at = Date.parse('2026-11-30T12:00:00Z');
    const ids = Array.from({ length: 1000 }, () => newId(at));
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(
      true,
    );
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
    expect(newId(at + 1) > (ids[999] as string)).toBe(true);
  });
});
