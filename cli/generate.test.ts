import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTicketNumber } from '../domain/tickets/ticket-types.js';
import type { Database } from '../server/db/connect.js';
import { fixedClock } from '../server/platform/clock.js';
import { createTestDatabase, describeOnEachDatabase } from '../test/support/databases.js';
import { buildTestApp, type Client, login } from '../test/support/test-app.js';
import { type GenerateOptions, type GenerateResult, generate } from './generator/generate.js';

const OPTIONS: GenerateOptions = {
  tickets: 500,
  months: 3,
  organizations: 4,
  seed: 42,
  until: new Date('2026-11-01T00:00:00Z'),
  requestersPerOrganization: 10,
  password: 'generated-password',
  batchSize: 150,
};

/** A digest of what a seed decides: tickets, their timelines, conversations and SLA firings. */
async function fingerprint({ db }: Database): Promise<string> {
  const hash = createHash('sha256');
  const tickets = await db
    .selectFrom('tickets')
    .select(['id', 'number', 'subject', 'status', 'priority', 'channel', 'assignee_id', 'created_at', 'updated_at'])
    .select(['first_response_at', 'resolved_at', 'closed_at', 'sla_state', 'resolution_due_at', 'resolution_met'])
    .orderBy('number')
    .execute();
  const events = await db
    .selectFrom('ticket_events')
    .select(['id', 'ticket_id', 'kind', 'at', 'changes'])
    .orderBy('id')
    .execute();
  const messages = await db
    .selectFrom('ticket_messages')
    .select(['id', 'body_html', 'created_at'])
    .orderBy('id')
    .execute();
  const firings = await db
    .selectFrom('sla_firings')
    .select(['ticket_id', 'key', 'fired_at'])
    .orderBy('ticket_id')
    .orderBy('key')
    .execute();
  for (const rows of [tickets, events, messages, firings]) hash.update(JSON.stringify(rows));
  return hash.digest('hex');
}

