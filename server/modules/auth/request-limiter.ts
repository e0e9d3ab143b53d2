import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import * as throttle from './login-throttle.repository.js';

/**
 * Counts requests per key in a fixed window and refuses those past the limit with 429 and when
 * to retry. Kept in the database, so several instances count together. For what anyone may call
 * without signing in: a password reset, a survey answered by its link.
 */
export class RequestLimiter {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  async admit(key: string, limit: number, windowMs: number, message: string): Promise<void> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - windowMs).toISOString();
    const { attempts, windowStartedAt } = await throttle.countAttempt(this.db, key, now.toISOString(), windowStart);
    if (attempts <= limit) return;
    const retryAfter = Math.max(1, Math.ceil((Date.parse(windowStartedAt) + windowMs - now.getTime()) / 1000));
    throw new AppError('too_many_requests', message, { headers: { 'retry-after': String(retryAfter) } });
  }
}
