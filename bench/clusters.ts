import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import {
  type ClusterableIncident,
  DEFAULT_CLUSTER_SETTINGS,
  findIncidentClusters,
  type IncidentCluster,
} from '../domain/problems/incident-clusters.js';
import type { DB } from '../server/db/schema.js';
import { htmlToText } from '../server/platform/html.js';
import { generateIncidentNoise } from '../test/support/incident-noise.js';
import { type Bench, ms } from './lib/bench.js';
import { capture } from './lib/capture.js';
import type { Figure } from './lib/report.js';
import { sample, summarize } from './lib/stats.js';

const DAY_MS = 86_400_000;
/** The recent window the job reads: the widest the settings allow (CLUSTER_SETTINGS_LIMITS.windowDays.max). */
const WINDOW_DAYS = 30;
/**
 * The synthetic window: a desk of 1,000,000 tickets over two years, 60 % incidents, raises about
 * 25,000 incidents a month on average and more at the end of a growing history; 40,000 leaves room.
 */
const SYNTHETIC_INCIDENTS = 40_000;
/** A block larger than DEFAULT_CLUSTER_SETTINGS.maxPairwiseBlock: candidate pairs only. */
const HUGE_BLOCK = 10_000;
const RUNS = 3;

/**
 * The query the problems job reads the recent window with: incidents created since `since`, by the
 * `tickets_created_idx` range (created_at, id), the type tested on each row.
 */
function recentIncidents(db: Kysely<DB>, since: string) {
  return db
    .selectFrom('tickets')
    .select(['id', 'organization_id', 'service_id', 'category_id', 'created_at', 'subject', 'description_html'])
    .where('created_at', '>=', since)
    .where('type', '=', 'incident')
    .execute();
}

/** How the engine reads the window: the index it walks, to show in the log. */
async function planOf(harness: Parameters<Bench>[0]['harness'], since: string): Promise<string> {
  const explain = sql.raw(harness.engine === 'sqlite' ? 'explain query plan' : 'explain');
  const { rows } = await sql<Record<string, unknown>>`${explain} select id, subject, description_html from tickets
    where created_at >= ${since} and type = ${'incident'}`.execute(harness.database.db);
  return rows.map((row) => String(row.detail ?? row['QUERY PLAN'] ?? JSON.stringify(row))).join(' | ');
}

/**
 * Median wall time of `runs` runs of `work`, the median CPU time of this process over them (user
 * and system: less moved by other work on the machine than the wall time), and the last result.
 */
function timedRuns<T>(runs: number, work: () => T): { ms: number; cpuMs: number; result: T } {
  const times: number[] = [];
  const cpu: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    result = work();
    const used = process.cpuUsage(startCpu);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: summarize(times).p50, cpuMs: summarize(cpu).p50, result: result as T };
}

const largest = (clusters: IncidentCluster[]) => Math.max(0, ...clusters.map((c) => c.incidentIds.length));

/**
 * Recurring-incident detection (issue 19, item 6): reading the last 30 days of incidents, turning
 * their descriptions into text, and clustering them, on the generated desk; then the clustering
 * alone on 40,000 synthetic incidents, and on one block of 10,000.
 */
