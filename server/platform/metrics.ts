import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { AppError } from './errors.js';
import type { App } from './http.js';
import { sameSecret } from './ids.js';
import type { JobDefinition, JobRunEnd } from './jobs.js';

/** What the gauges read when Prometheus scrapes: the database's state, shared by every instance. */
export interface MetricSources {
  slaPointsDue(): Promise<number>;
  mailCounts(): Promise<{
    outbox: { pending: number; failed: number };
    inbox: { waiting: number; failed: number };
  }>;
  pool(): { total: number; idle: number; waiting: number };
  logger?: { warn(obj: object, msg: string): void };
}

export interface Metrics {
  registry: Registry;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  observeJobRun(job: JobDefinition, end: JobRunEnd): void;
}

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300];

/**
 * The instance's metrics in Prometheus's format (GET /metrics): a registry of its own per app, so
 * two apps in one process (tests) never share series. Counters and histograms count what this
 * instance did; the gauges read the database on each scrape, so every instance reports the same.
 */
export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry();
  // Event-loop lag, heap and resident memory, CPU, open handles: prom-client's standard set.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const requests = new Counter({
    name: 'mesa_http_requests_total',
    help: 'HTTP requests answered, by route (the pattern, not the path) and status',
    labelNames: ['method', 'route', 'status'],
    registers,
  });
  const latency = new Histogram({
    name: 'mesa_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: HTTP_BUCKETS,
    registers,
  });
  const jobRuns = new Counter({
    name: 'mesa_job_runs_total',
    help: 'Background job runs this instance made, by job and outcome',
    labelNames: ['job', 'outcome'],
    registers,
  });
  const jobDuration = new Histogram({
    name: 'mesa_job_run_duration_seconds',
    help: 'How long background job runs took, by job',
    labelNames: ['job'],
    buckets: JOB_BUCKETS,
    registers,
  });
  const jobItems = new Counter({
    name: 'mesa_job_items_total',
    help: 'What job runs did, by job and count (sla_watch fired: SLA points fired; mail_work sent: mail sent)',
    labelNames: ['job', 'item'],
    registers,
  });

  // A gauge that cannot be read now (the database away) keeps its last value; the scrape still answers.
  const read = async (what: string, update: () => Promise<void>) => {
    try {
      await update();
    } catch (error) {
      sources.logger?.warn({ err: error, metric: what }, 'metric not read');
    }
  };
  new Gauge({
    name: 'mesa_sla_points_due',
    help: 'Tickets with a warning, breach or escalation level due and not yet fired',
    registers,
    async collect() {
      await read('mesa_sla_points_due', async () => this.set(await sources.slaPointsDue()));
    },
  });
  new Gauge({
    name: 'mesa_mail_messages',
    help: 'Mail waiting or failed: out (the outbox: pending, failed) and in (stored: waiting, failed)',
    labelNames: ['direction', 'status'],
    registers,
    async collect() {
      await read('mesa_mail_messages', async () => {
        const { outbox, inbox } = await sources.mailCounts();
        this.set({ direction: 'out', status: 'pending' }, outbox.pending);
        this.set({ direction: 'out', status: 'failed' }, outbox.failed);
        this.set({ direction: 'in', status: 'waiting' }, inbox.waiting);
        this.set({ direction: 'in', status: 'failed' }, inbox.failed);
      });
    },
  });
  new Gauge({
    name: 'mesa_db_pool_connections',
    help: 'Database connections: total, idle, and callers waiting for one',
    labelNames: ['state'],
    registers,
    collect() {
      const pool = sources.pool();
      this.set({ state: 'total' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });

  return {
    registry,
    observeRequest(method, route, status, seconds) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      latency.observe(labels, seconds);
    },
    observeJobRun(job, end) {
      jobRuns.inc({ job: job.name, outcome: end.outcome });
      jobDuration.observe({ job: job.name }, end.durationMs / 1000);
      for (const [item, count] of Object.entries(end.counts))
        if (count > 0) jobItems.inc({ job: job.name, item }, count);
    },
  };
}

/**
 * GET /metrics for Prometheus, behind a bearer token of its own (MESA_METRICS_TOKEN): a scraper is
 * not a person with a session. Without the setting the route is absent (404), so an installation
 * exposes nothing it did not ask for.
 */
export function registerMetricsRoute(app: App, metrics: Metrics, token: string | null): void {
  app.get('/metrics', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (!token) throw new AppError('not_found', 'Metrics are off: set MESA_METRICS_TOKEN to turn them on');
    const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!sameSecret(given, token)) throw new AppError('unauthenticated', 'A valid metrics token is required');
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
