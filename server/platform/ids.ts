import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

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
  const time = at.toString(16).padStart(12, '0');
  // The random half of a UUIDv4, variant bits included: Node draws those from a pool it refills
  // in large batches, where randomBytes(16) for each id cost 3.5 % of a ticket creation's CPU.
  const random = randomUUID().slice(19);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence.toString(16).padStart(3, '0')}-${random}`;
}

/** A secret for a cookie or token: 32 random bytes, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256, so a database leak does not leak live sessions or tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares a secret someone sent with the one expected, in time that does not tell where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}