/** The indexes of the tables whose indexes the generator sets aside during a load. */
async function indexNames({ db, engine }: Database): Promise<string[]> {
  const { rows } =
    engine === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'index' and tbl_name in ('tickets', 'ticket_search')`.execute(db)
      : await sql<{
          name: string;
        }>`select indexname as name from pg_indexes where tablename in ('tickets', 'ticket_search')`.execute(db);
  return rows.map((r) => r.name).sort();
}

const count = async (database: Database, table: 'tickets' | 'organizations' | 'ticket_events' | 'ticket_messages') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeOnEachDatabase('mesa generate', (database, engine) => {
  let result: GenerateResult;

  beforeAll(async () => {
    result = await generate(database(), OPTIONS);
  });

  it('writes the desk, the tickets with their timelines and search rows, and moves the counters on', async () => {
    const db = database();
    expect(await count(db, 'tickets')).toBe(500);
    expect(await count(db, 'organizations')).toBe(4);
    expect(await count(db, 'ticket_messages')).toBeGreaterThan(500);
    const { rows: search } = await sql<{ n: number }>`select count(*) as n from ticket_search`.execute(db.db);
    expect(Number(search[0]?.n)).toBe(500);
    // Every ticket opens its timeline with "created", which carries its first status for the SLA clock.
    const created = await db.db.selectFrom('ticket_events').select('ticket_id').where('kind', '=', 'created').execute();
    expect(new Set(created.map((e) => e.ticket_id)).size).toBe(500);
    const counters = await db.db.selectFrom('ticket_counters').selectAll().execute();
    const maxima = await db.db
      .selectFrom('tickets')
      .select(['type', (eb) => eb.fn.max('sequence').as('last')])
      .groupBy('type')
      .execute();
    for (const { type, last } of maxima) {
      expect(counters.find((c) => c.type === type)?.last_value).toBe(Number(last));
      expect(result.lastSequences[type]).toBe(Number(last));
    }
    const statuses = new Set(
      (await db.db.selectFrom('tickets').select('status').distinct().execute()).map((r) => r.status),
    );
    expect(statuses.has('closed')).toBe(true);
    expect([...statuses].some((s) => ['new', 'assigned', 'in_progress', 'pending'].includes(s))).toBe(true);
    if (engine === 'sqlite') {
      // The writer skips foreign-key checks for speed; every reference must hold all the same.
      const { rows } = await sql`pragma foreign_key_check`.execute(db.db);
      expect(rows).toEqual([]);
    }
    await expect(generate(db, OPTIONS)).rejects.toThrow(/already holds generated data/);
  });

  it('makes the same rows for the same seed, and others for another seed, and leaves every index in place', async () => {
    const [same, other] = [await createTestDatabase(engine), await createTestDatabase(engine)];
    try {
      // The indexes set aside for the load are all back, as the migrations made them.
      expect(await indexNames(database())).toEqual(await indexNames(same));
      await generate(same, OPTIONS);
      await generate(other, { ...OPTIONS, seed: 43 });
      const expected = await fingerprint(database());
      expect(await fingerprint(same)).toBe(expected);
      expect(await fingerprint(other)).not.toBe(expected);
    } finally {
      await same.destroy();
      await other.destroy();
    }
  });

  describe('read by the application', () => {
    let built: Awaited<ReturnType<typeof buildTestApp>>;
    let agent: Client;

    beforeAll(async () => {
      built = await buildTestApp(database(), { clock: fixedClock(new Date(OPTIONS.until.getTime() + 3_600_000)) });
      agent = await login(built, 'agent01@mesa.example', OPTIONS.password);
    });

    afterAll(async () => {
      await built?.app.close();
    });

    it('is read by the application: queues, search, the ticket page and its timeline', async () => {
      const open = await agent.request('GET', '/api/v1/tickets?queue=open&sort=priority');
      expect(open.statusCode).toBe(200);
      expect(open.json().items.length).toBeGreaterThan(0);
      const all = await agent.request('GET', '/api/v1/tickets?queue=all&limit=100');
      expect(all.statusCode).toBe(200);
      const items = all.json().items as { id: string; subject: string }[];
      expect(items).toHaveLength(100);

      // A word the generator put in a subject finds tickets that have it.
      const word = (items[0]?.subject.match(/\p{L}{6,}/u) ?? [])[0] as string;
      const found = await agent.request('GET', `/api/v1/tickets?queue=all&q=${encodeURIComponent(word)}`);
      expect(found.statusCode).toBe(200);
      const hits = found.json().items as { subject: string }[];
      expect(hits.some((t) => t.subject.toLowerCase().includes(word.toLowerCase()))).toBe(true);

      const id = items[0]?.id as string;
      const page = await agent.request('GET', `/api/v1/tickets/${id}`);
      expect(page.statusCode).toBe(200);
      const timeline = await agent.request('GET', `/api/v1/tickets/${id}/timeline`);
      expect(timeline.statusCode).toBe(200);
      const entries = timeline.json().items as { kind: string; message: unknown }[];
      expect(entries[0]?.kind).toBe('created');
      expect((await agent.request('GET', `/api/v1/tickets/${id}/sla`)).statusCode).toBe(200);

      const supervisor = await login(built, 'supervisor01@mesa.example', OPTIONS.password);
      const breached = await supervisor.request('GET', '/api/v1/supervision/tickets?view=breached');
      expect(breached.statusCode).toBe(200);
      expect((await supervisor.request('GET', '/api/v1/supervision/summary')).statusCode).toBe(200);
      const requester = await login(built, result.requesterEmails[0] as string, OPTIONS.password);
      expect((await requester.request('GET', '/api/v1/tickets')).statusCode).toBe(200);
    });

    it('gives a ticket raised through the API the next number of its type', async () => {
      const requester = await database()
        .db.selectFrom('users')
        .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
        .select('users.id')
        .where('user_roles.role', '=', 'requester')
        .executeTakeFirstOrThrow();
      const response = await agent.request('POST', '/api/v1/tickets', {
        type: 'incident',
        subject: 'La impresora del segundo piso no imprime',
        description: '<p>Sale todo en blanco.</p>',
        requesterId: requester.id,
        channel: 'phone',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().number).toBe(formatTicketNumber('incident', result.lastSequences.incident + 1));
    });
  });
});
