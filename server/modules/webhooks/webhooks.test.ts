import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { jobDriver } from '../../../test/support/jobs.js';
import { startReceiver } from '../../../test/support/receiver.js';
import { buildTestApp, type Client, login, makeUser } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';
import { fixedClock } from '../../platform/clock.js';
import { systemContext } from '../../platform/request-context.js';
import { WEBHOOK_BACKOFF_MS, WEBHOOK_MAX_ATTEMPTS } from './webhook-retry.js';

/** What a receiver does with X-Mesa-Signature, written here from the documentation, not from the code. */
function verify(secret: string, header: string, body: string): { t: number; valid: boolean } {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex');
  return { t: Number(parts.t), valid: expected === parts.v1 };
}

describeOnEachDatabase('webhooks', (database) => {
  const clock = fixedClock(new Date('2026-12-07T12:00:00.000Z'));
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let admin: Client;
  /** What the receiver answers, in order (a status, or a status with headers); 200 once they run out. */
  const answers: (number | { status: number; headers: Record<string, string> })[] = [];
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver((_request, response) => {
      const answer = answers.shift() ?? 200;
      response.statusCode = typeof answer === 'number' ? answer : answer.status;
      if (typeof answer !== 'number')
        for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
      response.end('thanks');
    });
    built = await buildTestApp(database(), { clock, webhooks: { allowPrivate: true } });
    world = await ticketWorld(built);
    admin = await login(built, (await makeUser(built, ['admin'])).email);
  });
  afterAll(async () => {
    await built.app.close();
    await receiver.close();
  });

  async function register(path: string, events: string[]) {
    const response = await admin.request('POST', '/api/v1/webhooks', { url: `${receiver.url}${path}`, events });
    expect(response.statusCode).toBe(201);
    return response.json() as { webhook: { id: string }; secret: string };
  }
  const deliveries = async (id: string) =>
    (await admin.request('GET', `/api/v1/webhooks/${id}/deliveries`)).json().items;
  const hits = (path: string) => receiver.received.filter((r) => r.url === path);

  it('delivers a new ticket, signed over the timestamp and body, and shows the delivery to admins', async () => {
    const { webhook, secret } = await register('/created', ['ticket.created']);
    expect(secret).toMatch(/^whsec_/);
    const ticket = await raise(world.requester, { subject: 'Impresora sin tóner' });
    expect(await built.services.webhooks.sendDue()).toEqual({ delivered: 1, failed: 0 });

    const [hit] = hits('/created');
    expect(hit?.headers['x-mesa-event']).toBe('ticket.created');
    expect(hit?.headers['content-type']).toBe('application/json');
    const { t, valid } = verify(secret, String(hit?.headers['x-mesa-signature']), hit?.body ?? '');
    expect(valid).toBe(true);
    expect(t).toBe(Date.parse('2026-12-07T12:00:00.000Z') / 1000);
    expect(verify('whsec_other', String(hit?.headers['x-mesa-signature']), hit?.body ?? '').valid).toBe(false);
    const body = JSON.parse(hit?.body ?? '{}');
    expect(body).toMatchObject({
      event: 'ticket.created',
      ticket: { id: ticket.id, number: ticket.number, subject: 'Impresora sin tóner' },
      change: { kind: 'created' },
    });
    expect(hit?.headers['x-mesa-delivery']).toBe(body.id);

    expect(await deliveries(webhook.id)).toEqual([
      expect.objectContaining({
        id: body.id,
        event: 'ticket.created',
        ticketId: ticket.id,
        status: 'delivered',
        attempts: 1,
        responseStatus: 200,
        lastError: null,
        nextAttemptAt: null,
      }),
    ]);
    // Sent once: nothing is due any more.
    expect(await built.services.webhooks.sendDue()).toEqual({ delivered: 0, failed: 0 });
    await admin.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { active: false });
  });

  it('retries after a 500 once the backoff has passed', async () => {
    const { webhook } = await register('/retry', ['ticket.created']);
    answers.push(500);
    await raise(world.requester);
    expect(await built.services.webhooks.sendDue()).toEqual({ delivered: 0, failed: 1 });
    expect(await deliveries(webhook.id)).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 1, responseStatus: 500, lastError: 'answered 500' }),
    ]);
    // Not due yet.
    expect(await built.services.webhooks.sendDue()).toEqual({ delivered: 0, failed: 0 });
    clock.advance(WEBHOOK_BACKOFF_MS[0] as number);
    expect(await built.services.webhooks.sendDue()).toEqual({ delivered: 1, failed: 0 });
    expect(await deliveries(webhook.id)).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 2, responseStatus: 200, lastError: null }),
    ]);
    expect(hits('/retry')).toHaveLength(2);
    // The same delivery both times: a receiver can drop the repeat by its id.
    expect(new Set(hits('/retry').map((h) => h.headers['x-mesa-delivery'])).size).toBe(1);
    await admin.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { active: false });
  });

  it(`gives up after ${WEBHOOK_MAX_ATTEMPTS} attempts and lists it among the failures`, async () => {
    const { webhook } = await register('/down', ['ticket.created']);
    await raise(world.requester);
    for (let attempt = 0; attempt < WEBHOOK_MAX_ATTEMPTS; attempt++) {
      answers.push(503);
      expect(await built.services.webhooks.sendDue()).toEqual({ delivered: 0, failed: 1 });
      clock.advance(WEBHOOK_BACKOFF_MS.at(-1) as number);
    }
    answers.length = 0;
    expect(await built.services.webhooks.sendDue()).toEqual({ delivered: 0, failed: 0 });
    expect(hits('/down')).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    const failed = (await admin.request('GET', `/api/v1/webhooks/${webhook.id}/deliveries?status=failed`)).json();
    expect(failed.items).toEqual([
      expect.objectContaining({
        status: 'failed',
        attempts: WEBHOOK_MAX_ATTEMPTS,
        responseStatus: 503,
        lastError: 'answered 503',
        nextAttemptAt: null,
      }),
    ]);
    await admin.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { active: false });
  });

  it('fails at once on a 4xx that is not 408 or 429, keeping the status, and never tries again', async () => {
    for (const status of [404, 410, 401]) {
      const { webhook } = await register(`/refused-${status}`, ['ticket.created']);
      answers.push(status);
      await raise(world.requester);
      expect(await built.services.webhooks.sendDue()).toEqual({ delivered: 0, failed: 1 });
      expect(await deliveries(webhook.id)).toEqual([
        expect.objectContaining({
          status: 'failed',
          attempts: 1,
          responseStatus: status,
          lastError: `answered ${status}: refused, not retried`,
          nextAttemptAt: null,
        }),
      ]);
      // Past the first backoff, when a 5xx would have been tried again.
      clock.advance(WEBHOOK_BACKOFF_MS[0] as number);
      expect(await built.services.webhooks.sendDue()).toEqual({ delivered: 0, failed: 0 });
      expect(hits(`/refused-${status}`)).toHaveLength(1);
      await admin.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { active: false });
    }
  });

  it('retries a 429 no sooner than its Retry-After, and a 408, as passing refusals', async () => {
    const { webhook } = await register('/busy', ['ticket.created']);
    answers.push({ status: 429, headers: { 'retry-after': '600' } }, 408);
    await raise(world.requester);
    const sentAt = clock.now().getTime();
    expect(await built.services.webhooks.sendDue()).toEqual({ delivered: 0, failed: 1 });
    const [first] = await deliveries(webhook.id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 429, lastError: 'answered 429' });
    // Ten minutes asked, more than the first backoff's one.
    expect(Date.parse(first.nextAttemptAt) - sentAt).toBe(600_000);
    clock.advance(WEBHOOK_BACKOFF_MS[0] as number);
    expect(await built.services.webhooks.sendDue()).toEqual({ delivered: 0, failed: 0 });
    clock.advance(600_000 - (WEBHOOK_BACKOFF_MS[0] as number));
    expect(await built.services.webhooks.sendDue()).toEqual({ delivered: 0, failed: 1 });
    expect(await deliveries(webhook.id)).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 2, responseStatus: 408 }),
    ]);
    clock.advance(WEBHOOK_BACKOFF_MS[1] as number);
    expect(await built.services.webhooks.sendDue()).toEqual({ delivered: 1, failed: 0 });
    expect(hits('/busy')).toHaveLength(3);
    await admin.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { active: false });
  });

  it('caps a Retry-After of a day at the longest backoff', async () => {
    const { webhook } = await register('/later', ['ticket.created']);
    answers.push({ status: 503, headers: { 'retry-after': String(24 * 3600) } });
    await raise(world.requester);
    const sentAt = clock.now().getTime();
    await built.services.webhooks.sendDue();
    const [first] = await deliveries(webhook.id);
    expect(Date.parse(first.nextAttemptAt) - sentAt).toBe(WEBHOOK_BACKOFF_MS.at(-1));
    await admin.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { active: false });
  });

  it('retries when nothing listens (a network error), with no status', async () => {
    const closed = await startReceiver();
    const url = `${closed.url}/gone`;
    await closed.close();
    const response = await admin.request('POST', '/api/v1/webhooks', { url, events: ['ticket.created'] });
    const { webhook } = response.json();
    await raise(world.requester);
    expect(await built.services.webhooks.sendDue()).toEqual({ delivered: 0, failed: 1 });
    expect(await deliveries(webhook.id)).toEqual([
      expect.objectContaining({
        status: 'pending',
        attempts: 1,
        responseStatus: null,
        lastError: expect.stringMatching(/ECONNREFUSED/),
      }),
    ]);
    await admin.request('DELETE', `/api/v1/webhooks/${webhook.id}`);
  });

  it('prunes deliveries older than the retention with its job, whatever their outcome', async () => {
    const { webhook } = await register('/pruned', ['ticket.created']);
    answers.push(404);
    await raise(world.requester);
    await raise(world.requester);
    await built.services.webhooks.sendDue();
    const rows = await deliveries(webhook.id);
    expect(rows.map((d: { status: string }) => d.status).sort()).toEqual(['delivered', 'failed']);
    const day = 24 * 3600_000;
    const made = (days: number) => new Date(clock.now().getTime() - days * day).toISOString();
    // Thirty-one days old and twenty-nine: the default retention is thirty.
    const [older, newer] = rows as { id: string }[];
    const age = (id: string, days: number) =>
      database()
        .db.updateTable('webhook_deliveries')
        .set({ created_at: made(days) })
        .where('id', '=', id)
        .execute();
    await age(older?.id as string, 31);
    await age(newer?.id as string, 29);
    const counts = await jobDriver(built, 'webhook_deliveries_prune')();
    expect(counts.deleted).toBeGreaterThanOrEqual(1);
    expect((await deliveries(webhook.id)).map((d: { id: string }) => d.id)).toEqual([newer?.id]);
    await admin.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { active: false });
  });

  it('tells of resolutions, updates and SLA breaches only to the endpoints that asked', async () => {
    const resolvedOnly = await register('/resolved', ['ticket.resolved', 'ticket.sla_breached']);
    const updates = await register('/updated', ['ticket.updated']);
    const ticket = await raise(world.requester);
    const url = `/api/v1/tickets/${ticket.id}`;
    await world.agent.request('PATCH', url, { version: 1, assigneeId: world.agentUser.id });
    const resolved = await world.agent.request('PATCH', url, {
      version: 2,
      status: 'resolved',
      resolutionCode: 'solved',
      resolutionNotes: 'Se cambió el tóner',
    });
    expect(resolved.statusCode).toBe(200);
    // The SLA watch records a breach on the timeline as any change is recorded.
    await database()
      .db.transaction()
      .execute((trx) => built.services.history.record(trx, systemContext, ticket.id, { kind: 'sla_breach' }));
    await built.services.webhooks.sendDue();

    const events = (path: string) => hits(path).map((h) => JSON.parse(h.body).event);
    expect(events('/resolved')).toEqual(['ticket.resolved', 'ticket.sla_breached']);
    expect(events('/updated')).toEqual(['ticket.updated']);
    const assigned = JSON.parse(hits('/updated')[0]?.body ?? '{}').change;
    // Assigning moves the ticket to "assigned": a change of status that is not a resolution.
    expect(assigned.kind).toBe('status_changed');
    expect(assigned.fields).toContain('assigneeId');
    expect((await deliveries(resolvedOnly.webhook.id)).map((d: { status: string }) => d.status)).toEqual([
      'delivered',
      'delivered',
    ]);
    expect(await deliveries(updates.webhook.id)).toHaveLength(1);
  });

  it('lists endpoints without their secret, and an inactive one hears nothing', async () => {
    const list = await admin.request('GET', '/api/v1/webhooks');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('whsec_');
    const { webhook } = await register('/inactive', ['ticket.created']);
    const one = await admin.request('GET', `/api/v1/webhooks/${webhook.id}`);
    expect(one.json()).not.toHaveProperty('secret');
    await admin.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { active: false });
    await raise(world.requester);
    await built.services.webhooks.sendDue();
    expect(hits('/inactive')).toEqual([]);
    const removed = await admin.request('DELETE', `/api/v1/webhooks/${webhook.id}`);
    expect(removed.statusCode).toBe(200);
    expect((await admin.request('GET', `/api/v1/webhooks/${webhook.id}/deliveries`)).statusCode).toBe(404);
  });
});
