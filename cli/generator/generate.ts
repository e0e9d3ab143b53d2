import type { TicketType } from '../../domain/tickets/ticket-types.js';
import { emptyBatch, rowCount, TABLES } from '../../server/db/bulk-load/tables.js';
import { openWriter, settleAfterLoad } from '../../server/db/bulk-load/writers.js';
import type { Database } from '../../server/db/connect.js';
import { hashPassword } from '../../server/platform/passwords.js';
import { IdMaker } from './ids.js';
import { Random, weighted } from './random.js';
import { TicketFactory } from './tickets.js';
import { buildWorld } from './world.js';

/**
 * The realistic data generator: a whole desk — organizations, agreements, groups, staff,
 * requesters, procedures — and N tickets over M months with their conversations, escalations,
 * SLA facts and timelines, written in bulk (not through the API or the per-ticket services) in
 * batches of 2,000 tickets, each batch one transaction. Every row, ids included, follows
 * from the seed and the options.
 */
export interface GenerateOptions {
  tickets: number;
  months: number;
  organizations: number;
  seed: number;
  /** The end of the generated period, "now" for the data: tickets before it are old, near it open. */
  until: Date;
  requestersPerOrganization?: number;
  /** Every generated person signs in with this password (hashed once, the hash shared). */
  password: string;
  batchSize?: number;
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  tickets: number;
  total: number;
  rows: number;
  elapsedMs: number;
}

export interface GenerateResult {
  tickets: number;
  rows: number;
  elapsedMs: number;
  staffEmails: { role: string; email: string }[];
  requesterEmails: string[];
  lastSequences: Record<TicketType, number>;
}

export class GenerateError extends Error {}

const DAY = 86_400_000;

export async function generate(database: Database, options: GenerateOptions): Promise<GenerateResult> {
  const { db } = database;
  const started = performance.now();
  if (await db.selectFrom('organizations').select('id').where('code', '=', 'GEN001').executeTakeFirst()) {
    throw new GenerateError('this database already holds generated data; generate into a fresh one');
  }
  const counters = Object.fromEntries(
    (await db.selectFrom('ticket_counters').select(['type', 'last_value']).execute()).map((r) => [
      r.type,
      r.last_value,
    ]),
  );
  const hasDefaultGroup = !!(await db
    .selectFrom('support_groups')
    .select('id')
    .where('is_default', '=', 1)
    .executeTakeFirst());
  const passwordHash = await hashPassword(options.password);

  const random = new Random(options.seed);
  const ids = new IdMaker(options.seed);
  const end = options.until.getTime();
  const startDate = new Date(end);
  startDate.setUTCMonth(startDate.getUTCMonth() - options.months);
  const start = Math.floor(startDate.getTime() / DAY) * DAY;
  const { world, batch: worldBatch } = buildWorld(random, ids, {
    organizations: options.organizations,
    requestersPerOrganization: options.requestersPerOrganization ?? 50,
    passwordHash,
    at: start - 30 * DAY,
    hasDefaultGroup,
    firstProcedureKey: counters.procedure ?? 0,
  });

  const existing = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const writer = openWriter(database, Number(existing.n) < options.tickets);
  const perBatch = options.batchSize ?? 2000;
  const ticketWidth = TABLES.tickets.columns.length;
  let rows = rowCount(worldBatch);
  let factory: TicketFactory;
  // One batch is written while the next is made; waiting for the write before handing over the
  // next keeps at most two batches in memory, however many tickets are asked for.
  let writing: Promise<void> = writer.write(worldBatch);
  // Interrupted (Ctrl-C), the run stops at the next ticket and still ends cleanly: on SQLite the
  // indexes set aside for the load are made again before the process exits.
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    factory = new TicketFactory(random, ids, world, end, {
      incident: counters.incident ?? 0,
      request: counters.request ?? 0,
      query: counters.query ?? 0,
    });
    let batch = emptyBatch();
    let made = 0;
    const flush = async () => {
      const full = batch;
      const done = made;
      batch = emptyBatch();
      await writing;
      rows += rowCount(full);
      const counted = rows;
      writing = writer.write(full).then(() => {
        options.onProgress?.({
          tickets: done,
          total: options.tickets,
          rows: counted,
          elapsedMs: performance.now() - started,
        });
      });
      // Failures surface at the next await of `writing`, not as an unhandled rejection meanwhile.
      writing.catch(() => {});
    };
    for (const at of ticketTimes(random, start, end, options.tickets)) {
      if (interrupted)
        throw new GenerateError('interrupted: the database holds part of the data; generate into a fresh one');
      factory.make(at, batch);
      made += 1;
      if (batch.tickets.length >= perBatch * ticketWidth) await flush();
    }
    if (batch.tickets.length > 0) await flush();
    await writing;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await writing.catch(() => {});
    await writer.close();
  }

  // New tickets raised through the application take the next numbers.
  const lastSequences = factory.sequences;
  await db.transaction().execute(async (trx) => {
    for (const [type, value] of Object.entries(lastSequences)) {
      await trx.updateTable('ticket_counters').set({ last_value: value }).where('type', '=', type).execute();
    }
    await trx
      .updateTable('ticket_counters')
      .set({ last_value: (counters.procedure ?? 0) + world.procedures.length })
      .where('type', '=', 'procedure')
      .execute();
    // Round-robin groups go on taking turns where the generated tickets left them.
    for (const group of [world.l1Default, world.l1International, ...world.l2]) {
      await trx.updateTable('support_groups').set({ turn: group.turn }).where('id', '=', group.id).execute();
    }
  });
  await settleAfterLoad(database);
  return {
    tickets: options.tickets,
    rows,
    elapsedMs: performance.now() - started,
    staffEmails: world.staffEmails,
    requesterEmails: world.requesterEmails,
    lastSequences,
  };
}

