import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from './errors.js';

/**
 * Secrets Mesa must be able to read back (TOTP seeds, identity providers' client secrets, webhook
 * signing secrets) are kept sealed with AES-256-GCM under MESA_SECRET_KEY, so a database dump or a
 * backup alone does not give them away. A sealed value reads
 *
 *   v1:<key id>:<iv>:<tag>:<ciphertext>      (iv, tag and ciphertext in base64url)
 *
 * `v1` is the format; the key id (8 hex digits derived from the key, not the key) says which key
 * sealed it, so a new key can be set while the previous ones still open what they sealed until
 * each value is sealed again. Each value is bound to where it is stored (its `context`, such as
 * `webhooks.secret:<id>`, as GCM's associated data): a value copied to another row does not open.
 */

const FORMAT = 'v1';
export const SECRET_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SecretKeyring {
  /** Seals every new value. */
  current: Buffer;
  /** Earlier keys, kept to open what they sealed until it is sealed again (MESA_SECRET_KEY_PREVIOUS). */
  previous: readonly Buffer[];
}

/** Why a stored value could not be opened. Its message names the setting to fix, never the secret. */
export class SecretBoxError extends Error {
  constructor(
    readonly reason: 'unknown_key' | 'tampered' | 'malformed' | 'missing_key',
    message: string,
  ) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/** A 32-byte key written as base64 (44 characters) or hex (64); throws naming the setting otherwise. */
export function parseSecretKey(raw: string, setting: string): Buffer {
  const text = raw.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(text)) key = Buffer.from(text, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text))
    key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key?.length !== SECRET_KEY_BYTES)
    throw new Error(
      `${setting} must be ${SECRET_KEY_BYTES} random bytes written as base64 (44 characters) or hex (64 characters); ` +
        'make one with: openssl rand -base64 32',
    );
  return key;
}

/** The key's public name in sealed values: a hash of it, which says nothing of the key itself. */
export function secretKeyId(key: Buffer): string {
  return createHash('sha256').update('mesa secret key id\0').update(key).digest('hex').slice(0, 8);
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(`${FORMAT}:`);
}

export class SecretBox {
  private readonly keys = new Map<string, Buffer>();
  private readonly currentId: string | null;

  constructor(keyring: SecretKeyring | null) {
    this.currentId = keyring ? secretKeyId(keyring.current) : null;
    if (keyring) for (const key of [keyring.current, ...keyring.previous]) this.keys.set(secretKeyId(key), key);
  }

  /** Whether a key is set: without one nothing can be sealed (PostgreSQL without MESA_SECRET_KEY). */
  get configured(): boolean {
    return this.currentId !== null;
  }

  private current(): { id: string; key: Buffer } {
    const key = this.currentId ? this.keys.get(this.currentId) : undefined;
    if (!this.currentId || !key)
      throw new AppError(
        'unavailable',
        'Storing this secret needs MESA_SECRET_KEY, the key secrets are encrypted with (see docs/operations.md)',
      );
    return { id: this.currentId, key };
  }

  seal(plain: string, context: string): string {
    const { id, key } = this.current();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
    return [FORMAT, id, ...parts].join(':');
  }

  /**
   * The secret a stored value holds. A value written before secrets were sealed (no `v1:` prefix)
   * is read as it is: startup seals those (`sealStoredSecrets`), and until then they still work.
   */
  open(stored: string, context: string): string {
    if (!isSealed(stored)) return stored;
    const [, id, iv, tag, ciphertext, extra] = stored.split(':');
    if (!id || iv === undefined || !tag || ciphertext === undefined || extra !== undefined)
      throw new SecretBoxError('malformed', `A stored secret (${context.split(':')[0]}) is not a sealed value`);
    const key = this.keys.get(id);
    if (!key)
      throw new SecretBoxError(
        'unknown_key',
        `A stored secret (${context.split(':')[0]}) was sealed with key ${id}, which is neither MESA_SECRET_KEY ` +
          `(${this.currentId ?? 'unset'}) nor in MESA_SECRET_KEY_PREVIOUS: set the key it was sealed with`,
      );
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError(
        'tampered',
        `A stored secret (${context.split(':')[0]}) failed its integrity check: it was altered, or copied from another record`,
      );
    }
  }

  /** Whether a stored value should be sealed (again) with the current key: plain text from before, or an earlier key's. */
  needsSealing(stored: string): boolean {
    if (!this.currentId) return false;
    return !isSealed(stored) || stored.split(':')[1] !== this.currentId;
  }

  /** Whether this box holds the key a stored value was sealed with (plain text needs none). */
  canOpen(stored: string): boolean {
    return !isSealed(stored) || this.keys.has(stored.split(':')[1] ?? '');
  }
}
