import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The CLI sets passwords too (create-admin, set-password): it applies the same policy as the API.

function mesa(dataDir: string, ...args: string[]) {
  const { DATABASE_URL: _url, ...env } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'cli/mesa.ts', ...args], {
    env: { ...env, MESA_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('mesa CLI passwords', () => {
  it('refuses a common or short password for create-admin and set-password, and takes a passphrase', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mesa-cli-'));
    const common = mesa(dataDir, 'create-admin', '--email', 'root@mesa.example', '--password', 'password1234');
    expect(common.status).toBe(2);
    expect(common.stderr).toMatch(/common or breached/);
    const short = mesa(dataDir, 'create-admin', '--email', 'root@mesa.example', '--password', 'short one');
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/at least 12 characters/);
    const good = mesa(
      dataDir,
      'create-admin',
      '--email',
      'root@mesa.example',
      '--password',
      'an admin passphrase here',
    );
    expect(good.status).toBe(0);
    const reset = mesa(dataDir, 'set-password', '--email', 'root@mesa.example', '--password', 'qwertyuiop123');
    expect(reset.status).toBe(2);
    expect(reset.stderr).toMatch(/common or breached/);
  }, 120_000);
});
