import type { BenchRun } from './bench.js';
import { ms } from './bench.js';
import type { Statement } from './capture.js';
import { getOk, type Session } from './http.js';
import { type Summary, sample, summarize } from './stats.js';

export interface GetMeasure {
  mesa: Summary;
  sql: Summary;
  /** Statements per request beyond finding the caller, the largest seen. */
  statements: number;
  /** Items in the first answer, when it is a list. */
  items: number | null;
}

const WARMUP = 20;
/** A case slower than this in all stops early: 20 samples at least. */
const BUDGET_MS = 30_000;

/**
 * `samples` GETs one after another over HTTP, cycling through `paths`; then, for the same paths in
 * the same order, the statements each request ran, played on the driver without Mesa.
 */
export async function measureGets(
  { harness, samples, log }: BenchRun,
  session: Session,
  label: string,
  paths: readonly string[],
  count = samples,
): Promise<GetMeasure> {
  if (paths.length === 0) throw new Error(`${label}: nothing to ask for`);
  const at = (i: number) => paths[i % paths.length] as string;
  const first = JSON.parse((await getOk(harness.client, session, at(0))).body) as { items?: unknown[] };
  const mesaSamples = await sample(count, async (i) => getOk(harness.client, session, at(i)), WARMUP, BUDGET_MS);

  const taken = mesaSamples.length;
  const distinct = Math.min(paths.length, taken);
  const statements: Statement[][] = [];
  for (let i = 0; i < distinct; i++) statements.push(await harness.statementsOf(session, at(i)));
  const replayer = await harness.replayer();
  const sqlSamples = await sample(
    taken,
    (i) => replayer.run(statements[i % distinct] as Statement[]),
    WARMUP,
    BUDGET_MS,
  );
  const mesa = summarize(mesaSamples);
  const sql = summarize(sqlSamples);
  log(`${label}: p50 ${ms(mesa.p50)} p95 ${ms(mesa.p95)} — SQL only p50 ${ms(sql.p50)} p95 ${ms(sql.p95)}`);
  return {
    mesa,
    sql,
    statements: Math.max(...statements.map((list) => list.length)),
    items: Array.isArray(first.items) ? first.items.length : null,
  };
}
