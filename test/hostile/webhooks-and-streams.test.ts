import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECHECK_MS } from '../../server/modules/tickets/live-updates.routes.js';
import { WebhooksService } from '../../server/modules/webhooks/webhooks.service.js';
import { fixedClock } from '../../server/platform/clock.js';
import { systemContext } from '../../server/platform/request-context.js';
import { describeOnEachDatabase } from '../support/databases.js';
import { startReceiver } from '../support/receiver.js';
import { buildTestApp, type Client, login, makeUser, TEST_CONFIG } from '../support/test-app.js';
import { raise, ticketWorld } from '../support/tickets.js';

/** An open /api/v1/events stream: the ticket events read so far, and whether the server ended it. */
async function openStream(base: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/v1/events`, { headers, signal: controller.signal });
  expect(response.status).toBe(200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const stream = { events: [] as { kind: string; ticketId: string }[], closed: false, started: false };
  let buffer = '';
  void (async () => {
    try {
      while (true) {
        const { value, done } = await reader.read();
        if (done) break;
        stream.started = true;
        buffer += new TextDecoder().decode(value);
        for (const match of buffer.matchAll(/event: ticket\ndata: (.+)\n\n/g))
          stream.events.push(JSON.parse(match[1] as string));
        buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
      }
    } catch {
      // aborted by the test
    }
    stream.closed = true;
  })();
  await expect.poll(() => stream.started).toBe(true);
  return { stream, stop: () => controller.abort() };
}

describeOnEachDatabase('hostile: webhooks and event streams', (database) => {
  const clock = fixedClock(new Date('2026-12-07T09:00:00.000Z'));
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let admin: Client;
  let base: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver((request, response) => {
      if (request.url === '/redirect') {
        response.writeHead(307, { location: `http://127.0.0.1:${receiver.port}/inside` });
        response.end();
      } else if (request.url === '/huge') response.end('x'.repeat(1_000_000));
      else response.end('ok');
    });
    // Private addresses refused, as in production.
    built = await buildTestApp(database(), { clock });
    world = await ticketWorld(built);
    admin = await login(built, (await makeUser(built, ['admin'])).email);
    base = await built.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await built.app.close();
    await receiver.close();
  });

  /** A service that may reach loopback, as MESA_WEBHOOKS_ALLOW_PRIVATE=1 would give, over the same database. */
  const openService = (resolve?: (host: string) => Promise<{ address: string; family: number }[]>) =>
    new WebhooksService(
      database().db,
      clock,
      built.services.audit,
      { allowPrivate: true },
      {
        secrets: TEST_CONFIG.secrets,
        ...(resolve ? { resolve } : {}),
      },
    );

  describe('who may manage webhooks', () => {
    it('refuses an agent and a requester the list, the creation and the deliveries', async () => {
      for (const client of [world.agent, world.requester]) {
        expect((await client.request('GET', '/api/v1/webhooks')).statusCode).toBe(403);
        const created = await client.request('POST', '/api/v1/webhooks', {
          url: 'https://hooks.example.com/',
          events: ['ticket.created'],
        });
        expect(created.statusCode).toBe(403);
        expect((await client.request('GET', '/api/v1/webhooks/x/deliveries')).statusCode).toBe(403);
      }
    });

    it('refuses an anonymous caller', async () => {
      const response = await built.app.inject({ method: 'GET', url: '/api/v1/webhooks' });
      expect(response.statusCode).toBe(401);
    });

    it('refuses a creation without the CSRF token of the session', async () => {
      const response = await admin.request(
        'POST',
        '/api/v1/webhooks',
        { url: 'https://hooks.example.com/', events: ['ticket.created'] },
        { 'x-csrf-token': 'forged' },
      );
      expect(response.statusCode).toBe(403);
      expect((await admin.request('GET', '/api/v1/webhooks')).json().items).toEqual([]);
    });

    it('answers 404 for the deliveries of an unknown endpoint', async () => {
      expect((await admin.request('GET', '/api/v1/webhooks/nope/deliveries')).statusCode).toBe(404);
    });
  });

  describe('endpoints the server must not call (MESA_WEBHOOKS_ALLOW_PRIVATE off)', () => {
    it.each([
      ['file:///etc/passwd', 'not http'],
      ['gopher://127.0.0.1:25/', 'not http'],
      ['http://admin:pw@hooks.example.com/', 'credentials in the URL'],
      ['http://127.0.0.1:8080/hook', 'loopback'],
      ['http://localhost:8080/hook', 'a name resolving to loopback'],
      ['http://169.254.169.254/latest/meta-data/iam/', 'cloud metadata'],
      ['http://10.0.0.8/', 'RFC 1918'],
      ['http://172.20.1.1/', 'RFC 1918'],
      ['http://192.168.0.1/', 'RFC 1918'],
      ['http://100.64.1.1/', 'CGNAT'],
      ['http://[::1]/', 'IPv6 loopback'],
      ['http://[fe80::1]/', 'IPv6 link-local'],
      ['http://[fc00::1]/', 'unique local'],
      ['http://[::ffff:127.0.0.1]/', 'IPv4-mapped loopback'],
      ['http://0.0.0.0/', 'unspecified'],
      ['http://2130706433/', 'loopback as one number'],
    ])('refuses %s (%s), naming the field', async (url) => {
      const response = await admin.request('POST', '/api/v1/webhooks', { url, events: ['ticket.created'] });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([{ field: 'url', message: expect.any(String) }]);
    });

    it('refuses to move an endpoint to an inside address', async () => {
      const { webhook } = await openService(async () => [{ address: '93.184.215.14', family: 4 }]).create(
        systemContext,
        { url: 'https://hooks.example.com/', events: ['ticket.created'] },
      );
      const moved = await admin.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { url: 'http://127.0.0.1/' });
      expect(moved.statusCode).toBe(400);
      expect((await admin.request('GET', `/api/v1/webhooks/${webhook.id}`)).json().url).toBe(
        'https://hooks.example.com/',
      );
      await admin.request('DELETE', `/api/v1/webhooks/${webhook.id}`);
    });

    it('refuses unknown fields and unknown events', async () => {
      const extra = await admin.request('POST', '/api/v1/webhooks', {
        url: 'https://hooks.example.com/',
        events: ['ticket.created'],
        secret: 'mine',
      });
      expect(extra.statusCode).toBe(400);
      const unknown = await admin.request('POST', '/api/v1/webhooks', {
        url: 'https://hooks.example.com/',
        events: ['user.created'],
      });
      expect(unknown.statusCode).toBe(400);
    });
  });

  describe('deliveries that try to reach inside', () => {
    it('refuses at delivery a name that resolved outside when registered and resolves to loopback now', async () => {
      const answers = [[{ address: '93.184.215.14', family: 4 }], [{ address: '127.0.0.1', family: 4 }]];
      // Private addresses refused for this one: only the resolver changes its mind.
      const rebinding = new WebhooksService(
        database().db,
        clock,
        built.services.audit,
        { allowPrivate: false },
        {
          secrets: TEST_CONFIG.secrets,
          resolve: async () => answers.shift() ?? [],
        },
      );
      const { webhook } = await rebinding.create(systemContext, {
        url: `http://rebind.example.com:${receiver.port}/rebind`,
        events: ['ticket.created'],
      });
      await raise(world.requester);
      expect(await rebinding.sendDue()).toEqual({ delivered: 0, failed: 1 });
      expect(receiver.received.filter((r) => r.url === '/rebind')).toEqual([]);
      const [delivery] = await rebinding.deliveries(webhook.id, {});
      expect(delivery?.lastError).toContain('127.0.0.1');
      await rebinding.update(systemContext, webhook.id, { active: false });
    });

    it('does not follow a redirect from an allowed receiver to loopback', async () => {
      const open = openService();
      const { webhook } = await open.create(systemContext, {
        url: `${receiver.url}/redirect`,
        events: ['ticket.created'],
      });
      await raise(world.requester);
      expect(await open.sendDue()).toEqual({ delivered: 0, failed: 1 });
      expect(receiver.received.filter((r) => r.url === '/inside')).toEqual([]);
      const [delivery] = await open.deliveries(webhook.id, {});
      expect(delivery).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 307 });
      expect(delivery?.lastError).toContain('307');
      await open.update(systemContext, webhook.id, { active: false });
    });

    it('cuts off an oversized answer and counts the attempt as failed', async () => {
      const open = openService();
      const { webhook } = await open.create(systemContext, { url: `${receiver.url}/huge`, events: ['ticket.created'] });
      await raise(world.requester);
      expect(await open.sendDue()).toEqual({ delivered: 0, failed: 1 });
      const [delivery] = await open.deliveries(webhook.id, {});
      expect(delivery?.lastError).toMatch(/larger than/);
      await open.update(systemContext, webhook.id, { active: false });
    });

    it('never puts the text of a private note in a payload', async () => {
      const open = openService();
      const { webhook } = await open.create(systemContext, {
        url: `${receiver.url}/notes`,
        events: ['ticket.updated'],
      });
      const ticket = await raise(world.requester);
      await world.agent.request('POST', `/api/v1/tickets/${ticket.id}/notes`, {
        bodyHtml: 'clave del router: hunter2',
      });
      await open.sendDue();
      const bodies = receiver.received.filter((r) => r.url === '/notes').map((r) => r.body);
      expect(bodies.length).toBeGreaterThan(0);
      for (const body of bodies) expect(body).not.toContain('hunter2');
      await open.update(systemContext, webhook.id, { active: false });
    });
  });

  describe('event streams end with their credentials', () => {
    it('closes the stream when its session signs out, and tells nothing more', async () => {
      const user = await makeUser(built, ['agent']);
      const agent = await login(built, user.email);
      const { stream, stop } = await openStream(base, { cookie: agent.cookie });
      await raise(world.requester);
      await expect.poll(() => stream.events.length).toBe(1);
      expect((await agent.request('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
      await expect.poll(() => stream.closed).toBe(true);
      await raise(world.requester);
      expect(stream.events).toHaveLength(1);
      stop();
    });

    it('closes every stream of an account when it is deactivated', async () => {
      const user = await makeUser(built, ['agent']);
      const agent = await login(built, user.email);
      const other = await login(built, user.email);
      const first = await openStream(base, { cookie: agent.cookie });
      const second = await openStream(base, { cookie: other.cookie });
      const deactivated = await admin.request('PATCH', `/api/v1/users/${user.id}`, {
        version: user.version,
        status: 'inactive',
      });
      expect(deactivated.statusCode).toBe(200);
      await expect.poll(() => first.stream.closed && second.stream.closed).toBe(true);
      await raise(world.requester);
      expect([...first.stream.events, ...second.stream.events]).toEqual([]);
    });

    it('closes a stream opened with an API token when the token is revoked', async () => {
      const user = await makeUser(built, ['agent']);
      const { token, secret } = await built.services.sessions.createToken(systemContext, user.id, { name: 'tv' });
      const { stream, stop } = await openStream(base, { authorization: `Bearer ${secret}` });
      await built.services.sessions.revokeToken(systemContext, user.id, token.id);
      await expect.poll(() => stream.closed).toBe(true);
      stop();
    });

    it('keeps the stream of another session of the same user when one signs out', async () => {
      const user = await makeUser(built, ['agent']);
      const leaving = await login(built, user.email);
      const staying = await login(built, user.email);
      const kept = await openStream(base, { cookie: staying.cookie });
      await leaving.request('POST', '/api/v1/auth/logout');
      await raise(world.requester);
      await expect.poll(() => kept.stream.events.length).toBe(1);
      expect(kept.stream.closed).toBe(false);
      kept.stop();
    });

    it('notices a session ended elsewhere (another instance) at the next event after the re-check interval', async () => {
      const user = await makeUser(built, ['agent']);
      const agent = await login(built, user.email);
      const { stream, stop } = await openStream(base, { cookie: agent.cookie });
      // Another instance signed the user out: no word reaches this process's bus.
      await database().db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      clock.advance(RECHECK_MS);
      await raise(world.requester);
      await expect.poll(() => stream.closed).toBe(true);
      expect(stream.events).toEqual([]);
      stop();
    });
  });
});
