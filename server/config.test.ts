import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseImapUrl } from './config.js';

describe('configuration', () => {
  it('defaults to SQLite under ./data on port 8080', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.database).toMatchObject({ engine: 'sqlite', file: expect.stringMatching(/data\/mesa\.sqlite$/) });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads the session lifetimes and the roles that must use a second factor', () => {
    // Unset (or empty), the desk setting decides; "none" sets no role from the environment.
    expect(loadConfig({})).toMatchObject({ sessionTtlHours: 12, sessionMaxHours: 168, mfaRequiredFor: null });
    expect(loadConfig({ MESA_MFA_REQUIRED_FOR: ' ' }).mfaRequiredFor).toBeNull();
    expect(loadConfig({ MESA_MFA_REQUIRED_FOR: 'None' }).mfaRequiredFor).toEqual([]);
    expect(loadConfig({ MESA_SESSION_MAX_HOURS: '24' }).sessionMaxHours).toBe(24);
    expect(loadConfig({ MESA_MFA_REQUIRED_FOR: 'Admin, supervisor' }).mfaRequiredFor).toEqual(['admin', 'supervisor']);
    expect(loadConfig({ MESA_MFA_REQUIRED_FOR: 'staff' }).mfaRequiredFor).not.toContain('requester');
    expect(() => loadConfig({ MESA_MFA_REQUIRED_FOR: 'root' })).toThrow(/MESA_MFA_REQUIRED_FOR: "root" is not a role/);
  });

  it('uses PostgreSQL when DATABASE_URL says so, and a data directory when given', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database.engine).toBe('postgres');
    expect(loadConfig({ MESA_DATA_DIR: '/srv/mesa' }).database).toMatchObject({ file: '/srv/mesa/mesa.sqlite' });
  });

  it('reads reports from a PostgreSQL standby when DATABASE_REPLICA_URL names one', () => {
    const replica = 'postgres://u@standby/db';
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATABASE_REPLICA_URL: replica }).database).toMatchObject({
      engine: 'postgres',
      replicaUrl: replica,
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toMatchObject({ replicaUrl: null });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATABASE_REPLICA_URL: 'mysql://x' })).toThrow(
      /DATABASE_REPLICA_URL must start with postgres/,
    );
    // SQLite has no standby to read from.
    expect(() => loadConfig({ DATABASE_REPLICA_URL: replica })).toThrow(/DATABASE_REPLICA_URL .* needs DATABASE_URL/);
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

  it('keeps webhooks off loopback and private addresses unless MESA_WEBHOOKS_ALLOW_PRIVATE says otherwise', () => {
    expect(loadConfig({}).webhooks.allowPrivate).toBe(false);
    expect(loadConfig({ MESA_WEBHOOKS_ALLOW_PRIVATE: '1' }).webhooks.allowPrivate).toBe(true);
    expect(() => loadConfig({ MESA_WEBHOOKS_ALLOW_PRIVATE: 'maybe' })).toThrow(/MESA_WEBHOOKS_ALLOW_PRIVATE/);
  });

  it('keeps webhook deliveries 30 days unless MESA_WEBHOOK_RETENTION_DAYS says otherwise', () => {
    expect(loadConfig({}).webhooks.retentionDays).toBe(30);
    expect(loadConfig({ MESA_WEBHOOK_RETENTION_DAYS: '7' }).webhooks.retentionDays).toBe(7);
    expect(() => loadConfig({ MESA_WEBHOOK_RETENTION_DAYS: '0' })).toThrow(/MESA_WEBHOOK_RETENTION_DAYS must be/);
  });

  it('takes messages up to 30 MiB unless MESA_MAIL_MAX_MESSAGE_MB says otherwise', () => {
    expect(loadConfig({}).mail.maxMessageBytes).toBe(30 * 1024 * 1024);
    expect(loadConfig({ MESA_MAIL_MAX_MESSAGE_MB: '50' }).mail.maxMessageBytes).toBe(50 * 1024 * 1024);
    expect(() => loadConfig({ MESA_MAIL_MAX_MESSAGE_MB: '0' })).toThrow(/MESA_MAIL_MAX_MESSAGE_MB must be/);
    expect(() => loadConfig({ MESA_MAIL_MAX_MESSAGE_MB: '30MB' })).toThrow(/MESA_MAIL_MAX_MESSAGE_MB must be/);
  });

  it('reads MESA_SECRET_KEY as 32 bytes of base64 or hex, and earlier keys from MESA_SECRET_KEY_PREVIOUS', () => {
    const key = Buffer.alloc(32, 7);
    const old = Buffer.alloc(32, 9);
    expect(loadConfig({}).secretKeys).toEqual({ current: null, previous: [] });
    expect(loadConfig({ MESA_SECRET_KEY: key.toString('base64') }).secretKeys.current).toEqual(key);
    expect(
      loadConfig({ MESA_SECRET_KEY: key.toString('hex'), MESA_SECRET_KEY_PREVIOUS: ` ${old.toString('base64')} ` })
        .secretKeys,
    ).toEqual({ current: key, previous: [old] });
  });

  it('refuses a secret key that is not 32 bytes, naming the setting and never echoing it', () => {
    for (const value of ['a-passphrase-is-not-a-key', Buffer.alloc(16).toString('base64')]) {
      const run = () => loadConfig({ MESA_SECRET_KEY: value });
      expect(run).toThrow(ConfigError);
      expect(run).toThrow(/^MESA_SECRET_KEY must be 32 random bytes/);
      expect(run).not.toThrow(value);
    }
    expect(() =>
      loadConfig({ MESA_SECRET_KEY: Buffer.alloc(32).toString('base64'), MESA_SECRET_KEY_PREVIOUS: 'x' }),
    ).toThrow(/^MESA_SECRET_KEY_PREVIOUS must be/);
    expect(() => loadConfig({ MESA_SECRET_KEY_PREVIOUS: Buffer.alloc(32).toString('base64') })).toThrow(
      /MESA_SECRET_KEY_PREVIOUS is set but MESA_SECRET_KEY is not/,
    );
  });

  describe('IMAP polling', () => {
    const ACCOUNT_URL = 'imaps://soporte%40clinica.test:p%40ss%2Fw%3Ard@mail.clinica.test';

    it('is off unless MESA_IMAP_URL is set', () => {
      expect(loadConfig({}).mail.imap).toBeNull();
    });

    it('reads the account, INBOX and Mesa/Processed by default', () => {
      const { imap } = loadConfig({ MESA_IMAP_URL: ACCOUNT_URL }).mail;
      expect(imap).toEqual({ url: ACCOUNT_URL, folder: 'INBOX', processedFolder: 'Mesa/Processed' });
      expect(Object.isFrozen(imap)).toBe(true);
      expect(parseImapUrl(ACCOUNT_URL)).toEqual({
        host: 'mail.clinica.test',
        port: 993,
        secure: true,
        user: 'soporte@clinica.test',
        password: 'p@ss/w:rd',
      });
      expect(parseImapUrl('imap://mesa:secret@127.0.0.1:10143')).toEqual({
        host: '127.0.0.1',
        port: 10143,
        secure: false,
        user: 'mesa',
        password: 'secret',
      });
      expect(parseImapUrl('imap://u:p@[::1]').host).toBe('::1');
      expect(parseImapUrl('imap://u:p@[::1]').port).toBe(143);
    });

    it('takes the folders, and "none" to flag taken messages where they are', () => {
      const env = {
        MESA_IMAP_URL: ACCOUNT_URL,
        MESA_IMAP_FOLDER: 'Soporte',
        MESA_IMAP_PROCESSED_FOLDER: 'Soporte/Hecho',
      };
      expect(loadConfig(env).mail.imap).toMatchObject({ folder: 'Soporte', processedFolder: 'Soporte/Hecho' });
      expect(loadConfig({ MESA_IMAP_URL: ACCOUNT_URL, MESA_IMAP_PROCESSED_FOLDER: 'none' }).mail.imap).toMatchObject({
        processedFolder: null,
      });
    });

    it.each([
      ['https://u:hunter2@mail.example.com', /MESA_IMAP_URL must start with imap:\/\/ or imaps:\/\//],
      ['imap://mail.example.com', /MESA_IMAP_URL must carry the user and the password/],
      ['imap://u@mail.example.com', /MESA_IMAP_URL must carry the user and the password/],
      ['imap://u:hunter2@mail.example.com/INBOX', /MESA_IMAP_URL must end with the host and port.*MESA_IMAP_FOLDER/],
      ['imap://u:hunter2@mail.example.com:99999', /MESA_IMAP_URL must be a URL/],
      ['imap://u:hunter2@mail.example.com:0', /MESA_IMAP_URL must have a port/],
      ['imap://u:hunter2%@mail.example.com', /MESA_IMAP_URL must URL-encode the user and the password/],
      ['imap://u:hunt/er2@mail.example.com', /MESA_IMAP_URL/],
      ['u:hunter2@mail.example.com', /MESA_IMAP_URL/],
    ])('fails fast on %s, naming the setting and never the password', (url, message) => {
      expect(() => loadConfig({ MESA_IMAP_URL: url })).toThrow(ConfigError);
      expect(() => loadConfig({ MESA_IMAP_URL: url })).toThrow(message);
      try {
        loadConfig({ MESA_IMAP_URL: url });
      } catch (error) {
        expect((error as Error).message).not.toMatch(/hunter2|hunt/);
      }
    });

    it('refuses folders without an account, and a processed folder that is the folder read', () => {
      expect(() => loadConfig({ MESA_IMAP_FOLDER: 'INBOX' })).toThrow(/MESA_IMAP_FOLDER is set but MESA_IMAP_URL/);
      expect(() => loadConfig({ MESA_IMAP_URL: ACCOUNT_URL, MESA_IMAP_PROCESSED_FOLDER: 'inbox' })).toThrow(
        /MESA_IMAP_PROCESSED_FOLDER must differ from MESA_IMAP_FOLDER/,
      );
    });
  });
});
