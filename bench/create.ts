import { performance } from 'node:perf_hooks';
import { formatTicketNumber, TICKET_TYPES, type TicketType } from '../domain/tickets/ticket-types.js';
import { newId } from '../server/platform/ids.js';
import { type Bench, ms } from './lib/bench.js';
import type { Replayer, Statement } from './lib/capture.js';
import { removeTicketsRaised } from './lib/cleanup.js';
import type { Harness } from './lib/harness.js';
import { type LoadResult, runLoad } from './lib/load.js';
import type { Figure } from './lib/report.js';
import { type Summary, summarize } from './lib/stats.js';

const CONNECTIONS = 10;
const FIXED_RATE = 500;

/** What requesters write through the portal; `[<id>]` keeps every subject distinct. */
const CASES: { type: TicketType; subject: string; description: string }[] = [
  {
    type: 'incident',
    subject: 'La VPN se desconecta cada pocos minutos [<id>]',
    description:
      '<p>Desde esta mañana la VPN se corta cada cinco minutos en la oficina de Lima. Reinicié el equipo y el cliente VPN sin resultado. Afecta a todo el equipo de contabilidad.</p>',
  },
  {
    type: 'request',
    subject: 'Alta de usuario para nueva analista [<id>]',
    description:
      '<p>Necesitamos crear la cuenta de correo y el acceso al ERP para una analista que empieza el lunes en el área de compras. Adjunto el formulario firmado por la jefatura.</p>',
  },
  {
    type: 'query',
    subject: 'How do I export the monthly report to Excel? [<id>]',
    description:
      '<p>The reporting module shows the monthly figures, but I cannot find where to export them to a spreadsheet for the finance team. Is there a procedure for this?</p>',
  },
  {
    type: 'incident',
    subject: 'Printer on the 3rd floor prints blank pages [<id>]',
    description:
      '<p>The shared printer next to the meeting room prints blank pages since yesterday. Toner was replaced last week. Several people in the sales team are affected.</p>',
  },
];

const INSERT = /^insert into "?(\w+)"? \(([^)]*)\) values /i;

/**
 * The statements of one creation, with everything the creation made unique (row ids, the ticket
 * number, sequence and search key) renamed, so it can be played again and committed.
 */
function renamer(statements: readonly Statement[]): (round: number, sequence: number) => Statement[] {
  const ticketInsert = statements.find((s) => INSERT.exec(s.sql)?.[1] === 'tickets');
  if (!ticketInsert) throw new Error('The creation wrote no ticket row');
  const ticketColumns = (INSERT.exec(ticketInsert.sql)?.[2] ?? '').split(',').map((c) => c.trim().replaceAll('"', ''));
  const value = (column: string) => ticketInsert.parameters[ticketColumns.indexOf(column)];
  const oldNumber = value('number') as string;
  const oldSearchKey = value('search_key') as number;
  const type = value('type') as TicketType;
  const insertedIds: unknown[] = [];
  for (const statement of statements) {
    const match = INSERT.exec(statement.sql);
    if (!match) continue;
    const columns = (match[2] ?? '').split(',').map((c) => c.trim().replaceAll('"', ''));
    const at = columns.indexOf('id');
    if (at < 0) continue;
    for (let row = 0; row * columns.length < statement.parameters.length; row++)
      insertedIds.push(statement.parameters[row * columns.length + at]);
  }
  return (_round, sequence) => {
    const renames = new Map<unknown, unknown>(insertedIds.map((id) => [id, newId()]));
    const number = formatTicketNumber(type, sequence);
    renames.set(oldNumber, number);
    renames.set(oldSearchKey, sequence * 4 + TICKET_TYPES.indexOf(type));
    return statements.map((statement) => ({
      ...statement,
      parameters: statement.parameters.map((p, i) => {
        if (statement === ticketInsert && ticketColumns[i] === 'sequence') return sequence;
        if (renames.has(p)) return renames.get(p);
        return typeof p === 'string' && p.includes(oldNumber) ? p.replaceAll(oldNumber, number) : p;
      }),
    }));
  };
}

/** Plays one creation again and again for `seconds` (on PostgreSQL over as many connections as the load used). */
async function replayCreations(
  harness: Harness,
  statements: readonly Statement[],
  seconds: number,
): Promise<{ perSecond: number; latency: Summary }> {
  const rename = renamer(statements);
  // Numbers far beyond the desk's own counter (search keys still within a 32-bit integer), so
  // replayed tickets never collide with real ones.
  const { max } = await harness.database.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.max('search_key').as('max'))
    .executeTakeFirstOrThrow();
  let sequence = Math.max(500_000_000, Math.floor(Number(max ?? 0) / 4) + 1);
  const parallel = harness.engine === 'postgres' ? CONNECTIONS : 1;
  const replayers: Replayer[] = [await harness.replayer()];
  for (let i = 1; i < parallel; i++) replayers.push(await harness.extraReplayer());
  const durations: number[] = [];
  // Renamed ahead of time, so the timing holds only the database's work.
  const batch = () => Array.from({ length: 200 }, (_, i) => rename(i, sequence++));
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    replayers.map(async (replayer) => {
      while (performance.now() < deadline) {
        for (const round of batch()) {
          const start = performance.now();
          await replayer.run(round);
          durations.push(performance.now() - start);
        }
      }
    }),
  );
  for (const replayer of replayers.slice(1)) await replayer.close();
  // Busy time only: renaming the next batch is the bench's work, not the database's.
  const busySeconds = durations.reduce((sum, d) => sum + d, 0) / 1000 / parallel;
  return { perSecond: durations.length / busySeconds, latency: summarize(durations) };
}

