import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';

/** Reads server-sent events from a live connection until `count` ticket events have arrived. */
async function collect(base: string, client: Client, count: number, during: () => Promise<void>) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/v1/events`, {
    headers: { cookie: client.cookie },
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  expect(response.headers.get('cache-control')).toBe('no-store, no-transform');
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const events: { kind: string; ticketId: string }[] = [];
  let buffer = '';
  const reading = (async () => {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      for (const match of buffer.matchAll(/event: ticket\ndata: (.+)\n\n/g))
        events.push(JSON.parse(match[1] as string));
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
    }
  })();
  await during();
  await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 1500))]);
  controller.abort();
  return events;
}

describeOnEachDatabase('live updates', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let base: string;

  beforeAll(async () => {
    built = await buildTestApp(database());
    world = await ticketWorld(built);
    base = await built.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await built.app.close();
  });

  it('tells staff of every change and the requester only of what they may see', async () => {
    const ticket = await raise(world.requester);
    const url = `/api/v1/tickets/${ticket.id}`;
    const act = async () => {
      await world.agent.request('POST', `${url}/notes`, { bodyHtml: 'nota privada' });
      await world.agent.request('POST', `${url}/replies`, { bodyHtml: 'respuesta' });
    };
    const [agentEvents, requesterEvents] = await Promise.all([
      collect(base, world.agent, 2, async () => {}),
      collect(base, world.requester, 1, act),
    ]);
    expect(agentEvents.map((e) => e.kind)).toEqual(['note', 'reply']);
    expect(requesterEvents.map((e) => e.kind)).toEqual(['reply']);
    expect(requesterEvents[0]?.ticketId).toBe(ticket.id);

    const stranger = await ticketWorld(built);
    const unseen = await collect(base, stranger.requester, 1, async () => {
      await world.agent.request('POST', `${url}/replies`, { bodyHtml: 'otra' });
    });
    expect(unseen).toEqual([]);
  });
});
