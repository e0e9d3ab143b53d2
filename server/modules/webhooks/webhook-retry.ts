const MINUTE = 60_000;
/** Waits after each failed attempt: a minute, five, half an hour, two hours; the fifth failure is final. */
export const WEBHOOK_BACKOFF_MS = [1, 5, 30, 120].map((m) => m * MINUTE);
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_BACKOFF_MS.length + 1;
/** The longest wait between attempts, whatever a receiver's Retry-After asks. */
export const WEBHOOK_MAX_WAIT_MS = WEBHOOK_BACKOFF_MS.at(-1) as number;

/**
 * Whether another attempt could go better. A 4xx says the request itself is refused (a wrong
 * path, a signature the receiver rejects, a gone endpoint): sending it again changes nothing, so it
 * fails at once. 408 (timeout) and 429 (too many requests) are the receiver's passing state, as are
 * 5xx answers, timeouts and network errors: those are tried again.
 */
export function isPermanentRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** A Retry-After header as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its weekday and month; anything else Date.parse might guess at is refused.
  const at = /^[A-Za-z]{3},/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/**
 * How long to wait after failed attempt number `attempts` (1 for the first): the backoff, or
 * longer when the receiver asked for longer with Retry-After, never past WEBHOOK_MAX_WAIT_MS.
 */
export function retryDelayMs(attempts: number, retryAfter: number | null): number {
  const backoff = WEBHOOK_BACKOFF_MS[attempts - 1] ?? WEBHOOK_MAX_WAIT_MS;
  return Math.min(WEBHOOK_MAX_WAIT_MS, Math.max(backoff, retryAfter ?? 0));
}
