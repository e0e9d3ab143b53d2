import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';

const raw = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');

describe('pagination cursors', () => {
  it('gives back what a list encoded, when each value has the type its sort compares', () => {
    const values = [2, '2026-12-07T14:00:00.000Z', '01a25100-6f39-7000-bbe6-d0111fa5913b'];
    expect(decodeCursor(encodeCursor(values), ['integer', 'timestamp', 'id'])).toEqual(values);
    expect(decodeCursor(encodeCursor(['Acme', 'x1']), ['text', 'id'])).toEqual(['Acme', 'x1']);
    expect(decodeCursor(undefined, ['id'])).toBeUndefined();
  });

  it.each([
    ['not base64url JSON', '!!!', ['id']],
    ['the wrong number of values', raw(['a', 'b']), ['id']],
    [
      'a string where an integer is compared',
      raw(['two', '2026-12-07T14:00:00Z', 'x']),
      ['integer', 'timestamp', 'id'],
    ],
    [
      'a fraction where an integer is compared',
      raw([1.5, '2026-12-07T14:00:00Z', 'x']),
      ['integer', 'timestamp', 'id'],
    ],
    ['a number where a timestamp is compared', raw([1733580000000, 'x']), ['timestamp', 'id']],
    ['a timestamp in year 0000', raw(['0000-01-01T00:00:00Z', 'x']), ['timestamp', 'id']],
    ['a timestamp past 2999', raw(['3000-01-01T00:00:00Z', 'x']), ['timestamp', 'id']],
    ['a day that does not exist', raw(['2026-02-30T00:00:00Z', 'x']), ['timestamp', 'id']],
    ['words where a timestamp is compared', raw(['yesterday', 'x']), ['timestamp', 'id']],
    ['a number where an id is compared', raw([42]), ['id']],
    ['an id longer than any id', raw(['x'.repeat(65)]), ['id']],
    ['a NUL byte in text', raw([`a\u0000b`, 'x']), ['text', 'id']],
    ['null', raw([null]), ['id']],
  ] as const)('refuses %s as a 400 naming the cursor', (_, cursor, types) => {
    expect(() => decodeCursor(cursor, types)).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        errors: [{ field: 'cursor', message: expect.any(String) }],
      }),
    );
  });
});
