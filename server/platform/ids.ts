import { createHash, randomBytes } from 'node:crypto';

// The counter per recent millisecond: code running on a moved clock (tests, the demo seed) makes
// ids for two instants in turn, and each must keep its own order.
const sequences = new Map<number, number>();

/**
 * Opaque ids: UUIDv7 (RFC 9562), so ids sort by creation time and new rows land at the end of
 * primary-key indexes instead of scattering across them — it matters at millions of tickets.
 * Ids made in the same millisecond by this process carry a rising 12-bit counter (the RFC's
 * "method 1"), so events written together keep their order: a breach, then its escalation.
 */
export function newId(at: number = Date.now()): string {
  const sequence = ((sequences.get(at) ?? -1) + 1) & 0xfff;
  sequences.delete(at);
  sequences.set(at, sequence);
  if (sequences.size > 64) sequences.delete(sequences.keys().next().value as number);
  const bytes = randomBytes(16);
  bytes.writeUIntBE(at, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A secret for a cookie or token: 32 random bytes, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256, so a database leak does not leak live sessions or tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
