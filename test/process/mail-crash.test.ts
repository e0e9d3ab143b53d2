import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { systemClock } from '../../server/platform/clock.js';
import { systemContext } from '../../server/platform/request-context.js';
import { buildServices } from '../../server/services.js';

// The real process takes mail over SMTP and is killed (SIGKILL: no chance to tidy up) right after
// it answered 250 for a large message, while that message is still being turned into a ticket.
// Started again, it finishes the work: each accepted message makes exactly one ticket.

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
  output: () => string;
  exited: Promise<number | null>;
}

function start(dataDir: string, port: number, smtpPort: number): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      MESA_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      MESA_SEED_DEMO: 'false',
      MESA_SMTP_LISTEN_PORT: String(smtpPort),
      MESA_SMTP_LISTEN_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    },
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
  return { child, output: () => output, exited };
}

async function waitFor(running: Running, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!running.output().includes(text)) {
    if (Date.now() > deadline || running.child.exitCode !== null)
      throw new Error(`"${text}" never appeared; output was:\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const processes: Running[] = [];
afterEach(() => {
  for (const running of processes.splice(0)) running.child.kill('SIGKILL');
});

/** Reads the database of a stopped (or killed) process. */
async function inspect(dataDir: string) {
  const database = connectDatabase({ engine: 'sqlite', file: join(dataDir, 'mesa.sqlite') });
  try {
    const inbound = await database.db.selectFrom('inbound_mail').selectAll().orderBy('id').execute();
    const tickets = await database.db.selectFrom('tickets').select(['id', 'subject']).execute();
    return { inbound, tickets };
  } finally {
    await database.close();
  }
}

describe('mail across a crash', () => {
  it('makes exactly one ticket of a message accepted just before the process was killed', {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mesa-crash-'));
    // The desk's mailbox and the client's domain, set up before the process starts.
    const setup = connectDatabase({ engine: 'sqlite', file: join(dataDir, 'mesa.sqlite') });
    await migrateToLatest(setup);
    const services = buildServices(setup, systemClock, { sessionTtlHours: 12, dataDir });
    const organization = await services.organizations.create(systemContext, { name: 'Clínica Andina', code: 'CLA' });
    await services.mailAdmin.createMailbox(systemContext, { address: 'soporte@mesa.test', name: 'Soporte' });
    await services.mailAdmin.addDomain(systemContext, { domain: 'clinica.test', organizationId: organization.id });
    await setup.close();

    const [port, smtpPort] = [await freePort(), await freePort()];
    const first = start(dataDir, port, smtpPort);
    processes.push(first);
    await waitFor(first, 'taking mail over SMTP');
    const client = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await client.sendMail({
      from: 'Ana <ana@clinica.test>',
      to: 'soporte@mesa.test',
      subject: 'Primero',
      text: 'Un caso pequeño.',
    });
    // A large message takes a while to read and store as attachments after its 250.
    await client.sendMail({
      from: 'Ana <ana@clinica.test>',
      to: 'soporte@mesa.test',
      subject: 'Informe con anexo grande',
      text: 'Adjunto el informe.',
      attachments: [{ filename: 'informe.txt', content: Buffer.alloc(20 * 1024 * 1024, 'informe ') }],
    });
    first.child.kill('SIGKILL');
    await first.exited;
    client.close();

    const atCrash = await inspect(dataDir);
    // Both were stored before their 250; the large one was not yet a ticket.
    expect(atCrash.inbound.map((m) => m.subject)).toEqual(['Primero', 'Informe con anexo grande']);
    expect(atCrash.inbound.find((m) => m.subject === 'Informe con anexo grande')?.status).toBe('received');
    expect(atCrash.tickets.filter((t) => t.subject === 'Informe con anexo grande')).toHaveLength(0);

    const second = start(dataDir, port, smtpPort);
    processes.push(second);
    await waitFor(second, 'taking mail over SMTP');
    const deadline = Date.now() + 60_000;
    let after = await inspect(dataDir);
    while (after.inbound.some((m) => m.status === 'received') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      after = await inspect(dataDir);
    }
    expect(after.inbound.map((m) => [m.subject, m.status, m.outcome])).toEqual([
      ['Primero', 'processed', 'ticket'],
      ['Informe con anexo grande', 'processed', 'ticket'],
    ]);
    expect(after.tickets.map((t) => t.subject).sort()).toEqual(['Informe con anexo grande', 'Primero']);
    second.child.kill('SIGTERM');
    await second.exited;
  });
});
