import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { MfaChallenge, MfaStatus, RecoveryCodes, TotpEnrolment } from '../../../domain/contracts/mfa.js';
import type { Role } from '../../../domain/roles.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { hashSecret, newId, newSecret } from '../../platform/ids.js';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import type { Principal, RequestContext } from '../../platform/request-context.js';
import { SecretBox } from '../../platform/secret-box.js';
import type { AuditService } from '../audit/audit.service.js';
import * as repo from './mfa.repository.js';

export const MFA_LIMITS = {
  /** How long the browser has, after the password, to give the second factor. */
  challengeMs: 5 * 60_000,
  /** Codes tried on one challenge before it is thrown away (the password is then asked again). */
  perChallenge: 5,
  /** Codes tried for one person in the window, across challenges. */
  perAccount: 10,
  windowMs: 15 * 60_000,
};
const RECOVERY_CODES = 10;
const PERIOD = 30;
// One step either side: a phone's clock a little off still signs in, an old code does not.
const WINDOW = 1;
const ISSUER = 'Mesa';
// Crockford-like alphabet without look-alikes, for codes people copy from paper.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = Array.from(bytes, (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Recovery codes are compared in one written form: lower case, one dash, no spaces. */
function normalizeRecoveryCode(code: string): string {
  const bare = code.toLowerCase().replace(/[\s-]/g, '');
  return `${bare.slice(0, 5)}-${bare.slice(5)}`;
}

const isTotpCode = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''));

