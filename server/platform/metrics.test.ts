import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../test/support/databases.js';
import { login, makeUser, TEST_CONFIG } from '../../test/support/test-app.js';
import { buildApp } from '../app.js';
import { JobRunner } from './jobs.js';
import { createLogger } from './logger.js';

const TOKEN = 'metrics-token-for-tests-0123456789';

describeOnEachDatabase('metrics for Prometheus', (database) => {
  const build = async (metricsToken: string | null) => {
    const built = await buildApp({
      database: database(),
      config: { ...TEST_CONFIG, metricsToken },
      logger: createLogger('silent'),
    });
    await built.app.ready();
    return built;
  };
  const scrape = (built: Awaited<ReturnType<typeof build>>, authorization?: string) =>
    built.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
  /** The value of one series, by its name and labels as the exposition format writes them. */
  const value = (body: string, series: string) => {
    const line = body.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('names what Mesa does after some traffic, refused without the token', async () => {
    const built = await build(TOKEN);
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    for (let i = 0; i < 3; i++) expect((await admin.request('GET', '/api/v1/users')).statusCode).toBe(200);
    expect((await admin.request('GET', '/api/v1/organizations/nope')).statusCode).toBe(404);
    const runner = new JobRunner(
      built.jobs,
      built.services.jobs,
      { now: () => new Date() },
      {
        onRun: built.metrics.observeJobRun,
      },
    );
    await runner.tick();

    expect((await scrape(built)).statusCode).toBe(401);
    expect((await scrape(built, 'Bearer not-the-token-at-all-0123456789')).statusCode).toBe(401);
    expect((await scrape(built, `Basic ${TOKEN}`)).statusCode).toBe(401);

    const response = await scrape(built, `Bearer ${TOKEN}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const body = response.body;
    // Requests by route pattern (never the path, which would make a series per id) and status.
    expect(value(body, 'mesa_http_requests_total{method="GET",route="/api/v1/users",status="200"}')).toBe(3);
    expect(value(body, 'mesa_http_requests_total{method="GET",route="/api/v1/organizations/:id",status="404"}')).toBe(
      1,
    );
    expect(body).not.toContain('/organizations/nope');
    expect(
      value(body, 'mesa_http_request_duration_seconds_count{method="GET",route="/api/v1/users",status="200"}'),
    ).toBe(3);
    // Every module's jobs ran once through the runner.
    for (const job of ['sla_watch', 'mail_work', 'tickets_sweep', 'sessions_purge', 'job_runs_prune'])
      expect(value(body, `mesa_job_runs_total{job="${job}",outcome="succeeded"}`)).toBe(1);
    expect(value(body, 'mesa_job_run_duration_seconds_count{job="sla_watch"}')).toBe(1);
    // Read from the database on the scrape.
    expect(value(body, 'mesa_sla_points_due')).toBe(0);
    expect(value(body, 'mesa_mail_messages{direction="out",status="pending"}')).toBe(0);
    expect(value(body, 'mesa_mail_messages{direction="in",status="failed"}')).toBe(0);
    expect(value(body, 'mesa_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    // The process: event-loop lag and memory.
    expect(value(body, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(value(body, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('serves nothing when no token is set', async () => {
    const built = await build(null);
    expect((await scrape(built, `Bearer ${TOKEN}`)).statusCode).toBe(404);
  });

  it('keeps each app’s series apart', async () => {
    const [a, b] = [await build(TOKEN), await build(TOKEN)];
    await a.app.inject({ method: 'GET', url: '/api/v1/health' });
    const ofB = (await scrape(b, `Bearer ${TOKEN}`)).body;
    expect(value(ofB, 'mesa_http_requests_total{method="GET",route="/api/v1/health",status="200"}')).toBeUndefined();
  });
});
