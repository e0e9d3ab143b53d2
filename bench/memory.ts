import { readFileSync } from 'node:fs';
import { benchCreate } from './create.js';
import type { BenchRun } from './lib/bench.js';
import { getOk } from './lib/http.js';
import { runLoad } from './lib/load.js';
import type { Figure } from './lib/report.js';

const TARGET_MB = 400;
const MB = 1024 * 1024;

export interface MemorySnapshot {
  rssMb: number;
  heapUsedMb: number;
  /** The most the process has held so far (VmHWM), where Linux tells. */
  peakRssMb: number | null;
}

/** The memory of this process, which is the server's: the load comes from child processes. */
export function memorySnapshot(): MemorySnapshot {
  const usage = process.memoryUsage();
  let peakRssMb: number | null = null;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) peakRssMb = Number(match[1]) / 1024;
  } catch {
    peakRssMb = null;
  }
  return { rssMb: usage.rss / MB, heapUsedMb: usage.heapUsed / MB, peakRssMb };
}

/** A few of each request a desk makes, so code and caches are loaded before the first snapshot. */
export async function warmUp({ harness }: BenchRun): Promise<void> {
  const [agent] = await harness.usersWithRole('agent');
  if (!agent) throw new Error('No agent to sign in as');
  const session = await harness.signIn(agent.email);
  const list = JSON.parse((await getOk(harness.client, session, '/api/v1/tickets?queue=all')).body) as {
    items: { id: string }[];
  };
  for (let i = 0; i < 20; i++) {
    await getOk(harness.client, session, '/api/v1/tickets?queue=open&sort=priority');
    await getOk(harness.client, session, '/api/v1/tickets?queue=all&q=error');
    const ticket = list.items[i % Math.max(1, list.items.length)];
    if (ticket) {
      await getOk(harness.client, session, `/api/v1/tickets/${ticket.id}`);
      await getOk(harness.client, session, `/api/v1/tickets/${ticket.id}/timeline`);
    }
  }
}

/** Reads, many at once: queues, searches and ticket pages, for `seconds` at saturation. */
async function readLoad(run: BenchRun): Promise<void> {
  const { harness } = run;
  const [agent] = await harness.usersWithRole('agent');
  if (!agent) throw new Error('No agent to sign in as');
  const session = await harness.signIn(agent.email);
  const list = JSON.parse((await getOk(harness.client, session, '/api/v1/tickets?queue=all&limit=100')).body) as {
    items: { id: string }[];
  };
  const paths = [
    '/api/v1/tickets?queue=open&sort=priority',
    '/api/v1/tickets?queue=all&q=impresora',
    ...list.items.flatMap((t) => [`/api/v1/tickets/${t.id}`, `/api/v1/tickets/${t.id}/timeline`]),
  ];
  const result = await runLoad({
    url: harness.url,
    method: 'GET',
    path: '/',
    paths,
    headers: session.headers,
    connections: 10,
    durationSeconds: run.durationSeconds,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`Reads failed under load: ${JSON.stringify(result.statusCodes)}`);
  run.log(`memory: ${result.completed} reads at ${result.perSecond.toFixed(0)}/s`);
}

/**
 * The server's RSS after warming up and after load: the other benches' (in `all`), or, alone,
 * the creation bench and a read load of the same length.
 */
export async function benchMemory(run: BenchRun, warm: MemorySnapshot | null): Promise<Figure[]> {
  let before = warm;
  if (!before) {
    await warmUp(run);
    before = memorySnapshot();
    run.log(`memory: ${before.rssMb.toFixed(0)} MB after warming up`);
    await benchCreate(run);
    await readLoad(run);
  }
  const after = memorySnapshot();
  run.log(`memory: ${after.rssMb.toFixed(0)} MB after load, peak ${after.peakRssMb?.toFixed(0) ?? '?'} MB`);
  const figures: Figure[] = [
    { bench: 'memory', name: 'RSS after warming up', unit: 'MB', mesa: before.rssMb, sql: null, target: TARGET_MB },
    {
      bench: 'memory',
      name: 'RSS after load',
      unit: 'MB',
      mesa: after.rssMb,
      sql: null,
      target: TARGET_MB,
      note: `heap used ${after.heapUsedMb.toFixed(0)} MB`,
    },
  ];
  if (after.peakRssMb !== null)
    figures.push({
      bench: 'memory',
      name: 'peak RSS',
      unit: 'MB',
      mesa: after.peakRssMb,
      sql: null,
      target: TARGET_MB,
    });
  return figures;
}