export const benchClusters: Bench = async ({ harness, log }) => {
  const { db } = harness.database;
  const latest = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .executeTakeFirstOrThrow();
  const asOf = new Date(String(latest.at ?? ''));
  if (Number.isNaN(asOf.getTime())) throw new Error('No tickets: generate data first');
  const since = new Date(asOf.getTime() - WINDOW_DAYS * DAY_MS).toISOString();
  log(`clusters: the window ${since} – ${asOf.toISOString()}`);
  log(`clusters: plan: ${await planOf(harness, since)}`);

  const { statements, result: rows } = await capture(() => recentIncidents(db, since));
  const replayer = await harness.replayer();
  const queryMesa = summarize(await sample(RUNS + 2, () => recentIncidents(db, since), 1));
  const querySql = summarize(await sample(RUNS + 2, () => replayer.run(statements), 1));
  log(`clusters: ${rows.length} incidents in the window, read in ${ms(queryMesa.p50)}`);

  const text = timedRuns(RUNS, () =>
    rows.map(
      (row): ClusterableIncident => ({
        id: row.id,
        organizationId: row.organization_id,
        serviceId: row.service_id,
        categoryId: row.category_id,
        createdAt: row.created_at as string | Date,
        subject: row.subject,
        description: htmlToText(row.description_html),
      }),
    ),
  );
  const incidents = text.result;
  const month = timedRuns(RUNS, () =>
    findIncidentClusters(incidents, { ...DEFAULT_CLUSTER_SETTINGS, windowDays: WINDOW_DAYS }, asOf),
  );
  const week = timedRuns(RUNS, () => findIncidentClusters(incidents, DEFAULT_CLUSTER_SETTINGS, asOf));
  const weekCount = incidents.filter((i) => new Date(i.createdAt).getTime() > asOf.getTime() - 7 * DAY_MS).length;
  log(
    `clusters: generated desk, 30 days ${ms(month.ms)} (${month.result.length} clusters), 7 days ${ms(week.ms)} (${week.result.length})`,
  );

  const synthetic = generateIncidentNoise({
    seed: 7,
    count: SYNTHETIC_INCIDENTS,
    organizations: 20,
    asOf,
    days: WINDOW_DAYS,
    maxPerTopic: null,
  });
  const syntheticRun = timedRuns(RUNS, () =>
    findIncidentClusters(synthetic, { ...DEFAULT_CLUSTER_SETTINGS, windowDays: WINDOW_DAYS }, asOf),
  );
  const huge = synthetic.slice(0, HUGE_BLOCK).map((incident) => ({
    ...incident,
    organizationId: 'one',
    serviceId: null,
    categoryId: null,
  }));
  const hugeRun = timedRuns(RUNS, () =>
    findIncidentClusters(huge, { ...DEFAULT_CLUSTER_SETTINGS, windowDays: WINDOW_DAYS }, asOf),
  );
  log(
    `clusters: synthetic ${SYNTHETIC_INCIDENTS} ${ms(syntheticRun.ms)}, one block of ${HUGE_BLOCK} ${ms(hugeRun.ms)}`,
  );

  const figures: Figure[] = [
    {
      bench: 'clusters',
      name: 'reading the last 30 days of incidents p50',
      unit: 'ms',
      mesa: queryMesa.p50,
      sql: querySql.p50,
      target: null,
      note: `${rows.length} incidents (${weekCount} in the last 7 days); the plan is in the log`,
    },
    {
      bench: 'clusters',
      name: 'their descriptions as plain text',
      unit: 'ms',
      mesa: text.ms,
      sql: null,
      target: null,
      note: `CPU ${ms(text.cpuMs)}; htmlToText, as the job will`,
    },
    {
      bench: 'clusters',
      name: 'clustering the last 30 days',
      unit: 'ms',
      mesa: month.ms,
      sql: null,
      target: null,
      note: `CPU ${ms(month.cpuMs)}; ${month.result.length} clusters, the largest ${largest(month.result)} (the generator's texts repeat a few templates per category)`,
    },
    {
      bench: 'clusters',
      name: 'clustering the last 7 days (the default)',
      unit: 'ms',
      mesa: week.ms,
      sql: null,
      target: null,
      note: `CPU ${ms(week.cpuMs)}; ${weekCount} incidents, ${week.result.length} clusters`,
    },
    {
      bench: 'clusters',
      name: `clustering ${SYNTHETIC_INCIDENTS.toLocaleString('en-US')} synthetic incidents, 30 days`,
      unit: 'ms',
      mesa: syntheticRun.ms,
      sql: null,
      target: null,
      note: `CPU ${ms(syntheticRun.cpuMs)}; 20 organizations, test/support/incident-noise.ts uncapped: ${syntheticRun.result.length} clusters, the largest ${largest(syntheticRun.result)}`,
    },
    {
      bench: 'clusters',
      name: `clustering one block of ${HUGE_BLOCK.toLocaleString('en-US')} (candidate pairs)`,
      unit: 'ms',
      mesa: hugeRun.ms,
      sql: null,
      target: null,
      note: `CPU ${ms(hugeRun.cpuMs)}; ${hugeRun.result.length} clusters, the largest ${largest(hugeRun.result)}`,
    },
  ];
  return figures;
};
