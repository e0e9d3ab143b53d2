import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The real process, as `npm start` runs it after building: config, migrations, demo workspace,
// listening, and a clean stop on SIGTERM.

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

function start(dataDir: string, port: number): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, MESA_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
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

async function waitFor(running: Running, text: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!running.output().includes(text)) {
    if (Date.now() > deadline || running.child.exitCode !== null) {
      throw new Error(`"${text}" never appeared; output was:\n${running.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const processes: Running[] = [];
afterEach(() => {
  for (const running of processes.splice(0)) running.child.kill('SIGKILL');
});

describe('the server process', () => {
  // Seeding a few hundred demo tickets takes seconds of its own on a busy machine.
  it('creates the demo workspace once, with passwords that work, and stops cleanly on SIGTERM', {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mesa-process-'));
    const port = await freePort();
    const first = start(dataDir, port);
    processes.push(first);
    await waitFor(first, 'Mesa created a demo workspace');
    await waitFor(first, 'Server listening');

    const adminLine = first
      .output()
      .split('\n')
      .find((line) => line.trim().startsWith('admin@mesa.demo'));
    const password = adminLine?.trim().split(/\s+/)[1];
    expect(password).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    // Printed for the person starting it, never written into the JSON log lines.
    const logLines = first
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(logLines.join('\n')).not.toContain(password);

    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@mesa.demo', password }),
    });
    expect(login.status).toBe(200);
    expect((await login.json()).roles).toEqual(['admin']);
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-type')).toContain('text/html');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('shutting down');

    const second = start(dataDir, port);
    processes.push(second);
    await waitFor(second, 'Server listening');
    expect(second.output()).not.toContain('demo workspace');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('refuses to start on a bad setting, naming it', async () => {
    const running = start(mkdtempSync(join(tmpdir(), 'mesa-process-')), 80_000);
    processes.push(running);
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain('Configuration error: PORT must be an integer between 0 and 65535');
  });
});
