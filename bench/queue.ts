import { sql } from 'kysely';
import type { Bench } from './lib/bench.js';
import { getOk } from './lib/http.js';
import { measureGets } from './lib/measure.js';
import type { Figure } from './lib/report.js';

const TARGET_P95_MS = 25;
const OPEN = ['new', 'assigned', 'in_progress', 'pending'];
/** The due sort's cursor at the start of the tickets with no deadline (null, then any id). */
const NULLS = Buffer.from(JSON.stringify([null, '0'])).toString('base64url');

/** An agent's queue views: what a desk has open, by priority, narrowed the ways agents narrow it. */
export const benchQueue: Bench = async (run) => {
  const { harness } = run;
  const { db } = harness.database;
  // The agent holding the most open tickets, so "mine" is a full queue.
  const busiest = await db
    .selectFrom('tickets')
    .innerJoin('user_roles', 'user_roles.user_id', 'tickets.assignee_id')
    .innerJoin('users', 'users.id', 'tickets.assignee_id')
    .select(['users.email', sql<number>`count(*)`.as('open')])
    .where('tickets.status', 'in', OPEN as never)
    .where('user_roles.role', '=', 'agent')
    .where('users.password_hash', 'is not', null)
    .groupBy('users.email')
    .orderBy('open', 'desc')
    .limit(1)
    .executeTakeFirst();
  const email = busiest?.email ?? (await harness.usersWithRole('agent'))[0]?.email;
  if (!email) throw new Error('No agent to sign in as');
  const session = await harness.signIn(email);
  const organizations = await db
    .selectFrom('tickets')
    .select(['organization_id', sql<number>`count(*)`.as('open')])
    .where('status', 'in', OPEN as never)
    .groupBy('organization_id')
    .orderBy('open', 'desc')
    .execute();
  const counts = await db
    .selectFrom('tickets')
    .select(['status', sql<number>`count(*)`.as('n')])
    .groupBy('status')
    .execute();
  const openCount = counts.filter((c) => OPEN.includes(c.status)).reduce((sum, c) => sum + Number(c.n), 0);
  run.log(`queue: ${openCount} open tickets in ${organizations.length} organizations; agent ${email}`);

  const base = '/api/v1/tickets?queue=open&sort=priority';
  const firstPage = JSON.parse((await getOk(harness.client, session, base)).body) as { nextCursor: string | null };
  const cases: { name: string; paths: string[] }[] = [
    { name: 'open, by priority', paths: [base] },
    {
      name: 'open, by priority, page 2',
      paths: firstPage.nextCursor ? [`${base}&cursor=${encodeURIComponent(firstPage.nextCursor)}`] : [],
    },
    {
      name: 'open, by priority, one organization',
      paths: organizations.slice(0, 20).map((o) => `${base}&organizationId=${o.organization_id}`),
    },
    { name: 'in progress, by last update', paths: ['/api/v1/tickets?queue=open&status=in_progress'] },
    { name: 'mine, by priority', paths: ['/api/v1/tickets?queue=mine&sort=priority'] },
    { name: 'all tickets, by last update', paths: ['/api/v1/tickets?queue=all'] },
    { name: 'mine, by due', paths: ['/api/v1/tickets?queue=mine&sort=due'] },
    { name: 'open, by due', paths: ['/api/v1/tickets?queue=open&sort=due'] },
    // A page among the tickets with no clock running, which the due sort puts last.
    { name: 'open, by due, past the deadlines', paths: [`/api/v1/tickets?queue=open&sort=due&cursor=${NULLS}`] },
    { name: 'all tickets, by due, past the deadlines', paths: [`/api/v1/tickets?queue=all&sort=due&cursor=${NULLS}`] },
    { name: 'queue counts', paths: ['/api/v1/tickets/counts'] },
  ];
  const figures: Figure[] = [];
  for (const { name, paths } of cases) {
    if (paths.length === 0) {
      run.log(`queue: ${name}: skipped (a single page)`);
      continue;
    }
    const measured = await measureGets(run, session, `queue: ${name}`, paths);
    const note = `${measured.items ?? 0} rows a page, ${measured.statements} statements a request`;
    figures.push(
      { bench: 'queue', name: `${name} p50`, unit: 'ms', mesa: measured.mesa.p50, sql: measured.sql.p50, target: null },
      {
        bench: 'queue',
        name: `${name} p95`,
        unit: 'ms',
        mesa: measured.mesa.p95,
        sql: measured.sql.p95,
        target: TARGET_P95_MS,
        note,
      },
    );
  }
  return figures;
};
