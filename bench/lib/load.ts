import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon, { type Histogram } from 'autocannon';
import { type Summary, summarize } from './stats.js';

/**
 * HTTP load with autocannon, from a process of its own: on a 2-core machine the server keeps one
 * core and the load the other, and the latency of every response is kept (autocannon's own table
 * has no p95).
 */
export interface LoadOptions {
  url: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** JSON bodies sent in turn; `[<id>]` in them becomes a fresh id per request. */
  bodies?: unknown[];
  /** Paths asked for in turn (instead of `path`). */
  paths?: string[];
  connections: number;
  durationSeconds: number;
  /** Requests per second across all connections (autocannon's overallRate); none for saturation. */
  overallRate?: number;
}

export interface LoadResult {
  completed: number;
  perSecond: number;
  durationSeconds: number;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  latency: Summary;
}

/** Runs the load in a child process and answers its figures. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify(options)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`The load process exited with ${code}`));
      try {
        resolve(JSON.parse(out) as LoadResult);
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** Every latency autocannon records, kept whole so any percentile can be read. */
function keepAll(into: number[]): Histogram {
  return {
    __custom: true,
    recordValue: (value) => into.push(value),
    recordValueWithExpectedInterval: (value) => into.push(value),
    reset: () => {
      into.length = 0;
    },
    destroy: () => {},
  };
}

const noop = (): Histogram => ({
  __custom: true,
  recordValue: () => {},
  recordValueWithExpectedInterval: () => {},
  reset: () => {},
  destroy: () => {},
});

async function main(raw: string): Promise<void> {
  const options = JSON.parse(raw) as LoadOptions;
  const latencies: number[] = [];
  const result = await autocannon({
    url: options.url,
    method: options.method,
    headers: options.bodies ? { ...options.headers, 'content-type': 'application/json' } : options.headers,
    ...(options.bodies
      ? {
          requests: options.bodies.map((body) => ({
            method: options.method,
            path: options.path,
            body: JSON.stringify(body),
          })),
          idReplacement: true,
        }
      : { requests: (options.paths ?? [options.path]).map((path) => ({ method: options.method, path })) }),
    connections: options.connections,
    duration: options.durationSeconds,
    // autocannon corrects for coordinated omission with an interval of ceil(1 / rate) = 1 ms at
    // these rates, which adds made-up samples; the raw latencies are the honest figure here.
    ...(options.overallRate ? { overallRate: options.overallRate, ignoreCoordinatedOmission: true } : {}),
    skipAggregateResult: true,
    histograms: { latencies: keepAll(latencies), requests: noop(), throughput: noop() },
    timeout: 30,
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  const output: LoadResult = {
    completed: result.totalCompletedRequests,
    perSecond: result.totalCompletedRequests / result.duration,
    durationSeconds: result.duration,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    latency: summarize(latencies),
  };
  process.stdout.write(JSON.stringify(output));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv[2] ?? '{}').catch((error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
