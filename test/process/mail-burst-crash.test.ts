import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { systemClock } from '../../server/platform/clock.js';
import { systemContext } from '../../server/platform/request-context.js';
import { buildServices } from '../../server/services.js';
import { describeOnEachDatabase } from '../support/databases.js';
import { openSmtpDialog } from '../support/smtp-dialog.js';

// A burst of 200 messages over five SMTP connections at once, and the real process (server/main.ts)
// killed with SIGKILL in the middle of it. Every message answered 250 must be on disk and recorded
// at that moment; started again, the process takes every one of them in, and the sending servers'
// retries of the messages that got no answer are recognized, so each message makes one ticket.

const MESSAGES = 200;
const CONNECTIONS = 5;
/** Answers 250 before the kill: enough to be in the middle of the burst. */
const KILL_AFTER = 60;
const DESK = 'soporte@mesa.test';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function start(env: Record<string, string>, smtpPort: number) {
  const { DATABASE_URL: _unset, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...inherited,
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      MESA_SEED_DEMO: 'false',
      MESA_SMTP_LISTEN_PORT: String(smtpPort),
      MESA_SMTP_LISTEN_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const ready = async () => {
    const deadline = Date.now() + 90_000;
    while (!output.includes('taking mail over SMTP')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`never ready; output:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, exited, ready };
}

/** The n-th message of the burst: ten senders, so none trips the runaway-sender brake. */
function burstMessage(n: number): { messageId: string; raw: Buffer } {
  const messageId = `burst-${n}@clinica.test`;
  const raw = Buffer.from(
    [
      `From: Persona ${n % 10} <persona${n % 10}@clinica.test>`,
      `To: ${DESK}`,
      `Subject: Caso ${n} de la ráfaga`,
      `Message-ID: <${messageId}>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      `Mensaje número ${n}.`,
      'x'.repeat(2000),
      '',
    ].join('\r\n'),
  );
  return { messageId, raw };
}

/**
 * Sends `numbers` over one connection, transaction after transaction; notes each 250. A dead
 * server ends the loop: what was not answered is left to the retry.
 */
async function sendOver(port: number, numbers: number[], answered: (n: number) => void): Promise<void> {
  let smtp: Awaited<ReturnType<typeof openSmtpDialog>>;
  try {
    smtp = await openSmtpDialog(port);
    await smtp.reply();
    await smtp.command('EHLO relay.clinica.test');
  } catch {
    return;
  }
  try {
    for (const n of numbers) {
      const { raw } = burstMessage(n);
      if (!(await smtp.command(`MAIL FROM:<persona${n % 10}@clinica.test>`)).startsWith('250')) continue;
      if (!(await smtp.command(`RCPT TO:<${DESK}>`)).startsWith('250')) continue;
      if ((await smtp.data(raw)).startsWith('250')) answered(n);
    }
  } catch {
    // Killed mid-conversation.
  } finally {
    smtp.close();
  }
}

describeOnEachDatabase('mail: a burst of SMTP deliveries across a SIGKILL', (database, engine) => {
  it('loses no message answered 250 and makes one ticket of each after the restart', { timeout: 240_000 }, async () => {
    const dataDir = engine === 'sqlite' ? dirname(database().location) : mkdtempSync(join(tmpdir(), 'mesa-burst-'));
    const env: Record<string, string> = { MESA_DATA_DIR: dataDir };
    if (engine === 'postgres') env.DATABASE_URL = database().location;
    const services = buildServices(database(), systemClock, { sessionTtlHours: 12, dataDir });
    const organization = await services.organizations.create(systemContext, { name: 'Clínica Andina', code: 'CLA' });
    await services.mailAdmin.createMailbox(systemContext, { address: DESK, name: 'Soporte' });
    await services.mailAdmin.addDomain(systemContext, { domain: 'clinica.test', organizationId: organization.id });

    const db = database().db;
    const rows = () => db.selectFrom('inbound_mail').selectAll().execute();
    const smtpPort = await freePort();
    const first = start(env, smtpPort);
    await first.ready();

    // The burst; the kill comes from inside it, at the KILL_AFTER-th answer.
    const beforeKill = new Set<number>();
    const numbers = Array.from({ length: MESSAGES }, (_, n) => n);
    await Promise.all(
      Array.from({ length: CONNECTIONS }, (_, c) =>
        sendOver(
          smtpPort,
          numbers.filter((n) => n % CONNECTIONS === c),
          (n) => {
            beforeKill.add(n);
            if (beforeKill.size === KILL_AFTER) first.child.kill('SIGKILL');
          },
        ),
      ),
    );
    await first.exited;
    expect(beforeKill.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(beforeKill.size).toBeLessThan(MESSAGES);

    // At the kill: each message answered 250 has its row and its raw bytes, whole, on disk.
    const atKill = new Map((await rows()).map((row) => [row.message_id, row]));
    for (const n of beforeKill) {
      const { messageId, raw } = burstMessage(n);
      const row = atKill.get(messageId);
      expect(row, messageId).toBeDefined();
      const path = join(dataDir, 'files', row?.raw_key ?? '');
      expect(existsSync(path), path).toBe(true);
      expect(readFileSync(path).equals(raw), messageId).toBe(true);
    }

    // Started again; the sending servers retry what got no answer.
    const second = start(env, smtpPort);
    await second.ready();
    const afterRestart = new Set<number>();
    const unanswered = numbers.filter((n) => !beforeKill.has(n));
    await Promise.all(
      Array.from({ length: CONNECTIONS }, (_, c) =>
        sendOver(
          smtpPort,
          unanswered.filter((n) => n % CONNECTIONS === c),
          (n) => afterRestart.add(n),
        ),
      ),
    );
    expect(afterRestart.size).toBe(unanswered.length);

    await expect
      .poll(async () => (await rows()).filter((row) => row.status !== 'processed').length, {
        timeout: 120_000,
        interval: 250,
      })
      .toBe(0);
    const settled = await rows();
    // One row per message, each a ticket of its own.
    expect(settled.map((row) => row.message_id).sort()).toEqual(numbers.map((n) => burstMessage(n).messageId).sort());
    expect(settled.every((row) => row.outcome === 'ticket')).toBe(true);
    expect(new Set(settled.map((row) => row.ticket_id)).size).toBe(MESSAGES);
    const tickets = await db.selectFrom('tickets').select('subject').execute();
    expect(tickets.map((ticket) => ticket.subject).sort()).toEqual(numbers.map((n) => `Caso ${n} de la ráfaga`).sort());

    second.child.kill('SIGTERM');
    await second.exited;
    services.mailOutbox.close();
  });
});
