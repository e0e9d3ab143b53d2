import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { validationError } from '../../platform/errors.js';
import { hashSecret, newId, newSecret } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { SecurityRecorder } from '../security-log/security-log.service.js';
import { normalizeEmail, type UsersService } from '../users/users.service.js';
import type { ClientMeta } from './auth.service.js';
import * as repo from './password-reset.repository.js';
import { RequestLimiter } from './request-limiter.js';

/** How long a reset link works, and how many links one address or one account may ask for. */
export const RESET_LIMITS = {
  linkLifetimeMs: 60 * 60_000,
  windowMs: 60 * 60_000,
  /** Links asked for one email per window: enough for a lost mail, too few to flood an inbox. */
  perEmail: 3,
  /** Requests from one address per window, whatever the email. */
  perAddress: 10,
  /**
   * The answer to "send me a link" takes at least this long, known address or not, so its timing
   * does not tell which addresses have an account (the work for a known one is a few writes).
   */
  answerFloorMs: 400,
};

export interface ResetMailRecipient {
  email: string;
  name: string;
  locale: 'es' | 'en';
}

/** Writes the reset mail to the outbox in the caller's transaction (the mail module's, wired at start). */
export type PasswordResetMailer = (
  trx: Kysely<DB>,
  to: ResetMailRecipient,
  link: { token: string; expiresAt: string },
) => Promise<void>;

const linkRefused = (message: string) => validationError([{ field: 'token', message }]);

/**
 * The forgotten-password flow (OWASP ASVS 5.0 §6.4): a link by mail holding a 256-bit secret kept
 * only as its SHA-256, good for an hour and once. Asking answers alike for every address; using
 * it sets a password under the usual policy, ends every session of the account and lifts its
 * sign-in lock, all recorded in the security log.
 */
export class PasswordResetService {
  private mailer: PasswordResetMailer | null = null;
  private readonly limiter: RequestLimiter;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly securityLog: SecurityRecorder,
  ) {
    this.limiter = new RequestLimiter(db, clock);
  }

  /** The mail module hands in how reset mail is written; without outgoing mail there is none. */
  mailWith(mailer: PasswordResetMailer): void {
    this.mailer = mailer;
  }

  /** Counts one request against `key`; past `limit` in the window, refused with when to retry. */
  private admit(key: string, limit: number): Promise<void> {
    return this.limiter.admit(key, limit, RESET_LIMITS.windowMs, 'Too many password reset requests; try again later');
  }

  /**
   * Sends a reset link if an active account has this address. Nothing in the outcome says
   * whether one does: the limits count every address alike, and the caller answers the same.
   */
  async request(email: string, locale: 'es' | 'en' | undefined, meta: ClientMeta): Promise<void> {
    const address = normalizeEmail(email);
    const now = this.clock.now();
    const ctx: RequestContext = { principal: null, requestId: meta.requestId ?? null, ip: meta.ip };
    if (meta.ip) await this.admit(`reset:address:${meta.ip}`, RESET_LIMITS.perAddress);
    await this.admit(`reset:email:${address}`, RESET_LIMITS.perEmail);
    const token = newSecret();
    const expiresAt = new Date(now.getTime() + RESET_LIMITS.linkLifetimeMs).toISOString();
    const user = await this.users.findActiveByEmail(address);
    await this.db.transaction().execute(async (trx) => {
      if (user) {
        await repo.insertReset(trx, {
          id: newId(now.getTime()),
          user_id: user.id,
          token_hash: hashSecret(token),
          created_at: now.toISOString(),
          expires_at: expiresAt,
          used_at: null,
          requested_ip: meta.ip,
        });
        const to = { email: user.email, name: user.name, locale: user.locale ?? locale ?? 'es' };
        await this.mailer?.(trx, to, { token, expiresAt });
      }
      await this.securityLog.record(trx, ctx, {
        kind: 'password.reset_requested',
        userId: user?.id ?? null,
        email: address,
        ip: meta.ip,
        userAgent: meta.userAgent,
        details: user ? { mailed: this.mailer !== null, expiresAt } : { reason: 'unknown_or_inactive_account' },
      });
    });
  }

  /** Sets a new password with a link's secret; the link is spent in the same transaction. */
  async reset(token: string, password: string, meta: ClientMeta): Promise<void> {
    const now = this.clock.now().toISOString();
    const row = await repo.findByTokenHash(this.db, hashSecret(token));
    if (!row) throw linkRefused('is not a valid reset link');
    if (row.used_at) throw linkRefused('has already been used');
    if (row.expires_at <= now) throw linkRefused('has expired');
    const user = await this.users.findActiveById(row.user_id);
    if (!user) throw linkRefused('is not a valid reset link');
    const ctx: RequestContext = { principal: null, requestId: meta.requestId ?? null, ip: meta.ip };
    await this.users.setPassword(ctx, user.id, password, null, {
      field: 'password',
      by: 'reset_link',
      within: async (trx) => {
        // Checked again where it counts: of two uses racing, only the one whose update lands goes on.
        if (!(await repo.spend(trx, row.id, now))) throw linkRefused('has already been used');
        await repo.spendAllOf(trx, user.id, now);
      },
    });
  }

  /** Removes links that ended more than a day ago. */
  purgeEnded(): Promise<number> {
    return repo.purgeBefore(this.db, new Date(this.clock.now().getTime() - 24 * 3_600_000).toISOString());
  }
}
