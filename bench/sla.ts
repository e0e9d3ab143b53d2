import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { dueTicketIds } from '../server/modules/sla/sla.repository.js';
import { fixedClock } from '../server/platform/clock.js';
import { buildServices } from '../server/services.js';
import { type Bench, ms } from './lib/bench.js';
import { capture } from './lib/capture.js';
import type { Figure } from './lib/report.js';
import { sample, summarize } from './lib/stats.js';

const TARGET_MS = 200;
/** How often server/main.ts runs the SLA job. */
const EVERY_MS = 15_000;
/** Sweeps in a row at that pace: ten minutes of a desk's life. */
const STEADY_SWEEPS = 40;
/** Then the job is away this long (a restart, an outage) and one sweep catches up. */
const CATCH_UP_MS = 60 * 60_000;
/** The detection job's batch (sla-detection.service.ts). */
const BATCH = 200;

/**
 * The SLA detection job (services.watchServiceLevels) on a clock the bench moves: each run takes
 * the desk from where the data, or the previous run, left it — forty sweeps 15 s apart, then one
 * sweep after an hour without any — so every run fires what is really due, once.
 */
export const benchSla: Bench = async ({ harness, log }) => {
  const { db } = harness.database;
  const latest = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .executeTakeFirstOrThrow();
  const fired = await db
    .selectFrom('sla_firings')
    .select((eb) => eb.fn.max('fired_at').as('at'))
    .executeTakeFirstOrThrow();
  const startAt = Math.max(Date.parse(String(latest.at ?? 0)), Date.parse(String(fired.at ?? 0)));
  if (!Number.isFinite(startAt) || startAt <= 0) throw new Error('No tickets: generate data first');
  const clock = fixedClock(new Date(startAt));
  const services = buildServices(harness.database, clock, harness.config);
  const dueBy = async (at: number) => {
    const row = await db
      .selectFrom('tickets')
      .select(sql<number>`count(*)`.as('n'))
      .where('sla_check_at', '<=', new Date(at).toISOString())
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const backlog = await dueBy(startAt);
  log(`sla: starting at ${new Date(startAt).toISOString()}, ${backlog} tickets already due`);

  // What was due before the start is the data's (or a previous run's) backlog: cleared first, untimed.
  if (backlog > 0) await services.watchServiceLevels();

  const steady: number[] = [];
  const dueCounts: number[] = [];
  let firings = 0;
  for (let i = 1; i <= STEADY_SWEEPS; i++) {
    clock.set(new Date(startAt + i * EVERY_MS));
    dueCounts.push(await dueBy(startAt + i * EVERY_MS));
    const start = performance.now();
    firings += (await services.watchServiceLevels()).fired;
    steady.push(performance.now() - start);
  }
  const steadySummary = summarize(steady);
  const dueSteady = dueCounts.reduce((sum, n) => sum + n, 0) / dueCounts.length;
  log(
    `sla: ${STEADY_SWEEPS} sweeps 15 s apart: p50 ${ms(steadySummary.p50)}, max ${ms(steadySummary.max)}, ${firings} firings`,
  );

  const catchUpAt = startAt + STEADY_SWEEPS * EVERY_MS + CATCH_UP_MS;
  const dueCatchUp = await dueBy(catchUpAt);
  clock.set(new Date(catchUpAt));
  const catchUpStart = performance.now();
  const catchUp = await services.watchServiceLevels();
  const catchUpMs = performance.now() - catchUpStart;
  log(`sla: after an hour away: ${dueCatchUp} due, ${catchUp.fired} firings in ${ms(catchUpMs)}`);

  // Finding what is due: the job's first query, through the repository and on the driver alone,
  // an hour further on so it finds some.
  const findAt = new Date(catchUpAt + CATCH_UP_MS).toISOString();
  const { statements } = await capture(() => dueTicketIds(db, findAt, BATCH));
  const replayer = await harness.replayer();
  const findMesa = summarize(await sample(200, () => dueTicketIds(db, findAt, BATCH), 20));
  const findSql = summarize(await sample(200, () => replayer.run(statements), 20));
  const found = (await dueTicketIds(db, findAt, BATCH)).length;

  const figures: Figure[] = [
    {
      bench: 'sla',
      name: 'sweep every 15 s, p50',
      unit: 'ms',
      mesa: steadySummary.p50,
      sql: null,
      target: null,
      note: `${STEADY_SWEEPS} sweeps, ${dueSteady.toFixed(1)} tickets due a sweep on average, ${firings} firings in all`,
    },
    { bench: 'sla', name: 'sweep every 15 s, max', unit: 'ms', mesa: steadySummary.max, sql: null, target: TARGET_MS },
    {
      bench: 'sla',
      name: 'sweep after an hour without one',
      unit: 'ms',
      mesa: catchUpMs,
      sql: null,
      target: null,
      note: `${dueCatchUp} tickets due, ${catchUp.fired} firings: ${(catchUpMs / Math.max(1, dueCatchUp)).toFixed(1)} ms a ticket`,
    },
    {
      bench: 'sla',
      name: 'finding the due tickets p50',
      unit: 'ms',
      mesa: findMesa.p50,
      sql: findSql.p50,
      target: null,
      note: `the repository's query alone, ${found} due`,
    },
  ];
  return figures;
};
