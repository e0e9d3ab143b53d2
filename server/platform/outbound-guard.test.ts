import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../test/support/receiver.js';
import { checkTarget, embeddedIpv4, OutboundError, postPinned, refusedAddress } from './outbound-guard.js';

const CLOSED = { allowPrivate: false };
const OPEN = { allowPrivate: true };

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OutboundError) return error.reason;
    throw error;
  }
  return 'allowed';
}

describe('outbound guard: addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback range'],
    ['10.1.2.3', 'RFC 1918 10/8'],
    ['172.16.0.1', 'RFC 1918 172.16/12'],
    ['172.31.255.254', 'RFC 1918 172.16/12, top'],
    ['192.168.1.1', 'RFC 1918 192.168/16'],
    ['100.64.0.1', 'CGNAT'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.1.1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'TEST-NET-1'],
    ['198.51.100.7', 'TEST-NET-2'],
    ['203.0.113.5', 'TEST-NET-3'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fe80::1', 'IPv6 link-local'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local fd'],
    ['ff02::1', 'IPv6 multicast'],
    ['2001:db8::1', 'IPv6 documentation'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of the metadata address'],
    ['2002:7f00:1::', '6to4 of loopback'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
  ])('refuses %s (%s)', (address) => {
    expect(refusedAddress(address, CLOSED)).not.toBeNull();
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'lets the public address %s through',
    (address) => {
      expect(refusedAddress(address, CLOSED)).toBeNull();
    },
  );

  it('with private addresses allowed still refuses unspecified, multicast and broadcast', () => {
    expect(refusedAddress('127.0.0.1', OPEN)).toBeNull();
    expect(refusedAddress('10.0.0.1', OPEN)).toBeNull();
    expect(refusedAddress('0.0.0.0', OPEN)).not.toBeNull();
    expect(refusedAddress('::ffff:0.0.0.0', OPEN)).not.toBeNull();
    expect(refusedAddress('224.0.0.1', OPEN)).not.toBeNull();
    expect(refusedAddress('255.255.255.255', OPEN)).not.toBeNull();
  });

  it('reads the IPv4 address inside mapped, NAT64 and 6to4 addresses', () => {
    expect(embeddedIpv4('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(embeddedIpv4('::FFFF:7F00:0001')).toBe('127.0.0.1');
    expect(embeddedIpv4('64:ff9b::0a00:0001')).toBe('10.0.0.1');
    expect(embeddedIpv4('2002:c0a8:0101::1')).toBe('192.168.1.1');
    expect(embeddedIpv4('2606:4700::1')).toBeNull();
  });
});

describe('outbound guard: URLs and names', () => {
  it.each([
    ['file:///etc/passwd', 'scheme'],
    ['gopher://example.com/', 'scheme'],
    ['ftp://example.com/', 'scheme'],
    ['not a url', 'scheme'],
    ['http://user:pw@example.com/', 'credentials'],
    ['http://127.0.0.1:8080/', 'forbidden_address'],
    ['http://[::1]/', 'forbidden_address'],
    ['http://[::ffff:127.0.0.1]/', 'forbidden_address'],
    ['http://[fe80::1]/', 'forbidden_address'],
    ['http://169.254.169.254/latest/meta-data/', 'forbidden_address'],
    ['http://0.0.0.0/', 'forbidden_address'],
    ['http://2130706433/', 'forbidden_address'], // 127.0.0.1 as one decimal number
    ['http://0x7f.1/', 'forbidden_address'], // and in hex shorthand
    ['http://localhost/', 'forbidden_address'],
  ])('refuses %s (%s)', async (url, reason) => {
    expect(await refusal(checkTarget(url, CLOSED))).toBe(reason);
  });

  it('refuses a name when any of its addresses is inside, and pins the checked address', async () => {
    const mixed = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.5', family: 4 },
    ];
    expect(await refusal(checkTarget('https://hooks.example.com/x', CLOSED, mixed))).toBe('forbidden_address');
    const publicOnly = async () => [{ address: '93.184.215.14', family: 4 }];
    const target = await checkTarget('https://hooks.example.com/x', CLOSED, publicOnly);
    expect(target.address).toBe('93.184.215.14');
    expect(target.url.hostname).toBe('hooks.example.com');
    expect(await refusal(checkTarget('https://nowhere.invalid/', CLOSED, async () => []))).toBe('unresolvable');
  });
});

describe('outbound guard: the connection', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver((request, response) => {
      if (request.url === '/redirect') {
        response.writeHead(302, { location: 'http://127.0.0.1:1/internal' });
        response.end();
      } else if (request.url === '/big') {
        response.end('x'.repeat(200_000));
      } else if (request.url === '/slow') {
        response.writeHead(200);
        response.write('a');
        // never ends: the total time limit cuts it off
      } else response.end('ok');
    });
  });
  afterAll(() => receiver.close());

  const limits = { connectTimeoutMs: 2_000, totalTimeoutMs: 300, maxResponseBytes: 1024 };

  it('connects to the pinned address whatever the name says', async () => {
    // The name is not resolvable at all: the connection still goes to the address that was checked.
    const target = await checkTarget(`http://hooks.example.invalid:${receiver.port}/pinned`, OPEN, async () => [
      { address: '127.0.0.1', family: 4 },
    ]);
    const response = await postPinned(target, '{}', { 'content-type': 'application/json' }, limits);
    expect(response.status).toBe(200);
    const last = receiver.received.at(-1);
    expect(last?.url).toBe('/pinned');
    expect(last?.headers.host).toBe(`hooks.example.invalid:${receiver.port}`);
  });

  it('does not follow a redirect, to loopback or anywhere', async () => {
    const target = await checkTarget(`${receiver.url}/redirect`, OPEN);
    const before = receiver.received.length;
    expect(await refusal(postPinned(target, '{}', {}, limits))).toBe('redirect');
    expect(receiver.received.slice(before).map((r) => r.url)).toEqual(['/redirect']);
  });

  it('cuts off an oversized answer', async () => {
    const target = await checkTarget(`${receiver.url}/big`, OPEN);
    expect(await refusal(postPinned(target, '{}', {}, limits))).toBe('too_large');
  });

  it('cuts off an answer that never ends', async () => {
    const target = await checkTarget(`${receiver.url}/slow`, OPEN);
    expect(await refusal(postPinned(target, '{}', {}, limits))).toBe('timeout');
  });

  it('reports a refused connection as a network failure', async () => {
    const target = await checkTarget('http://127.0.0.1:1/', OPEN);
    expect(await refusal(postPinned(target, '{}', {}, limits))).toBe('network');
  });
});