// When tickets arrive (UTC): the working day of the Americas, little at night.
const HOURS = weighted(
  [1, 1, 0.5, 0.3, 0.3, 0.3, 0.4, 0.6, 0.8, 1, 1.5, 3, 7, 9, 10, 10, 8, 9, 10, 9, 7, 5, 3, 2].map(
    (w, h) => [h, w] as const,
  ),
);

/**
 * `count` instants in [start, end), in order, streamed day by day: weekdays busier than weekends,
 * the desk growing over the period, office hours busier than nights.
 */
export function* ticketTimes(random: Random, start: number, end: number, count: number): Generator<number> {
  const days = Math.ceil((end - start) / DAY);
  const weights: number[] = [];
  for (let d = 0; d < days; d++) {
    const weekday = new Date(start + d * DAY).getUTCDay();
    const base = weekday === 0 ? 0.15 : weekday === 6 ? 0.25 : 1;
    const share = Math.min(1, (end - (start + d * DAY)) / DAY);
    weights.push(base * (0.8 + (0.4 * d) / days) * (0.9 + 0.2 * random.next()) * share);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let emitted = 0;
  for (let d = 0; d < days; d++) {
    cumulative += weights[d] as number;
    const upTo = d === days - 1 ? count : Math.round((count * cumulative) / total);
    const n = upTo - emitted;
    emitted = upTo;
    const dayStart = start + d * DAY;
    const limit = Math.min(DAY, end - dayStart);
    const times = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let offset = HOURS.draw(random) * 3_600_000 + Math.floor(random.next() * 3_600_000);
      // The last day may end early (an `until` within the day): draw again, then anywhere before it.
      for (let attempt = 0; attempt < 20 && offset >= limit; attempt++)
        offset = HOURS.draw(random) * 3_600_000 + Math.floor(random.next() * 3_600_000);
      if (offset >= limit) offset = Math.floor(random.next() * limit);
      times[i] = dayStart + offset;
    }
    times.sort();
    for (const at of times) yield at;
  }
}
