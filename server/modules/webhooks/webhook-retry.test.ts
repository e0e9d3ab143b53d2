import { describe, expect, it } from 'vitest';
import {
  isPermanentRefusal,
  retryAfterMs,
  retryDelayMs,
  WEBHOOK_BACKOFF_MS,
  WEBHOOK_MAX_WAIT_MS,
} from './webhook-retry.js';

const MINUTE = 60_000;

describe('webhook retries', () => {
  it('gives up at once on a 4xx, except 408 and 429; retries 5xx', () => {
    expect([400, 401, 403, 404, 405, 410, 413, 422, 499].filter(isPermanentRefusal)).toEqual([
      400, 401, 403, 404, 405, 410, 413, 422, 499,
    ]);
    expect([408, 429, 500, 502, 503, 504, 200, 302].filter(isPermanentRefusal)).toEqual([]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Mon, 07 Dec 2026 12:10:00 GMT', now)).toBe(10 * MINUTE);
    expect(retryAfterMs('Mon, 07 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-5', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('waits the backoff, or longer when asked, never past the cap', () => {
    expect(WEBHOOK_BACKOFF_MS.map((_, i) => retryDelayMs(i + 1, null))).toEqual(WEBHOOK_BACKOFF_MS);
    expect(retryDelayMs(1, 10_000)).toBe(MINUTE);
    expect(retryDelayMs(1, 20 * MINUTE)).toBe(20 * MINUTE);
    expect(retryDelayMs(1, 24 * 60 * MINUTE)).toBe(WEBHOOK_MAX_WAIT_MS);
    expect(retryDelayMs(9, null)).toBe(WEBHOOK_MAX_WAIT_MS);
  });
});
