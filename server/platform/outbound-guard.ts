import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Requests to addresses somebody else chose (webhook endpoints): only http(s), to a public address
 * checked before connecting and pinned for the connection, so a name that resolves to a public
 * address for the check and to 127.0.0.1 for the connect (DNS rebinding) reaches nothing inside.
 * No redirect is followed; connect and total time and the response's size are bounded.
 */

export type OutboundRefusal =
  | 'scheme'
  | 'credentials'
  | 'unresolvable'
  | 'forbidden_address'
  | 'redirect'
  | 'timeout'
  | 'too_large'
  | 'network';

export class OutboundError extends Error {
  constructor(
    readonly reason: OutboundRefusal,
    message: string,
    /** The receiver's status, when it answered (a redirect). */
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export interface OutboundPolicy {
  /**
   * Lets loopback, private, link-local and unique-local addresses through
   * (MESA_WEBHOOKS_ALLOW_PRIVATE): for tests and closed networks only. The unspecified address,
   * multicast and broadcast stay refused.
   */
  allowPrivate: boolean;
}

// Never a destination, even on a closed network: nothing listens on them in the usual sense.
const ALWAYS = new BlockList();
ALWAYS.addSubnet('0.0.0.0', 8, 'ipv4');
ALWAYS.addSubnet('224.0.0.0', 4, 'ipv4'); // multicast
ALWAYS.addSubnet('240.0.0.0', 4, 'ipv4'); // reserved, and 255.255.255.255
ALWAYS.addAddress('::', 'ipv6');
ALWAYS.addSubnet('ff00::', 8, 'ipv6'); // multicast

// Inside addresses: what a server reaches that the internet does not (RFC 6890's special ranges).
const INSIDE = new BlockList();
for (const [net, prefix] of [
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, and the cloud metadata address 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
] as const)
  INSIDE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::1', 128],
  ['::', 96], // IPv4-compatible (deprecated)
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments, Teredo among them
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
] as const)
  INSIDE.addSubnet(net, prefix, 'ipv6');

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function hextets(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.toLowerCase().split('%')[0] as string;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = (dotted[1] as string).split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -(dotted[1] as string).length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((h) => Number.parseInt(h, 16)) : []);
  const left = part(head);
  const right = part(tail);
  return tail === undefined ? left : [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
}

const v4 = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;

/**
 * The IPv4 address an IPv6 one carries and routes to: mapped (::ffff:a.b.c.d, in either spelling),
 * NAT64 (64:ff9b::/96) and 6to4 (2002::/16). Checked as the IPv4 address it is.
 */
export function embeddedIpv4(address: string): string | null {
  const h = hextets(address);
  if (!h) return null;
  const [a, b, c, d, e, f, g, i] = h as [number, number, number, number, number, number, number, number];
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0xffff) return v4(g, i);
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0) return v4(g, i);
  if (a === 0x2002) return v4(b, c);
  return null;
}

/** Why an address may not be a destination, or null when it may. */
export function refusedAddress(address: string, policy: OutboundPolicy): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  const inner = family === 6 ? embeddedIpv4(address) : null;
  if (inner) return refusedAddress(inner, policy);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const plain = address.split('%')[0] as string;
  if (ALWAYS.check(plain, type)) return `${address} is unspecified, multicast or reserved`;
  if (!policy.allowPrivate && INSIDE.check(plain, type))
    return `${address} is a loopback, private, link-local or reserved address`;
  return null;
}

/** A destination checked and pinned: the URL as given and the address the connection will use. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** Refuses what is not http(s) or carries credentials; the pure part of the check. */
export function parseTargetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError('scheme', 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OutboundError('scheme', 'only http:// and https:// URLs are allowed');
  if (url.username || url.password) throw new OutboundError('credentials', 'the URL must not carry a user or password');
  if (!url.hostname) throw new OutboundError('scheme', 'the URL must name a host');
  return url;
}

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;
const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/**
 * Resolves the host once and refuses it when any of its addresses is refused: a name with one
 * public and one inside address could otherwise be steered to the inside one.
 */
export async function checkTarget(
  raw: string,
  policy: OutboundPolicy,
  resolve = systemResolver,
): Promise<CheckedTarget> {
  const url = parseTargetUrl(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new OutboundError('unresolvable', `${host} does not resolve`);
    }
  }
  if (addresses.length === 0) throw new OutboundError('unresolvable', `${host} does not resolve`);
  for (const { address } of addresses) {
    const why = refusedAddress(address, policy);
    if (why) throw new OutboundError('forbidden_address', `${host}: ${why}`);
  }
  const first = addresses[0] as { address: string; family: number };
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

export interface OutboundLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxResponseBytes: number;
}

export const DEFAULT_LIMITS: OutboundLimits = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 10_000,
  maxResponseBytes: 64 * 1024,
};

export interface OutboundResponse {
  status: number;
  /** The start of the body, at most maxResponseBytes. */
  body: string;
  /** The receiver's Retry-After header (seconds or an HTTP date), as sent. */
  retryAfter: string | null;
}

/**
 * POSTs to a checked target, connecting to its pinned address (the URL's host still names the
 * site for Host and TLS). A 3xx answer is a refusal, never followed.
 */
export function postPinned(
  target: CheckedTarget,
  body: string,
  headers: Record<string, string>,
  limits: OutboundLimits = DEFAULT_LIMITS,
): Promise<OutboundResponse> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      callback(null, [{ address: target.address, family: target.family }] as never);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: OutboundError | null, response?: OutboundResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      clearTimeout(connect);
      request.destroy();
      if (error) reject(error);
      else resolve(response as OutboundResponse);
    };
    const request = client.request(target.url, {
      method: 'POST',
      lookup: pinned,
      agent: false,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    });
    const total = setTimeout(
      () => finish(new OutboundError('timeout', `no complete answer within ${limits.totalTimeoutMs} ms`)),
      limits.totalTimeoutMs,
    );
    const connect = setTimeout(
      () => finish(new OutboundError('timeout', `no connection within ${limits.connectTimeoutMs} ms`)),
      limits.connectTimeoutMs,
    );
    request.on('socket', (socket) => {
      socket.once(target.url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connect));
    });
    request.on('error', (error) => finish(new OutboundError('network', error.message)));
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        finish(new OutboundError('redirect', `answered ${status}: redirects are not followed`, status));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxResponseBytes) {
          finish(new OutboundError('too_large', `answer larger than ${limits.maxResponseBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      const retryAfter = response.headers['retry-after'] ?? null;
      response.on('end', () => finish(null, { status, body: Buffer.concat(chunks).toString('utf8'), retryAfter }));
      response.on('error', (error) => finish(new OutboundError('network', error.message)));
    });
    request.end(body);
  });
}