/** TOTP second factor (RFC 6238) with single-use recovery codes, and the sign-in step between password and session. */
export class MfaService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    /** Roles that must have a second factor: the desk setting, or MESA_MFA_REQUIRED_FOR when set. */
    private readonly requiredFor: () => Promise<readonly Role[]> = async () => [],
    /** Seals the TOTP secrets at rest (MESA_SECRET_KEY). */
    private readonly secrets: SecretBox = new SecretBox(null),
  ) {}

  private totp(secret: string, label: string) {
    return new TOTP({
      issuer: ISSUER,
      label,
      algorithm: 'SHA1',
      digits: 6,
      period: PERIOD,
      secret: Secret.fromBase32(secret),
    });
  }

  /** The time step a code belongs to, or null when it matches none near now. */
  private stepOf(secret: string, code: string): number | null {
    const totp = this.totp(secret, '');
    const timestamp = this.clock.now().getTime();
    const delta = totp.validate({ token: code.replace(/\s/g, ''), timestamp, window: WINDOW });
    return delta === null ? null : totp.counter({ timestamp }) + delta;
  }

  async isEnrolled(userId: string): Promise<boolean> {
    const row = await repo.findTotp(this.db, this.secrets, userId);
    return Boolean(row?.confirmed_at);
  }

  async isRequiredFor(roles: readonly Role[]): Promise<boolean> {
    const required = await this.requiredFor();
    return roles.some((role) => required.includes(role));
  }

  /** Whether this caller must enrol before doing anything else. */
  async mustEnrol(principal: Principal): Promise<boolean> {
    return (await this.isRequiredFor(principal.roles)) && !(await this.isEnrolled(principal.userId));
  }

  async status(principal: Principal): Promise<MfaStatus> {
    const enabled = await this.isEnrolled(principal.userId);
    return {
      enabled,
      recoveryCodesLeft: enabled ? await repo.countUnusedRecoveryCodes(this.db, principal.userId) : 0,
      required: !enabled && (await this.isRequiredFor(principal.roles)),
    };
  }

  /** A fresh secret to scan; it counts only once confirmed with a first code. */
  async startEnrolment(principal: Principal): Promise<TotpEnrolment> {
    if (await this.isEnrolled(principal.userId)) {
      throw new AppError('conflict', 'A second factor is already on; turn it off first');
    }
    const secret = new Secret({ size: 20 }).base32;
    await repo.upsertPendingTotp(this.db, this.secrets, {
      user_id: principal.userId,
      secret,
      confirmed_at: null,
      last_step: null,
      failures_started_at: null,
      created_at: this.clock.now().toISOString(),
    });
    const uri = this.totp(secret, principal.email).toString();
    return { secret, uri, qrCode: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 240 }) };
  }

  /** The first code proves the authenticator works: the factor is on and ten recovery codes are made. */
  async confirmEnrolment(ctx: RequestContext, principal: Principal, code: string): Promise<RecoveryCodes> {
    const row = await repo.findTotp(this.db, this.secrets, principal.userId);
    if (!row || row.confirmed_at) throw new AppError('conflict', 'Start the enrolment first');
    await this.admitAttempt(principal.userId);
    const step = isTotpCode(code) ? this.stepOf(row.secret, code) : null;
    if (step === null || !(await repo.claimStep(this.db, principal.userId, step))) throw wrongCode();
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    // Stored as argon2id, like passwords: a recovery code is a password of about 50 bits.
    const hashes = await Promise.all(codes.map((c) => hashPassword(c)));
    await this.db.transaction().execute(async (trx) => {
      await repo.confirmTotp(trx, principal.userId, this.clock.now().toISOString());
      await repo.clearFailures(trx, principal.userId);
      await repo.deleteRecoveryCodes(trx, principal.userId);
      await repo.insertRecoveryCodes(
        trx,
        hashes.map((hash) => ({
          id: newId(this.clock.now().getTime()),
          user_id: principal.userId,
          code_hash: hash,
        })),
      );
      await this.audit.record(trx, ctx, {
        action: 'mfa.enabled',
        entityType: 'user',
        entityId: principal.userId,
        after: { mfa: 'totp' },
      });
    });
    return { recoveryCodes: codes };
  }

  /** Turning it off takes a current code from the authenticator, not only the session. */
  async disable(ctx: RequestContext, principal: Principal, code: string): Promise<void> {
    const row = await repo.findTotp(this.db, this.secrets, principal.userId);
    if (!row?.confirmed_at) throw new AppError('conflict', 'No second factor is on');
    await this.admitAttempt(principal.userId);
    const step = isTotpCode(code) ? this.stepOf(row.secret, code) : null;
    if (step === null || !(await repo.claimStep(this.db, principal.userId, step))) throw wrongCode();
    await this.remove(ctx, principal.userId, 'mfa.disabled');
  }

  /** An admin takes a person's second factor away (a lost phone); they enrol again at next sign-in. */
  async reset(ctx: RequestContext, userId: string): Promise<void> {
    await this.remove(ctx, userId, 'mfa.reset');
  }

  private async remove(ctx: RequestContext, userId: string, action: string) {
    await this.db.transaction().execute(async (trx) => {
      await repo.deleteTotp(trx, userId);
      await repo.deleteRecoveryCodes(trx, userId);
      await repo.deleteUserChallenges(trx, userId);
      await this.audit.record(trx, ctx, {
        action,
        entityType: 'user',
        entityId: userId,
        before: { mfa: 'totp' },
        after: { mfa: null },
      });
    });
  }

  /** After the right password of someone enrolled: a short-lived challenge instead of a session. */
  async startChallenge(userId: string): Promise<MfaChallenge> {
    const secret = newSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + MFA_LIMITS.challengeMs).toISOString();
    await repo.insertChallenge(this.db, {
      id: hashSecret(secret),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    });
    return { mfaRequired: true, challenge: secret, expiresAt };
  }

  /**
   * The second step of signing in. Each attempt is counted before the code is checked, on the
   * challenge and on the person, so parallel guesses cannot slip past the limits.
   * Answers the user whose session may now start.
   */
  async completeChallenge(challenge: string, code: string): Promise<string> {
    const id = hashSecret(challenge);
    const now = this.clock.now();
    const counted = await repo.countChallengeAttempt(this.db, id, now.toISOString());
    if (!counted) throw new AppError('unauthenticated', 'The sign-in has expired; enter your password again');
    if (counted.attempts > MFA_LIMITS.perChallenge) {
      await repo.deleteChallenge(this.db, id);
      throw new AppError('login_locked', 'Too many wrong codes; enter your password again');
    }
    const userId = counted.user_id;
    await this.admitAttempt(userId);
    const row = await repo.findTotp(this.db, this.secrets, userId);
    if (!row?.confirmed_at) throw new AppError('unauthenticated', 'The sign-in has expired; enter your password again');
    let accepted: boolean;
    if (isTotpCode(code)) {
      const step = this.stepOf(row.secret, code);
      accepted = step !== null && (await repo.claimStep(this.db, userId, step));
    } else {
      accepted = await this.spendRecoveryCode(userId, normalizeRecoveryCode(code), now);
    }
    if (!accepted) throw wrongCode();
    await repo.deleteChallenge(this.db, id);
    await repo.clearFailures(this.db, userId);
    return userId;
  }

  /** Finds which unused code this is (at most ten argon2 checks, behind the attempt throttle) and spends it once. */
  private async spendRecoveryCode(userId: string, code: string, now: Date): Promise<boolean> {
    for (const stored of await repo.unusedRecoveryCodes(this.db, userId)) {
      if (await verifyPassword(stored.code_hash, code))
        return repo.spendRecoveryCode(this.db, stored.id, now.toISOString());
    }
    return false;
  }

  private async admitAttempt(userId: string): Promise<void> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - MFA_LIMITS.windowMs).toISOString();
    const counted = await repo.countFailure(this.db, userId, now.toISOString(), windowStart);
    if (counted && counted.failures > MFA_LIMITS.perAccount) {
      const started = counted.failures_started_at ? Date.parse(counted.failures_started_at) : now.getTime();
      const retryAfter = Math.max(1, Math.ceil((started + MFA_LIMITS.windowMs - now.getTime()) / 1000));
      throw new AppError('login_locked', `Too many wrong codes; try again in ${Math.ceil(retryAfter / 60)} minutes`, {
        headers: { 'retry-after': String(retryAfter) },
      });
    }
  }

  async purgeExpiredChallenges(): Promise<number> {
    const result = await repo.deleteExpiredChallenges(this.db, this.clock.now().toISOString());
    return Number(result.numDeletedRows);
  }
}

function wrongCode() {
  return new AppError('validation_failed', 'The code is wrong or was already used', {
    errors: [{ field: 'code', message: 'is wrong or was already used' }],
  });
}