/** Ticket creation over HTTP: throughput at saturation, latency at a fixed 500/s, each against the bare SQL. */
export const benchCreate: Bench = async ({ harness, durationSeconds, log }) => {
  const since = new Date().toISOString();
  const [requester] = await harness.usersWithRole('requester');
  if (!requester) throw new Error('No requester to raise tickets');
  const session = await harness.signIn(requester.email);
  const services = await harness.database.db
    .selectFrom('services')
    .select('id')
    .where('organization_id', '=', requester.organizationId ?? '')
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(2)
    .execute();
  const bodies = CASES.map((body, i) => {
    const service = services[i % 2];
    return service && i % 2 === 0 ? { ...body, serviceId: service.id } : body;
  });
  const post = (i: number) => {
    const body = bodies[i % bodies.length] as (typeof bodies)[number];
    return harness.client.send('POST', '/api/v1/tickets', session.headers, {
      ...body,
      subject: body.subject.replace('[<id>]', `#${i}`),
    });
  };
  // Whatever happens, the tickets raised here go, so the other benches see the data as generated.
  const removeRaised = async () => {
    const removed = await removeTicketsRaised(harness.database, requester.id, since);
    log(`create: removed the ${removed} tickets it raised`);
  };
  let statements: Statement[];
  let saturation: LoadResult;
  let fixed: LoadResult;
  let bare: { perSecond: number; latency: Summary };
  try {
    for (let i = 0; i < 100; i++) {
      const response = await post(i);
      if (response.status !== 201) throw new Error(`Creating a ticket answered ${response.status}: ${response.body}`);
    }
    statements = await harness.statementsDuring(session, () => post(100));
    log(`create: ${statements.length} statements per creation`);
    // Each phase starts from the data as generated: the open backlog (which routing reads) grows as tickets are raised.
    await removeRaised();

    const load = {
      url: harness.url,
      method: 'POST' as const,
      path: '/api/v1/tickets',
      bodies,
      headers: session.headers,
    };
    log(`create: saturation, ${CONNECTIONS} connections for ${durationSeconds} s`);
    saturation = await runLoad({ ...load, connections: CONNECTIONS, durationSeconds });
    log(`create: ${saturation.perSecond.toFixed(0)}/s, p99 ${ms(saturation.latency.p99)}`);
    await removeRaised();
    log(`create: fixed rate ${FIXED_RATE}/s for ${durationSeconds} s`);
    fixed = await runLoad({ ...load, connections: CONNECTIONS, durationSeconds, overallRate: FIXED_RATE });
    log(`create: ${fixed.perSecond.toFixed(0)}/s, p50 ${ms(fixed.latency.p50)}, p99 ${ms(fixed.latency.p99)}`);
    for (const run of [saturation, fixed]) {
      if (run.non2xx > 0 || run.errors > 0)
        throw new Error(`Ticket creation failed under load: ${JSON.stringify(run.statusCodes)}, ${run.errors} errors`);
    }

    await removeRaised();
    log('create: the same statements without Mesa');
    bare = await replayCreations(harness, statements, Math.min(durationSeconds, 5));
    log(`create: SQL only ${bare.perSecond.toFixed(0)}/s, p50 ${ms(bare.latency.p50)}`);
  } finally {
    await removeRaised();
  }

  const figures: Figure[] = [
    {
      bench: 'create',
      name: `throughput at saturation (${CONNECTIONS} connections)`,
      unit: 'req/s',
      mesa: saturation.perSecond,
      sql: bare.perSecond,
      target: 1500,
    },
    {
      bench: 'create',
      name: 'latency p50 at saturation',
      unit: 'ms',
      mesa: saturation.latency.p50,
      sql: null,
      target: null,
    },
    {
      bench: 'create',
      name: `latency p50 at ${FIXED_RATE}/s`,
      unit: 'ms',
      mesa: fixed.latency.p50,
      sql: bare.latency.p50,
      target: null,
    },
    {
      bench: 'create',
      name: `latency p95 at ${FIXED_RATE}/s`,
      unit: 'ms',
      mesa: fixed.latency.p95,
      sql: bare.latency.p95,
      target: null,
    },
    {
      bench: 'create',
      name: `latency p99 at ${FIXED_RATE}/s`,
      unit: 'ms',
      mesa: fixed.latency.p99,
      sql: bare.latency.p99,
      target: 50,
      note: `${fixed.perSecond.toFixed(0)}/s achieved; autocannon releases each second's ${FIXED_RATE} requests over ${CONNECTIONS} connections as fast as they are answered`,
    },
    {
      bench: 'create',
      name: 'SQL statements per creation',
      unit: 'count',
      mesa: statements.length,
      sql: null,
      target: null,
    },
  ];
  return figures;
};
