import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeUser } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';
import { OPEN_TICKET_WORD } from '../../db/ticket-search.js';

interface Item {
  id: string;
  priority: number;
  status: string;
  updatedAt: string;
  requester: { name: string };
  organization: { id: string; name: string };
}

/** Every page of a list, `limit` at a time, through the cursors. */
async function allPages(client: Client, path: string, limit: number): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `${path}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = (await client.request('GET', url)).json() as { items: Item[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

// The list chooses its page from `tickets` alone and only then reads the names: the pages, the
// order, the filters and a requester's scope must come out as one query over everything would.
describeOnEachDatabase('ticket lists, page first', (database, engine) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let other: Awaited<ReturnType<typeof ticketWorld>>;
  const levels = ['high', 'medium', 'low'] as const;

  beforeAll(async () => {
    built = await buildTestApp(database());
    world = await ticketWorld(built);
    other = await ticketWorld(built);
    for (let i = 0; i < 9; i++) {
      await raise(world.requester, {
        subject: `Quetzal ${i} no imprime`,
        impact: levels[i % 3],
        urgency: levels[(i + 1) % 3],
      });
    }
    for (let i = 0; i < 3; i++) await raise(other.requester, { subject: `Quetzal ajeno ${i}` });
    await raise(world.requester, { subject: 'Otra cosa' });
  });

  it('pages the open queue by priority through cursors, in order, with the names', async () => {
    const whole = (await world.agent.request('GET', '/api/v1/tickets?queue=open&sort=priority&limit=100')).json()
      .items as Item[];
    expect(whole.length).toBeGreaterThanOrEqual(13);
    const sorted = [...whole].sort(
      (a, b) => a.priority - b.priority || b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id),
    );
    expect(whole.map((t) => t.id)).toEqual(sorted.map((t) => t.id));
    const paged = await allPages(world.agent, '/api/v1/tickets?queue=open&sort=priority', 2);
    expect(paged.map((t) => t.id)).toEqual(whole.map((t) => t.id));
    expect(paged.every((t) => t.requester.name && t.organization.name)).toBe(true);

    const mine = await allPages(
      world.agent,
      `/api/v1/tickets?queue=open&sort=priority&organizationId=${world.organization.id}`,
      3,
    );
    expect(mine.map((t) => t.id)).toEqual(
      whole.filter((t) => t.organization.id === world.organization.id).map((t) => t.id),
    );
  });

  it('pages a search with filters, and keeps a requester to their own tickets', async () => {
    const staff = await allPages(world.agent, '/api/v1/tickets?queue=all&q=quetzal', 4);
    expect(staff).toHaveLength(12);
    const byPriority = await allPages(world.agent, '/api/v1/tickets?queue=all&q=quetzal&priority=1&priority=2', 1);
    expect(byPriority.map((t) => t.id)).toEqual(staff.filter((t) => t.priority <= 2).map((t) => t.id));

    const own = await allPages(world.requester, '/api/v1/tickets?q=quetzal', 2);
    expect(own).toHaveLength(9);
    expect(own.every((t) => t.organization.id === world.organization.id)).toBe(true);
    const colleague = await login(built, (await makeUser(built, ['requester'], world.organization.id)).email);
    expect((await colleague.request('GET', '/api/v1/tickets?q=quetzal')).json().items).toHaveLength(0);
  });

  it('finds the same tickets when a word is common enough to walk the list instead', async () => {
    const before = await allPages(world.agent, '/api/v1/tickets?queue=all&q=quetzal', 5);
    const { db } = database();
    if (engine === 'sqlite') {
      // Search rows with no ticket (keys far beyond any ticket's) make "quetzal" match thousands.
      await sql`
        with recursive n(i) as (select 1 union all select i + 1 from n where i < 6000)
        insert into ticket_search (rowid, public_text, internal_text) select 1000000000 + i, 'quetzal', '' from n
      `.execute(db);
    }
    expect((await allPages(world.agent, '/api/v1/tickets?queue=all&q=quetzal', 5)).map((t) => t.id)).toEqual(
      before.map((t) => t.id),
    );
    expect((await allPages(world.agent, '/api/v1/tickets?queue=open&q=quetzal', 5)).map((t) => t.id)).toEqual(
      before.filter((t) => t.status !== 'closed').map((t) => t.id),
    );
  });

  it('searches open tickets through the word the index keeps for them, which follows a ticket closed and reopened', async () => {
    const ids = async (client: Client, path: string) =>
      ((await client.request('GET', path)).json().items as Item[]).map((t) => t.id);
    const marked = () => ids(world.agent, `/api/v1/tickets?queue=all&limit=100&q=${OPEN_TICKET_WORD}`);
    const reopen = async (id: string) => {
      const current = (await world.requester.request('GET', `/api/v1/tickets/${id}`)).json();
      const reopened = await world.requester.request('PATCH', `/api/v1/tickets/${id}`, {
        version: current.version,
        status: 'in_progress',
      });
      expect(reopened.json().status).toBe('in_progress');
    };

    const ticket = await raise(world.requester, { subject: 'Zorzal sin conexión' });
    expect(await ids(world.agent, '/api/v1/tickets?queue=open&q=zorzal')).toEqual([ticket.id]);
    expect(await ids(world.agent, '/api/v1/tickets?queue=open&status=new&status=assigned&q=zorz')).toEqual([ticket.id]);
    expect(await marked()).toContain(ticket.id);

    const url = `/api/v1/tickets/${ticket.id}`;
    const assigned = (await world.agent.request('PATCH', url, { version: 1, assigneeId: world.agentUser.id })).json();
    const resolved = await world.agent.request('PATCH', url, {
      version: assigned.version,
      status: 'resolved',
      resolutionCode: 'solved',
      resolutionNotes: 'Se cambió el cable',
    });
    expect(resolved.json().status).toBe('resolved');
    expect(await marked()).not.toContain(ticket.id);
    expect(await ids(world.agent, '/api/v1/tickets?queue=open&q=zorzal')).toEqual([]);
    expect(await ids(world.agent, '/api/v1/tickets?queue=all&status=resolved&q=zorzal')).toEqual([ticket.id]);
    await reopen(ticket.id);
    expect(await ids(world.agent, '/api/v1/tickets?queue=open&q=zorzal')).toEqual([ticket.id]);
    // The word is public text: a requester's search among open statuses finds their ticket too.
    expect(await ids(world.requester, '/api/v1/tickets?status=in_progress&q=zorzal')).toEqual([ticket.id]);

    // Raised already resolved (on first contact), it starts without the word and gets it when reopened.
    const settled = await raise(world.agent, {
      requesterId: world.requesterUser.id,
      subject: 'Mirlo sin sonido',
      firstContactResolution: { resolutionCode: 'solved', resolutionNotes: 'Se activó el audio' },
    });
    expect(await marked()).not.toContain(settled.id);
    await reopen(settled.id);
    expect(await ids(world.agent, '/api/v1/tickets?queue=open&q=mirlo')).toEqual([settled.id]);
  });
});
