import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/passwords.js';
import { validationError } from './errors.js';

/**
 * The common and breached passwords no account may take (common-passwords.LICENSE.md says where
 * the list comes from). Read once, from the repository: no network.
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const text = gunzipSync(readFileSync(new URL('./common-passwords.txt.gz', import.meta.url))).toString('utf8');
    common = new Set(text.split('\n').filter((line) => line.length > 0));
  }
  return common;
}

/** Loads the list now rather than on the first password set (called at start). */
export function loadPasswordPolicy(): number {
  return commonPasswords().size;
}

/** A run of the same character, or of consecutive digits or letters ("aaaa…", "1234…", "abcd…"). */
function isSequence(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0) ?? 0);
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  if (Math.abs(step) > 1) return false;
  return codes.every((code, i) => i === 0 || code - (codes[i - 1] ?? 0) === step);
}

/** The smallest unit the whole password repeats ("passwordpassword" → "password"). */
function repeatedUnit(text: string): string {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) return text.slice(0, size);
  }
  return text;
}

/**
 * Why a password may not be set, or null when it may. Length counts characters (code points), so
 * a passphrase in any script is measured the same. A common password with digits or symbols
 * added at either end ("password2024!") or repeated ("dragondragon") is still common.
 */
export function passwordProblem(password: string, context: readonly string[] = []): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must have at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must have at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.normalize('NFKC').toLowerCase();
  const list = commonPasswords();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  const unit = repeatedUnit(lower);
  if (list.has(lower) || (core.length >= 4 && list.has(core)) || list.has(unit) || list.has(repeatedUnit(core))) {
    return 'is a common or breached password; choose a less predictable one';
  }
  if (isSequence(lower) || [...unit].length <= 3) return 'is too predictable (a repeated or consecutive run)';
  for (const word of context) {
    const w = word.trim().toLowerCase();
    if (w.length >= 4 && (lower === w || core === w || unit === w)) return 'must not be your name or email';
  }
  return null;
}

/** Throws a 400 naming `field` when the password may not be set. */
export function checkNewPassword(password: string, field: string, context: readonly string[] = []): void {
  const problem = passwordProblem(password, context);
  if (problem) throw validationError([{ field, message: problem }]);
}
