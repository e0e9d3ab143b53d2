import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { isSealed, parseSecretKey, SecretBox, SecretBoxError, secretKeyId } from './secret-box.js';

const key = () => randomBytes(32);
const CONTEXT = 'webhooks.secret:0193a000-0000-7000-8000-000000000001';
const SECRET = 'whsec_kUl8Jq3xV1yqvVb0p2n5Q4eZsYw7cT9rDf6gH0jK1mE';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}

/** Changes one character of the part of a sealed value at `index` (0 format, 1 key id, 2 iv, 3 tag, 4 ciphertext). */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split(':');
  const part = parts[index] as string;
  parts[index] = `${part[0] === 'A' ? 'B' : 'A'}${part.slice(1)}`;
  return parts.join(':');
}

describe('SecretBox', () => {
  it('stores something that is not the secret and opens it back', () => {
    const box = new SecretBox({ current: key(), previous: [] });
    const sealed = box.seal(SECRET, CONTEXT);
    expect(sealed).not.toContain(SECRET);
    expect(sealed).not.toContain(SECRET.slice(6, 20));
    expect(sealed).toMatch(/^v1:[0-9a-f]{8}:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(isSealed(sealed)).toBe(true);
    expect(box.open(sealed, CONTEXT)).toBe(SECRET);
    // A fresh nonce each time: two seals of one secret look unrelated.
    expect(box.seal(SECRET, CONTEXT)).not.toBe(sealed);
    expect(box.open('', CONTEXT)).toBe('');
    expect(box.open(box.seal('ñandú ✓', CONTEXT), CONTEXT)).toBe('ñandú ✓');
  });

  it('refuses another key with an error that names the settings and the key ids, never the secret', () => {
    const first = key();
    const sealed = new SecretBox({ current: first, previous: [] }).seal(SECRET, CONTEXT);
    const other = new SecretBox({ current: key(), previous: [] });
    const error = thrown(() => other.open(sealed, CONTEXT));
    expect(error).toBeInstanceOf(SecretBoxError);
    expect((error as SecretBoxError).reason).toBe('unknown_key');
    expect((error as Error).message).toContain(`sealed with key ${secretKeyId(first)}`);
    expect((error as Error).message).toMatch(/MESA_SECRET_KEY .*MESA_SECRET_KEY_PREVIOUS/);
    expect((error as Error).message).not.toContain(SECRET);
    expect(other.canOpen(sealed)).toBe(false);
  });

  it('refuses a changed iv, tag or ciphertext, and a value copied to another record', () => {
    const box = new SecretBox({ current: key(), previous: [] });
    const sealed = box.seal(SECRET, CONTEXT);
    for (const index of [2, 3, 4]) {
      const error = thrown(() => box.open(tamper(sealed, index), CONTEXT));
      expect((error as SecretBoxError).reason, `part ${index}`).toBe('tampered');
      expect((error as Error).message).toContain('failed its integrity check');
    }
    const truncated = sealed.split(':').slice(0, 4).join(':');
    expect((thrown(() => box.open(truncated, CONTEXT)) as SecretBoxError).reason).toBe('malformed');
    expect((thrown(() => box.open(`${sealed}:x`, CONTEXT)) as SecretBoxError).reason).toBe('malformed');
    // The same bytes in another row (say, an attacker's own webhook) do not open.
    const elsewhere = 'webhooks.secret:0193a000-0000-7000-8000-000000000002';
    expect((thrown(() => box.open(sealed, elsewhere)) as SecretBoxError).reason).toBe('tampered');
  });

  it('opens with a previous key and says the value should be sealed again with the current one', () => {
    const old = key();
    const sealedOld = new SecretBox({ current: old, previous: [] }).seal(SECRET, CONTEXT);
    const rotated = new SecretBox({ current: key(), previous: [old] });
    expect(rotated.open(sealedOld, CONTEXT)).toBe(SECRET);
    expect(rotated.needsSealing(sealedOld)).toBe(true);
    const resealed = rotated.seal(SECRET, CONTEXT);
    expect(rotated.needsSealing(resealed)).toBe(false);
    expect(resealed.split(':')[1]).not.toBe(sealedOld.split(':')[1]);
  });

  it('reads a value stored in plain text before encryption, and marks it to be sealed', () => {
    const box = new SecretBox({ current: key(), previous: [] });
    expect(box.open('JBSWY3DPEHPK3PXP', CONTEXT)).toBe('JBSWY3DPEHPK3PXP');
    expect(box.needsSealing('JBSWY3DPEHPK3PXP')).toBe(true);
    expect(box.canOpen('JBSWY3DPEHPK3PXP')).toBe(true);
  });

  it('without a key seals nothing, answering 503 with the setting to set', () => {
    const box = new SecretBox(null);
    expect(box.configured).toBe(false);
    const error = thrown(() => box.seal(SECRET, CONTEXT));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(503);
    expect((error as Error).message).toContain('MESA_SECRET_KEY');
    expect(box.needsSealing('plain')).toBe(false);
  });
});

describe('parseSecretKey', () => {
  it('takes 32 bytes as base64, base64url or hex', () => {
    const bytes = key();
    expect(parseSecretKey(bytes.toString('base64'), 'MESA_SECRET_KEY')).toEqual(bytes);
    expect(parseSecretKey(bytes.toString('base64url'), 'MESA_SECRET_KEY')).toEqual(bytes);
    expect(parseSecretKey(`${bytes.toString('hex')}\n`, 'MESA_SECRET_KEY')).toEqual(bytes);
  });

  it('refuses anything else, naming the setting and how to make a key', () => {
    for (const raw of [
      '',
      'secret',
      'correct horse battery staple',
      randomBytes(16).toString('base64'),
      'z'.repeat(64),
    ]) {
      expect(() => parseSecretKey(raw, 'MESA_SECRET_KEY')).toThrow(
        /^MESA_SECRET_KEY must be 32 random bytes.*openssl rand -base64 32/,
      );
    }
  });
});
