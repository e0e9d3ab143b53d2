import { formatTicketNumber, TICKET_TYPES } from '../domain/tickets/ticket-types.js';
import { type Bench, ms } from './lib/bench.js';
import type { Statement } from './lib/capture.js';
import type { Harness } from './lib/harness.js';
import { getOk } from './lib/http.js';
import type { Figure } from './lib/report.js';
import { sample, seeded, summarize } from './lib/stats.js';

const TARGET_P95_MS = 15;
const OPEN = ['new', 'assigned', 'in_progress', 'pending'];

/** Tickets drawn at random (seeded) by their number, so no list of a million ids is held. */
async function randomTickets(harness: Harness, count: number, seed: number): Promise<string[]> {
  const { db } = harness.database;
  const counters = await db.selectFrom('ticket_counters').selectAll().execute();
  const random = seeded(seed);
  const ids: string[] = [];
  for (let attempt = 0; ids.length < count && attempt < 20; attempt++) {
    const numbers = Array.from({ length: count - ids.length }, () => {
      const counter = counters[Math.floor(random() * counters.length)];
      const type = TICKET_TYPES.find((t) => t === counter?.type) ?? 'incident';
      return formatTicketNumber(type, 1 + Math.floor(random() * Math.max(1, counter?.last_value ?? 1)));
    });
    const rows = await db.selectFrom('tickets').select('id').where('number', 'in', numbers).execute();
    ids.push(...rows.map((row) => row.id));
  }
  return ids.slice(0, count);
}

async function randomOpenTickets(harness: Harness, count: number, seed: number): Promise<string[]> {
  const rows = await harness.database.db
    .selectFrom('tickets')
    .select('id')
    .where('status', 'in', OPEN as never)
    .orderBy('id')
    .execute();
  const random = seeded(seed);
  return Array.from({ length: Math.min(count, rows.length) }, () => rows[Math.floor(random() * rows.length)]?.id ?? '');
}

/** The ticket page: the ticket, its timeline, and both together as the page asks for them. */
export const benchTicket: Bench = async (run) => {
  const { harness, samples, seed, log } = run;
  const [agent] = await harness.usersWithRole('agent');
  if (!agent) throw new Error('No agent to sign in as');
  const session = await harness.signIn(agent.email);
  const figures: Figure[] = [];
  const sets = [
    { name: 'any ticket', ids: await randomTickets(harness, samples, seed) },
    { name: 'an open ticket', ids: await randomOpenTickets(harness, samples, seed + 1) },
  ];
  const replayer = await harness.replayer();
  for (const { name, ids } of sets) {
    if (ids.length === 0) continue;
    const at = (i: number) => ids[i % ids.length] as string;
    const ticket = (i: number) => `/api/v1/tickets/${at(i)}`;
    const timeline = (i: number) => `/api/v1/tickets/${at(i)}/timeline`;
    const get = (path: string) => getOk(harness.client, session, path);
    const page = (i: number) => Promise.all([get(ticket(i)), get(timeline(i))]);
    // Each page once untimed, then timed: the same rows the SQL replay reads below.
    const mesaTicket = summarize(await sample(ids.length, (i) => get(ticket(i)), 20));
    const mesaTimeline = summarize(await sample(ids.length, (i) => get(timeline(i)), 20));
    const mesaPage = summarize(await sample(ids.length, page, 20));

    const ticketSql: Statement[][] = [];
    const timelineSql: Statement[][] = [];
    let events = 0;
    for (let i = 0; i < ids.length; i++) {
      ticketSql.push(await harness.statementsOf(session, ticket(i)));
      timelineSql.push(await harness.statementsOf(session, timeline(i)));
      if (i < 50) events += (JSON.parse((await get(timeline(i))).body) as { items: unknown[] }).items.length;
    }
    const rows = (list: Statement[][], i: number) => list[i % list.length] as Statement[];
    const sqlTicket = summarize(await sample(ids.length, (i) => replayer.run(rows(ticketSql, i)), 20));
    const sqlTimeline = summarize(await sample(ids.length, (i) => replayer.run(rows(timelineSql, i)), 20));
    const sqlPage = summarize(
      await sample(ids.length, (i) => replayer.run([...rows(ticketSql, i), ...rows(timelineSql, i)]), 20),
    );
    log(
      `ticket: ${name}: page p50 ${ms(mesaPage.p50)} p95 ${ms(mesaPage.p95)} — SQL only p50 ${ms(sqlPage.p50)} p95 ${ms(sqlPage.p95)}`,
    );
    const statements = Math.max(...ticketSql.map((s) => s.length)) + Math.max(...timelineSql.map((s) => s.length));
    figures.push(
      {
        bench: 'ticket',
        name: `${name}: ticket p95`,
        unit: 'ms',
        mesa: mesaTicket.p95,
        sql: sqlTicket.p95,
        target: null,
      },
      {
        bench: 'ticket',
        name: `${name}: timeline p95`,
        unit: 'ms',
        mesa: mesaTimeline.p95,
        sql: sqlTimeline.p95,
        target: null,
        note: `${(events / Math.min(50, ids.length)).toFixed(1)} timeline entries on average`,
      },
      { bench: 'ticket', name: `${name}: page p50`, unit: 'ms', mesa: mesaPage.p50, sql: sqlPage.p50, target: null },
      {
        bench: 'ticket',
        name: `${name}: page p95`,
        unit: 'ms',
        mesa: mesaPage.p95,
        sql: sqlPage.p95,
        target: TARGET_P95_MS,
        note: `both requests at once, as the page sends them; up to ${statements} statements`,
      },
    );
  }
  return figures;
};
