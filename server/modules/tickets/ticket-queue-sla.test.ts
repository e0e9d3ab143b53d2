import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';
import { fixedClock } from '../../platform/clock.js';
import { encodeCursor } from '../../platform/cursor.js';
import { systemContext } from '../../platform/request-context.js';
import { countTickets } from './tickets.repository.js';

interface Row {
  id: string;
  subject: string;
  sla: { nextDueAt: string | null; state: string | null };
}

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-30T13:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * MINUTE);
const due = (minutes: number) => at(minutes).toISOString();

/** Every page of a list, `limit` at a time, through the cursors. */
async function allPages(client: Client, path: string, limit: number): Promise<Row[]> {
  const items: Row[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `${path}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await client.request('GET', url);
    expect(response.statusCode).toBe(200);
    const page = response.json() as { items: Row[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

// The queues carry each ticket's SLA in one line, read from the stored deadlines, and sort by the
// nearest deadline with the tickets that have none last.
describeOnEachDatabase('SLA in the queues', (database) => {
  const clock = fixedClock(at(0));
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  const ids = { breached: '', met: '', paused: '', warning: '', running: '', unassigned: '', none: '' };

  beforeAll(async () => {
    built = await buildTestApp(database(), { clock });
    world = await ticketWorld(built);
    const calendar = await built.services.agreements.createCalendar(systemContext, {
      name: 'Todo el día',
      timeZone: 'UTC',
      weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
    });
    // Priority 3 (the default impact and urgency): first response within an hour, warned at half.
    await built.services.agreements.createAgreement(systemContext, {
      organizationId: world.organization.id,
      name: 'Acuerdo',
      calendarId: calendar.id,
      warnAt: [0.5],
      targets: [{ priority: 3, firstResponseMinutes: 60, resolutionMinutes: 480 }],
    });
    const agent = world.agent;
    const take = async (ticket: { id: string; version: number }) =>
      (
        await agent.request('PATCH', `/api/v1/tickets/${ticket.id}`, {
          version: ticket.version,
          assigneeId: world.agentUser.id,
        })
      ).json();

    // 13:00, due 14:00: breached by 14:05.
    ids.breached = (await take(await raise(world.requester, { subject: 'Breached' }))).id;
    // 13:05, answered at 13:15 and resolved at 13:25: both targets met. 13:10, waiting on the
    // requester from 13:20: paused, no deadline.
    clock.set(at(5));
    const met = await take(await raise(world.requester, { subject: 'Met' }));
    ids.met = met.id;
    clock.set(at(10));
    const paused = await take(await raise(world.requester, { subject: 'Paused' }));
    ids.paused = paused.id;
    clock.set(at(15));
    await agent.request('POST', `/api/v1/tickets/${met.id}/replies`, { bodyHtml: '<p>Revisando</p>' });
    clock.set(at(20));
    const pending = await agent.request('PATCH', `/api/v1/tickets/${paused.id}`, {
      version: paused.version,
      status: 'pending',
      pendingReason: 'requester',
    });
    expect(pending.json().status).toBe('pending');
    clock.set(at(25));
    const current = (await agent.request('GET', `/api/v1/tickets/${met.id}`)).json();
    const resolved = await agent.request('PATCH', `/api/v1/tickets/${met.id}`, {
      version: current.version,
      status: 'resolved',
      resolutionCode: 'solved',
      resolutionNotes: 'Listo',
    });
    expect(resolved.json().status).toBe('resolved');
    // 13:35, due 14:35: past half its hour at 14:05, at risk.
    clock.set(at(35));
    ids.warning = (await take(await raise(world.requester, { subject: 'Warning' }))).id;
    // 14:00 and 14:01, due 15:00 and 15:01: on time; the second left unassigned.
    clock.set(at(60));
    ids.running = (await take(await raise(world.requester, { subject: 'Running' }))).id;
    clock.set(at(61));
    ids.unassigned = (await raise(world.requester, { subject: 'Unassigned' })).id;
    // An organization without an agreement: no SLA at all.
    const elsewhere = await ticketWorld(built);
    ids.none = (await raise(elsewhere.requester, { subject: 'No agreement' })).id;
    clock.set(at(65));
  });

  const byId = (rows: Row[]) => new Map(rows.map((row) => [row.id, row.sla]));

  it('reads a running clock past its deadline as breached before the detection job runs', async () => {
    const { db } = database();
    const stored = await db.selectFrom('tickets').select('sla_state').where('id', '=', ids.breached).executeTakeFirst();
    expect(stored?.sla_state).toBe('running');
    const rows = (await world.agent.request('GET', '/api/v1/tickets?queue=mine&sort=due')).json().items as Row[];
    expect(byId(rows).get(ids.breached)).toEqual({ nextDueAt: due(60), state: 'breached' });
    // The ticket page tells the same from the same rule.
    const ticket = (await world.agent.request('GET', `/api/v1/tickets/${ids.breached}`)).json();
    expect(ticket.sla).toMatchObject({ nextDueAt: due(60), state: 'breached' });
  });

  it('carries each state with its next deadline, after the detection job has run', async () => {
    expect((await built.services.watchServiceLevels()).fired).toBeGreaterThan(0);
    const rows = (await world.agent.request('GET', '/api/v1/tickets?queue=all&limit=100')).json().items as Row[];
    const sla = byId(rows);
    expect(sla.get(ids.breached)).toEqual({ nextDueAt: due(60), state: 'breached' });
    expect(sla.get(ids.warning)).toEqual({ nextDueAt: due(95), state: 'warning' });
    expect(sla.get(ids.running)).toEqual({ nextDueAt: due(120), state: 'running' });
    expect(sla.get(ids.paused)).toEqual({ nextDueAt: null, state: 'paused' });
    expect(sla.get(ids.met)).toEqual({ nextDueAt: null, state: 'met' });
    expect(sla.get(ids.none)).toEqual({ nextDueAt: null, state: null });
    // A requester's list carries it too, within their organization.
    const own = (await world.requester.request('GET', '/api/v1/tickets?sort=due')).json().items as Row[];
    expect(own[0]).toMatchObject({ id: ids.breached, sla: { state: 'breached' } });
    expect(own.map((row) => row.id)).not.toContain(ids.none);
  });

  it('sorts by due, the most overdue first and the tickets with no running clock last, across pages', async () => {
    const dated = [ids.breached, ids.warning, ids.running, ids.unassigned];
    const undated = [ids.met, ids.paused, ids.none].sort();
    const all = await allPages(world.agent, '/api/v1/tickets?queue=all&sort=due', 2);
    expect(all.map((row) => row.id)).toEqual([...dated, ...undated]);
    for (const limit of [1, 3, 5]) {
      expect((await allPages(world.agent, '/api/v1/tickets?queue=all&sort=due', limit)).map((row) => row.id)).toEqual(
        all.map((row) => row.id),
      );
    }
    // The open queue (its own index), mine and the unassigned ones.
    expect((await allPages(world.agent, '/api/v1/tickets?queue=open&sort=due', 2)).map((row) => row.id)).toEqual([
      ...dated,
      ...[ids.paused, ids.none].sort(),
    ]);
    expect((await allPages(world.agent, '/api/v1/tickets?queue=mine&sort=due', 1)).map((row) => row.id)).toEqual([
      ids.breached,
      ids.warning,
      ids.running,
      ids.paused,
    ]);
    expect((await allPages(world.agent, '/api/v1/tickets?queue=unassigned&sort=due', 1)).map((row) => row.id)).toEqual([
      ids.unassigned,
      ids.none,
    ]);
  });

  it('refuses a cursor the due sort did not produce', async () => {
    const first = (await world.agent.request('GET', '/api/v1/tickets?queue=all&sort=priority&limit=1')).json();
    const tampered = [
      first.nextCursor,
      encodeCursor(['not a date', ids.breached]),
      encodeCursor([42, ids.breached]),
      encodeCursor([null, '']),
      encodeCursor([due(60)]),
      'bm90LWpzb24',
    ];
    for (const cursor of tampered) {
      const response = await world.agent.request(
        'GET',
        `/api/v1/tickets?queue=all&sort=due&cursor=${encodeURIComponent(cursor)}`,
      );
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors).toEqual([{ field: 'cursor', message: 'is not a cursor this list produced' }]);
    }
    // A cursor among the tickets with no deadline is a real one.
    const afterNull = await world.agent.request(
      'GET',
      `/api/v1/tickets?queue=all&sort=due&cursor=${encodeURIComponent(encodeCursor([null, '0']))}`,
    );
    expect(afterNull.statusCode).toBe(200);
    expect(afterNull.json().items.map((row: Row) => row.id)).toEqual([ids.met, ids.paused, ids.none].sort());
  });

  it("counts each queue's tickets, up to a cap", async () => {
    const counts = (await world.agent.request('GET', '/api/v1/tickets/counts')).json();
    expect(counts.items).toEqual([
      { queue: 'mine', count: 4, more: false },
      { queue: 'unassigned', count: 2, more: false },
      { queue: 'open', count: 6, more: false },
      { queue: 'recent', count: 7, more: false },
      { queue: 'all', count: 7, more: false },
    ]);
    expect((await world.requester.request('GET', '/api/v1/tickets/counts')).statusCode).toBe(403);
    // Past the cap the count stops at cap + 1, which the service answers as "more".
    const { db } = database();
    expect(await countTickets(db, { scope: null }, 3)).toBe(4);
    expect(await countTickets(db, { scope: null }, 10)).toBe(7);
  });
});
