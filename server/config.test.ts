import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to SQLite under ./data on port 8080', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.database).toMatchObject({ engine: 'sqlite', file: expect.stringMatching(/data\/mesa\.sqlite$/) });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL says so, and a data directory when given', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database.engine).toBe('postgres');
    expect(loadConfig({ MESA_DATA_DIR: '/srv/mesa' }).database).toMatchObject({ file: '/srv/mesa/mesa.sqlite' });
  });

  it('fails fast with a message naming the bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ MESA_SEED_DEMO: 'maybe' })).toThrow(/MESA_SEED_DEMO/);
  });

  it('marks cookies secure behind an https public address', () => {
    expect(loadConfig({ MESA_PUBLIC_URL: 'https://desk.example.com' }).secureCookies).toBe(true);
    expect(loadConfig({}).secureCookies).toBe(false);
  });
});
