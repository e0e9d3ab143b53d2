import { createHmac } from 'node:crypto';

/**
 * X-Mesa-Signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>`.
 * The timestamp is signed with the body so a receiver can refuse a delivery replayed later
 * (docs/operations.md shows how to check it).
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${sign(secret, t, body)}`;
}

export function sign(secret: string, t: number, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}
