import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY_FILE } from '../platform/secret-key-file.js';
import { secretKeyringFor } from './secret-key.js';

const sqlite = { engine: 'sqlite' as const, file: 'unused.sqlite' };
const postgres = { engine: 'postgres' as const, url: 'postgres://unused' };
const dataDir = () => mkdtempSync(join(tmpdir(), 'mesa-key-'));
const unset = { current: null, previous: [] };

describe('secretKeyringFor', () => {
  it('on SQLite without MESA_SECRET_KEY makes a key once in the data directory, readable by its owner only', () => {
    const dir = dataDir();
    const first = secretKeyringFor(sqlite, unset, dir);
    const path = join(dir, SECRET_KEY_FILE);
    expect(first.keyFile).toBe(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')).toEqual(first.keyring?.current);
    // The next start reads the same key.
    expect(secretKeyringFor(sqlite, unset, dir).keyring?.current).toEqual(first.keyring?.current);
  });

  it('refuses a key file other users may read', () => {
    const dir = dataDir();
    secretKeyringFor(sqlite, unset, dir);
    chmodSync(join(dir, SECRET_KEY_FILE), 0o644);
    expect(() => secretKeyringFor(sqlite, unset, dir)).toThrow(/may be read by other users: chmod 600/);
  });

  it('on SQLite with MESA_SECRET_KEY keeps a key file from before among the previous keys', () => {
    const dir = dataDir();
    const before = secretKeyringFor(sqlite, unset, dir).keyring?.current as Buffer;
    const set = randomBytes(32);
    const found = secretKeyringFor(sqlite, { current: set, previous: [] }, dir);
    expect(found).toEqual({ keyring: { current: set, previous: [before] }, keyFile: null });
    // And makes none where there was none.
    const empty = dataDir();
    expect(secretKeyringFor(sqlite, { current: set, previous: [] }, empty).keyring?.previous).toEqual([]);
  });

  it('on PostgreSQL takes only the setting: several instances must share one key', () => {
    const dir = dataDir();
    expect(secretKeyringFor(postgres, unset, dir)).toEqual({ keyring: null, keyFile: null });
    expect(() => statSync(join(dir, SECRET_KEY_FILE))).toThrow();
    const set = randomBytes(32);
    const old = randomBytes(32);
    expect(secretKeyringFor(postgres, { current: set, previous: [old] }, dir).keyring).toEqual({
      current: set,
      previous: [old],
    });
  });
});
