import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, login, makeUser } from '../../../test/support/test-app.js';
import { connectDatabase, type Database } from '../../db/connect.js';
import { fixedClock } from '../../platform/clock.js';
import { type JobDefinition, JobRunner } from '../../platform/jobs.js';
import { JobsService } from './jobs.service.js';

const start = new Date('2026-12-07T13:00:00Z');
const seconds = (n: number) => new Date(start.getTime() + n * 1000);

describeOnEachDatabase('the job runner', (database, engine) => {
  const clock = fixedClock(start);
  let second: Database;
  let store: JobsService;
  let otherStore: JobsService;

  beforeAll(() => {
    // A second instance: on PostgreSQL a pool of its own on the same database, as another
    // process would have; SQLite has one instance, which is what the runs check there.
    second =
      engine === 'postgres'
        ? connectDatabase({ engine: 'postgres', url: database().location, poolSize: 2 })
        : database();
    store = new JobsService(database().db, clock);
    otherStore = new JobsService(second.db, clock);
  });
  afterAll(async () => {
    if (second !== database()) await second.close();
  });

  const runsOf = (job: string) =>
    database().db.selectFrom('job_runs').selectAll().where('job', '=', job).orderBy('started_at').execute();

  it('runs a once-per-slot job once however many instances run it', async () => {
    let runs = 0;
    const job: JobDefinition = {
      name: 'once_per_slot',
      module: 'test',
      schedule: { kind: 'interval', everySeconds: 60 },
      scope: 'cluster',
      run: async () => {
        runs++;
        await sleep(20);
        return { done: 1 };
      },
    };
    const a = new JobRunner([job], store, clock, { instance: 'a' });
    const b = new JobRunner([job], otherStore, clock, { instance: 'b' });
    clock.set(seconds(5));
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(runs).toBe(1);
    clock.set(seconds(65));
    await Promise.all([b.tick(), a.tick()]);
    expect(runs).toBe(2);
    // Still in the same slot: nothing more.
    clock.set(seconds(110));
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toBe(2);

    const rows = await runsOf('once_per_slot');
    expect(rows.map((row) => [row.id, row.outcome, JSON.parse(row.counts)])).toEqual([
      ['once_per_slot@2026-12-07T13:00:00.000Z', 'succeeded', { done: 1 }],
      ['once_per_slot@2026-12-07T13:01:00.000Z', 'succeeded', { done: 1 }],
    ]);
    expect(rows.every((row) => row.instance === 'a' || row.instance === 'b')).toBe(true);
  });

  it('runs an instance job on each instance', async () => {
    const ran: string[] = [];
    const job = (instance: string): JobDefinition => ({
      name: 'on_each',
      module: 'test',
      schedule: { kind: 'interval', everySeconds: 60 },
      scope: 'instance',
      run: async () => {
        ran.push(instance);
        return undefined;
      },
    });
    clock.set(seconds(5));
    await Promise.all([
      new JobRunner([job('a')], store, clock, { instance: 'a' }).tick(),
      new JobRunner([job('b')], otherStore, clock, { instance: 'b' }).tick(),
    ]);
    expect(ran.sort()).toEqual(['a', 'b']);
    expect((await runsOf('on_each')).map((row) => row.id).sort()).toEqual([
      'on_each@2026-12-07T13:00:00.000Z@a',
      'on_each@2026-12-07T13:00:00.000Z@b',
    ]);
  });

  it('never overlaps a run of its own on one instance', async () => {
    let release = () => {};
    let runs = 0;
    const job: JobDefinition = {
      name: 'slow',
      module: 'test',
      schedule: { kind: 'interval', everySeconds: 1 },
      scope: 'cluster',
      run: async () => {
        runs++;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return undefined;
      },
    };
    const runner = new JobRunner([job], store, clock, { instance: 'a' });
    clock.set(seconds(1));
    const first = runner.tick();
    await expect.poll(() => runs).toBe(1);
    clock.set(seconds(2));
    await runner.tick();
    expect(runs).toBe(1);
    release();
    await first;
    clock.set(seconds(3));
    const third = runner.tick();
    await expect.poll(() => runs).toBe(2);
    release();
    await third;
  });

  it('records failures with their error and backs off, doubling the wait, until a run succeeds', async () => {
    let failing = true;
    const attempts: string[] = [];
    const job: JobDefinition = {
      name: 'flaky',
      module: 'test',
      schedule: { kind: 'interval', everySeconds: 60 },
      scope: 'cluster',
      run: async () => {
        attempts.push(clock.now().toISOString().slice(11, 16));
        if (failing) throw new Error('the relay refused the connection');
        return { sent: 2 };
      },
    };
    const runner = new JobRunner([job], store, clock, { instance: 'a' });
    // One tick a minute for ten minutes; the runs fail until 13:06.
    for (let minute = 0; minute <= 10; minute++) {
      clock.set(seconds(minute * 60 + 1));
      if (minute === 6) failing = false;
      await runner.tick();
    }
    // One failure lets the next slot run; two skip one slot; three skip three.
    expect(attempts).toEqual(['13:00', '13:01', '13:03', '13:07', '13:08', '13:09', '13:10']);
    const rows = await runsOf('flaky');
    expect(rows.map((row) => row.outcome)).toEqual([
      'failed',
      'failed',
      'failed',
      'succeeded',
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
    expect(rows[0]?.error).toBe('the relay refused the connection');
    expect(JSON.parse(rows[3]?.counts ?? '')).toEqual({ sent: 2 });
  });

  it('shows admins each job with its last run, failures in a row and next run', async () => {
    const built = await buildTestApp(database(), { clock });
    const failing: JobDefinition = {
      name: 'flaky_again',
      module: 'test',
      schedule: { kind: 'interval', everySeconds: 60 },
      scope: 'cluster',
      run: async () => {
        throw new Error('disk full');
      },
    };
    const runner = new JobRunner([failing], store, clock, { instance: 'a' });
    clock.set(seconds(1));
    await runner.tick();
    clock.set(seconds(61));
    await runner.tick();

    const summaries = await built.services.jobs.list([...built.jobs, failing]);
    expect(summaries.find((job) => job.name === 'flaky_again')).toMatchObject({
      consecutiveFailures: 2,
      lastRun: { outcome: 'failed', error: 'disk full', id: 'flaky_again@2026-12-07T13:01:00.000Z' },
      // Two failures skip one slot: 13:02 is skipped, 13:03 runs.
      nextRunAt: '2026-12-07T13:03:00.000Z',
    });

    // Over HTTP, every module's jobs; an agent may not look.
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const listed = await admin.request('GET', '/api/v1/jobs');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((job: { name: string }) => job.name)).toEqual([
      'sessions_purge',
      'tickets_sweep',
      'problem_candidates',
      'problem_resolutions',
      'sla_watch',
      'problem_sla',
      'mail_work',
      'campaign_schedule',
      'job_runs_prune',
      'webhooks_send',
      'webhook_deliveries_prune',
    ]);
    expect(listed.json().items.find((job: { name: string }) => job.name === 'sla_watch')).toMatchObject({
      module: 'sla',
      scope: 'cluster',
      schedule: { kind: 'interval', everySeconds: 15 },
      nextRunAt: '2026-12-07T13:01:15.000Z',
    });
    expect((await admin.request('GET', '/api/v1/jobs/sla_watch/runs')).json()).toEqual({ items: [], nextCursor: null });
    expect((await admin.request('GET', '/api/v1/jobs/nope/runs')).statusCode).toBe(404);
    const agent = await login(built, (await makeUser(built, ['agent'])).email);
    expect((await agent.request('GET', '/api/v1/jobs')).statusCode).toBe(403);
  });

  it('pages through a job’s runs, newest first', async () => {
    const built = await buildTestApp(database(), { clock });
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const first = (await admin.request('GET', '/api/v1/jobs/tickets_sweep/runs?limit=2')).json();
    expect(first.items).toEqual([]);
    const runner = new JobRunner(
      built.jobs.filter((job) => job.name === 'tickets_sweep'),
      built.services.jobs,
      clock,
      { instance: 'a' },
    );
    for (let minute = 20; minute < 23; minute++) {
      clock.set(seconds(minute * 60));
      await runner.tick();
    }
    const page = (await admin.request('GET', '/api/v1/jobs/tickets_sweep/runs?limit=2')).json();
    expect(page.items.map((run: { id: string }) => run.id)).toEqual([
      'tickets_sweep@2026-12-07T13:22:00.000Z',
      'tickets_sweep@2026-12-07T13:21:00.000Z',
    ]);
    expect(page.items[0]).toMatchObject({ outcome: 'succeeded', counts: { closed: 0, uploadsRemoved: 0 } });
    const rest = (
      await admin.request('GET', `/api/v1/jobs/tickets_sweep/runs?limit=2&cursor=${page.nextCursor}`)
    ).json();
    expect(rest).toMatchObject({ items: [{ id: 'tickets_sweep@2026-12-07T13:20:00.000Z' }], nextCursor: null });
  });

  it('forgets successful runs after a day and failed ones after a month', async () => {
    const outcomes = async () =>
      [
        ...new Set((await database().db.selectFrom('job_runs').select('outcome').execute()).map((r) => r.outcome)),
      ].sort();
    expect(await outcomes()).toEqual(['failed', 'succeeded']);
    clock.set(new Date('2026-12-09T00:00:00Z'));
    await store.prune();
    expect(await outcomes()).toEqual(['failed']);
    clock.set(new Date('2027-02-01T00:00:00Z'));
    await store.prune();
    expect(await outcomes()).toEqual([]);
  });
});
