import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { systemClock } from '../../server/platform/clock.js';
import { systemContext } from '../../server/platform/request-context.js';
import { buildServices } from '../../server/services.js';
import { startMailSink } from '../support/mail-sink.js';

/**
 * Two Mesa processes on one PostgreSQL behave as one desk: a session made on one works on the
 * other, a change made on one reaches live views on the other, the outbox sends a notice once,
 * and the SLA job fires each step once although both instances run it.
 */

const PG_URL = process.env.MESA_TEST_PG_URL;
const REQUIRE_PG = process.env.MESA_TEST_REQUIRE_PG === '1';
const PASSWORD = 'correct horse battery';

if (!PG_URL && !REQUIRE_PG)
  console.log('Two-instance test skipped: set MESA_TEST_PG_URL=postgres://… to run it (CI does).');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>, port: number): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', MESA_SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, base: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function ready(running: Running): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${running.base}/api/v1/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    if (Date.now() > deadline || running.child.exitCode !== null)
      throw new Error(`the instance did not start:\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function signIn(base: string, email: string) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    cookie,
    call: (instance: string, method: string, path: string, body?: unknown) =>
      fetch(`${instance}/api/v1${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          origin: instance,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }),
  };
}

describe.runIf(PG_URL || REQUIRE_PG)('two instances on one PostgreSQL', () => {
  const name = `mesa_two_${randomBytes(5).toString('hex')}`;
  let url: string;
  let instances: Running[] = [];
  let sink: Awaited<ReturnType<typeof startMailSink>>;
  const emails = { requester: 'ana@clinica.test', agent: 'diego@mesa.test', supervisor: 'carmen@mesa.test' };

  beforeAll(async () => {
    if (!PG_URL) throw new Error('MESA_TEST_REQUIRE_PG=1 but MESA_TEST_PG_URL is not set');
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(PG_URL);
    parsed.pathname = `/${name}`;
    url = parsed.toString();

    // The desk, set up before the instances start: a client, its requester, an agent, a
    // supervisor, and an agreement whose targets are a minute long (24×7), so the SLA job has
    // something to fire within the test.
    const database = connectDatabase({ engine: 'postgres', url });
    await migrateToLatest(database);
    const services = buildServices(database, systemClock, { sessionTtlHours: 12, dataDir: tmpdir() });
    const organization = await services.organizations.create(systemContext, { name: 'Clínica Andina', code: 'CLA' });
    await services.users.create(systemContext, {
      email: emails.requester,
      name: 'Ana Pérez',
      roles: ['requester'],
      organizationId: organization.id,
      password: PASSWORD,
    });
    await services.users.create(systemContext, {
      email: emails.agent,
      name: 'Diego Rojas',
      roles: ['agent'],
      password: PASSWORD,
    });
    await services.users.create(systemContext, {
      email: emails.supervisor,
      name: 'Carmen Vidal',
      roles: ['supervisor'],
      password: PASSWORD,
    });
    const calendar = await services.agreements.createCalendar(systemContext, {
      name: '24×7',
      timeZone: 'UTC',
      weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
    });
    await services.agreements.createAgreement(systemContext, {
      organizationId: organization.id,
      name: 'Minutos',
      calendarId: calendar.id,
      targets: [{ priority: 3, firstResponseMinutes: 1, resolutionMinutes: 1 }],
    });
    await services.watchServiceLevels();
    await database.close();

    sink = await startMailSink();
    const env = {
      DATABASE_URL: url,
      MESA_DATA_DIR: mkdtempSync(join(tmpdir(), 'mesa-two-')),
      MESA_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MESA_MAIL_FROM: 'Mesa <soporte@mesa.test>',
    };
    instances = [start(env, await freePort()), start(env, await freePort())];
    await Promise.all(instances.map(ready));
  }, 120_000);

  afterAll(async () => {
    // An instance that stopped on its own says why, so a failure above can be read.
    for (const running of instances)
      if (running.child.exitCode !== null || running.child.signalCode !== null)
        console.log(
          `an instance stopped on its own (${running.child.exitCode ?? running.child.signalCode}):\n${running.output()}`,
        );
    for (const running of instances) running.child.kill('SIGTERM');
    await Promise.all(instances.map((running) => running.exited));
    await sink?.close();
    if (PG_URL) {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it('shares sessions, live updates, the outbox and the SLA job', { timeout: 150_000 }, async () => {
    const [a, b] = instances as [Running, Running];
    // A session made on one instance is valid on the other.
    const agent = await signIn(a.base, emails.agent);
    expect((await agent.call(b.base, 'GET', '/me')).status).toBe(200);

    // The agent's live view is on B; the requester raises a ticket on A.
    const events = await fetch(`${b.base}/api/v1/events`, { headers: { cookie: agent.cookie } });
    const reader = events.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    let stream = '';
    const listening = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        stream += new TextDecoder().decode(value);
      }
    })();
    const requester = await signIn(a.base, emails.requester);
    const raised = await requester.call(a.base, 'POST', '/tickets', {
      type: 'incident',
      subject: 'La agenda no carga',
      description: '<p>Desde las 9:00.</p>',
    });
    expect(raised.status).toBe(201);
    const ticket = (await raised.json()) as { id: string; number: string };
    await expect.poll(() => stream, { timeout: 10_000 }).toContain(ticket.number);
    await reader.cancel();
    await listening.catch(() => {});

    // Both instances' outbox workers run every five seconds: the acknowledgment goes out once.
    await new Promise((r) => setTimeout(r, 12_000));
    expect(sink.received.filter((m) => m.subject?.includes(ticket.number)).map((m) => m.subject)).toEqual([
      `[${ticket.number}] Recibimos tu solicitud: La agenda no carga`,
    ]);

    // A minute later both targets are missed; both instances run the SLA job every 15 seconds,
    // and every step (warnings, breaches, the matrix's levels) is on the timeline once.
    await expect
      .poll(
        async () => {
          const timeline = (await (await agent.call(b.base, 'GET', `/tickets/${ticket.id}/timeline`)).json()) as {
            items: { kind: string }[];
          };
          return timeline.items.filter((e) => e.kind === 'sla_breach').length;
        },
        { timeout: 90_000, interval: 2_000 },
      )
      .toBe(2);
    await new Promise((r) => setTimeout(r, 20_000));
    const timeline = (await (await agent.call(a.base, 'GET', `/tickets/${ticket.id}/timeline`)).json()) as {
      items: { kind: string; changes: { field: string; to: unknown }[] }[];
    };
    const steps = timeline.items
      .filter((e) => e.kind.startsWith('sla_'))
      .map((e) => {
        const value = (field: string) => e.changes.find((c) => c.field === field)?.to;
        return `${e.kind}:${value('target')}:${value('percent')}`;
      });
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(new Set(steps).size).toBe(steps.length);
    const supervisor = await signIn(b.base, emails.supervisor);
    const notices = (await (await supervisor.call(a.base, 'GET', '/me/notifications')).json()) as {
      items: { kind: string; ticket: { id: string } }[];
    };
    expect(notices.items.filter((n) => n.ticket.id === ticket.id && n.kind === 'sla_escalation')).toHaveLength(1);
  });
});
