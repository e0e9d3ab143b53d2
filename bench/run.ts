import { parseArgs } from 'node:util';
import { benchClusters } from './clusters.js';
import { benchCreate } from './create.js';
import type { Bench, BenchRun } from './lib/bench.js';
import { type Engine, Harness } from './lib/harness.js';
import { evaluate, type Figure, renderTable } from './lib/report.js';
import { benchMemory, memorySnapshot, warmUp } from './memory.js';
import { benchQueue } from './queue.js';
import { benchSearch } from './search.js';
import { benchSla } from './sla.js';
import { benchTicket } from './ticket.js';

const USAGE = `Usage: npm run bench -- <name> [options]

Benchmarks (each prints Mesa's figure next to the same SQL run without Mesa):
  create    ticket creation over HTTP: throughput at saturation, latency at 500/s (autocannon)
  queue     an agent's queue: open tickets by priority, with filters
  search    full-text search over subjects, descriptions and conversations
  ticket    the ticket page: the ticket and its timeline
  sla       one SLA detection sweep, on a clock moved forward
  clusters  recurring-incident detection: reading the last 30 days of incidents and clustering them
  memory    the server's RSS after warming up and after load
  all       all of them but clusters, in that order, on one server

Options:
  --db sqlite|postgres   which database of the environment: MESA_DATA_DIR/mesa.sqlite or DATABASE_URL
  --json                 JSON on stdout (the table goes to stderr)
  --duration S           seconds per autocannon run (default 10)
  --samples N            sequential requests per measured case (default 300)
  --seed N               which tickets and words are picked (default 7)
  --log-level L          the server's log level, written to /dev/null (default info, as in production)

Generate data first: npm run mesa -- generate --tickets 100000`;

const BENCHES: Record<string, Bench> = {
  create: benchCreate,
  queue: benchQueue,
  search: benchSearch,
  ticket: benchTicket,
  sla: benchSla,
  clusters: benchClusters,
};
// clusters stays out of \`all\`: its window and synthetic incidents (a few hundred MB) would count in the memory figures.
const ORDER = ['create', 'queue', 'search', 'ticket', 'sla'];

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      duration: { type: 'string', default: '10' },
      samples: { type: 'string', default: '300' },
      seed: { type: 'string', default: '7' },
      'log-level': { type: 'string', default: 'info' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [name] = positionals;
  if (!name || values.help || !(name in BENCHES || name === 'memory' || name === 'all')) {
    console.log(USAGE);
    process.exitCode = name && !values.help ? 2 : 0;
    return;
  }
  if (values.db !== undefined && values.db !== 'sqlite' && values.db !== 'postgres')
    throw new Error('--db must be sqlite or postgres');
  for (const option of ['duration', 'samples', 'seed'] as const) {
    const value = Number(values[option]);
    if (!Number.isInteger(value) || value < (option === 'seed' ? 0 : 1))
      throw new Error(`--${option} must be a whole number${option === 'seed' ? '' : ' of at least 1'}`);
  }
  const harness = await Harness.start({ db: values.db as Engine | undefined, logLevel: values['log-level'] });
  const log = (message: string) => process.stderr.write(`${message}\n`);
  log(`${harness.engine} (${harness.database.location}), ${harness.tickets.toLocaleString('en-US')} tickets`);
  const run: BenchRun = {
    harness,
    durationSeconds: Number(values.duration),
    samples: Number(values.samples),
    seed: Number(values.seed),
    log,
  };
  const figures: Figure[] = [];
  try {
    if (name === 'memory') {
      figures.push(...(await benchMemory(run, null)));
    } else if (name === 'all') {
      await warmUp(run);
      const warm = memorySnapshot();
      for (const bench of ORDER) figures.push(...(await (BENCHES[bench] as Bench)(run)));
      figures.push(...(await benchMemory(run, warm)));
    } else {
      figures.push(...(await (BENCHES[name] as Bench)(run)));
    }
  } finally {
    await harness.close();
  }
  const results = figures.map((figure) => evaluate(figure, harness.engine));
  const context = { engine: harness.engine, tickets: harness.tickets };
  const table = renderTable(context, results);
  if (values.json) {
    log(table);
    process.stdout.write(
      `${JSON.stringify({ ...context, node: process.version, at: new Date().toISOString(), figures: results }, null, 2)}\n`,
    );
  } else {
    console.log(table);
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
