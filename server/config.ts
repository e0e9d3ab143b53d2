import { resolve } from 'node:path';
import { ROLES, type Role, STAFF_ROLES } from '../domain/roles.js';
import type { DatabaseTarget } from './db/connect.js';
import { parseClamdAddress } from './platform/clamd.js';
import { parseSecretKey } from './platform/secret-box.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseTarget;
  logLevel: string;
  /** Cookies get the Secure flag: on when the public URL is https (behind a TLS proxy). */
  secureCookies: boolean;
  /** Trust X-Forwarded-* from a reverse proxy: its addresses, or true for any. */
  trustProxy: boolean | string[];
  /** Create the demo workspace when the database has no users. */
  seedDemo: boolean;
  sessionTtlHours: number;
  /** A session's absolute lifetime from sign-in, however active (MESA_SESSION_MAX_HOURS, default 168). */
  sessionMaxHours: number;
  /**
   * Roles that must sign in with a second factor (MESA_MFA_REQUIRED_FOR, e.g. "admin"); null when
   * unset, and then the desk setting an admin edits applies.
   */
  mfaRequiredFor: Role[] | null;
  webDir: string;
  mail: MailConfig;
  /** Bearer token Prometheus sends to GET /metrics (MESA_METRICS_TOKEN); null serves no metrics. */
  metricsToken: string | null;
  /** The ClamAV daemon every file is scanned by (MESA_CLAMD: a Unix socket path or tcp://host:port); null scans none. */
  clamd: string | null;
  webhooks: WebhooksConfig;
  secretKeys: SecretKeysConfig;
}

/**
 * The key stored secrets (TOTP, identity providers' client secrets, webhook secrets) are encrypted
 * with: MESA_SECRET_KEY, 32 random bytes as base64 or hex. Unset on SQLite, a key is made once in
 * the data directory; PostgreSQL needs it once such a secret is stored (server/db/secret-key.ts).
 */
export interface SecretKeysConfig {
  current: Buffer | null;
  /** MESA_SECRET_KEY_PREVIOUS: earlier keys, comma-separated, to open what they sealed while it is sealed again. */
  previous: Buffer[];
}

export interface WebhooksConfig {
  /**
   * Lets webhooks reach loopback and private addresses (MESA_WEBHOOKS_ALLOW_PRIVATE, off by
   * default): for tests and closed networks only, since it opens the server's inside to whoever
   * registers an endpoint.
   */
  allowPrivate: boolean;
  /** Days a delivery is kept before the prune job deletes it (MESA_WEBHOOK_RETENTION_DAYS); absent: 30. */
  retentionDays?: number;
}

export interface MailConfig {
  /** The built-in SMTP listener for incoming mail: a port, or null when it is off. */
  listenPort: number | null;
  listenHost: string;
  /** Where outgoing mail goes (smtp://user:pass@host:port); null holds it in the outbox. */
  relayUrl: string | null;
  /** The desk's From address, e.g. "Mesa de Servicio <soporte@example.com>". */
  from: string;
  /** Bearer token of the HTTP endpoint that takes raw messages from an MTA pipe or a provider. */
  inboundToken: string | null;
  /** Where people open Mesa, for links in mail (MESA_PUBLIC_URL); null leaves links out. */
  publicUrl: string | null;
  /** An existing mailbox Mesa polls over IMAP (MESA_IMAP_URL); null or absent when it polls none. */
  imap?: ImapConfig | null;
  /**
   * The largest message taken in, in bytes, by every way in (SMTP, HTTP, IMAP):
   * MESA_MAIL_MAX_MESSAGE_MB, default 30 MiB; absent means the default.
   */
  maxMessageBytes?: number;
}

export interface ImapConfig {
  /** imap://user:password@host:port or imaps://…, user and password URL-encoded; checked by parseImapUrl. */
  url: string;
  /** The folder read (MESA_IMAP_FOLDER, default INBOX). */
  folder: string;
  /**
   * Where taken messages are moved (MESA_IMAP_PROCESSED_FOLDER, default "Mesa/Processed", "/"
   * between levels whatever the server's separator); null (the value "none") leaves them in the
   * folder, flagged \Seen and $MesaTaken.
   */
  processedFolder: string | null;
}

/** An IMAP account, as MESA_IMAP_URL gives it. */
export interface ImapAccount {
  host: string;
  port: number;
  /** TLS from the first byte (imaps://, port 993 by default); imap:// uses STARTTLS when offered. */
  secure: boolean;
  user: string;
  password: string;
}

/**
 * Reads imap://user:password@host:port (or imaps://). Errors name the setting and show only what
 * follows the credentials, so the password never reaches a log or a terminal.
 */
export function parseImapUrl(raw: string, setting = 'MESA_IMAP_URL'): ImapAccount {
  const at = raw.lastIndexOf('@');
  const shown = at >= 0 ? `, got "…@${raw.slice(at + 1)}"` : '';
  const fail = (why: string) => new ConfigError(`${setting} ${why}${shown}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fail('must be a URL like imaps://user:password@host:993 (user and password URL-encoded)');
  }
  if (url.protocol !== 'imap:' && url.protocol !== 'imaps:') throw fail('must start with imap:// or imaps://');
  if (!url.hostname) throw fail('must name the server');
  if (!url.username || !url.password) throw fail('must carry the user and the password (user:password@host)');
  if (url.pathname.replace(/^\/+/, '') || url.search || url.hash)
    throw fail('must end with the host and port: set the folder with MESA_IMAP_FOLDER');
  if (url.port === '0') throw fail('must have a port between 1 and 65535');
  let user: string;
  let password: string;
  try {
    user = decodeURIComponent(url.username);
    password = decodeURIComponent(url.password);
  } catch {
    throw fail('must URL-encode the user and the password (%40 for @, %25 for %)');
  }
  const secure = url.protocol === 'imaps:';
  return {
    // The URL keeps an IPv6 address in brackets; the socket wants it bare.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    user,
    password,
  };
}

function imapConfig(env: NodeJS.ProcessEnv): ImapConfig | null {
  const url = env.MESA_IMAP_URL;
  if (!url) {
    for (const name of ['MESA_IMAP_FOLDER', 'MESA_IMAP_PROCESSED_FOLDER'])
      if (env[name]) throw new ConfigError(`${name} is set but MESA_IMAP_URL is not: set both, or neither`);
    return null;
  }
  parseImapUrl(url);
  const folder = env.MESA_IMAP_FOLDER?.trim() || 'INBOX';
  const processed = env.MESA_IMAP_PROCESSED_FOLDER?.trim() || 'Mesa/Processed';
  // Folder names are case-sensitive, except INBOX.
  const canonical = (name: string) => (name.toUpperCase() === 'INBOX' ? 'INBOX' : name);
  if (canonical(processed) === canonical(folder))
    throw new ConfigError(
      'MESA_IMAP_PROCESSED_FOLDER must differ from MESA_IMAP_FOLDER (or be "none" to flag messages in place)',
    );
  return Object.freeze({ url, folder, processedFolder: processed.toLowerCase() === 'none' ? null : processed });
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** `true` trusts any proxy; otherwise a comma-separated list of proxy addresses or CIDR ranges. */
function trustProxy(raw: string | undefined): boolean | string[] {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A token a caller must send: unset, or long enough not to be guessed. */
function secretSetting(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name] || null;
  if (value && value.length < 24) throw new ConfigError(`${name} must be at least 24 characters`);
  return value;
}

/** A 20 MB attachment, base64-encoded (a third larger), with room for the rest of the message. */
export const DEFAULT_MAX_MESSAGE_MB = 30;

function mailConfig(env: NodeJS.ProcessEnv): MailConfig {
  const relayUrl = env.MESA_SMTP_URL || null;
  if (relayUrl && !/^smtps?:\/\//.test(relayUrl))
    throw new ConfigError(`MESA_SMTP_URL must start with smtp:// or smtps://, got "${relayUrl.split('@').pop()}"`);
  const inboundToken = secretSetting(env, 'MESA_MAIL_INBOUND_TOKEN');
  const listen = env.MESA_SMTP_LISTEN_PORT;
  return {
    listenPort: listen === undefined || listen === '' ? null : integer(env, 'MESA_SMTP_LISTEN_PORT', 0, 0, 65535),
    listenHost: env.MESA_SMTP_LISTEN_HOST || '0.0.0.0',
    relayUrl,
    from: env.MESA_MAIL_FROM || 'Mesa de Servicio <mesa@localhost>',
    inboundToken,
    publicUrl: env.MESA_PUBLIC_URL?.replace(/\/+$/, '') || null,
    imap: imapConfig(env),
    maxMessageBytes: integer(env, 'MESA_MAIL_MAX_MESSAGE_MB', DEFAULT_MAX_MESSAGE_MB, 1, 1024) * 1024 * 1024,
  };
}

function clamdSetting(value: string | undefined): string | null {
  if (!value) return null;
  if (!parseClamdAddress(value))
    throw new ConfigError(
      `MESA_CLAMD must be clamd's Unix socket (an absolute path) or tcp://host:port, got "${value}"`,
    );
  return value;
}

function secretKeys(env: NodeJS.ProcessEnv): SecretKeysConfig {
  const parse = (raw: string, setting: string) => {
    try {
      return parseSecretKey(raw, setting);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  };
  const current = env.MESA_SECRET_KEY ? parse(env.MESA_SECRET_KEY, 'MESA_SECRET_KEY') : null;
  const previous = (env.MESA_SECRET_KEY_PREVIOUS ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => parse(part, 'MESA_SECRET_KEY_PREVIOUS'));
  if (previous.length > 0 && !current)
    throw new ConfigError('MESA_SECRET_KEY_PREVIOUS is set but MESA_SECRET_KEY is not: set the new key too');
  return { current, previous };
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * MESA_MFA_REQUIRED_FOR: roles separated by commas, "staff" for every staff role, or "none".
 * Unset or empty: null, and the desk setting (Administración) decides.
 */
export function mfaRequiredFor(raw: string | undefined): Role[] | null {
  if (!raw?.trim()) return null;
  if (raw.trim().toLowerCase() === 'none') return [];
  const words = raw
    .split(',')
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
  const roles = new Set<Role>();
  for (const word of words) {
    if (word === 'staff') for (const role of STAFF_ROLES) roles.add(role);
    else if ((ROLES as readonly string[]).includes(word)) roles.add(word as Role);
    else
      throw new ConfigError(`MESA_MFA_REQUIRED_FOR: "${word}" is not a role (use ${ROLES.join(', ')}, staff or none)`);
  }
  return [...roles];
}

/** Reads the environment once, into a frozen object; a bad value stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const dataDir = resolve(env.MESA_DATA_DIR || './data');
  const url = env.DATABASE_URL;
  let database: DatabaseTarget;
  if (url) {
    if (!POSTGRES_URL.test(url))
      throw new ConfigError('DATABASE_URL must start with postgres:// (leave it unset for SQLite)');
    const replicaUrl = env.DATABASE_REPLICA_URL || null;
    if (replicaUrl && !POSTGRES_URL.test(replicaUrl))
      throw new ConfigError('DATABASE_REPLICA_URL must start with postgres://');
    database = { engine: 'postgres', url, poolSize: integer(env, 'MESA_DB_POOL_SIZE', 10, 1, 200), replicaUrl };
  } else {
    if (env.DATABASE_REPLICA_URL)
      throw new ConfigError('DATABASE_REPLICA_URL names a PostgreSQL standby: it needs DATABASE_URL too');
    database = { engine: 'sqlite', file: resolve(dataDir, 'mesa.sqlite') };
  }
  const publicUrl = env.MESA_PUBLIC_URL ?? '';
  return Object.freeze({
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir,
    database,
    logLevel: env.LOG_LEVEL || 'info',
    secureCookies: flag(env, 'MESA_SECURE_COOKIES', publicUrl.startsWith('https://')),
    trustProxy: trustProxy(env.MESA_TRUST_PROXY),
    seedDemo: flag(env, 'MESA_SEED_DEMO', true),
    sessionTtlHours: integer(env, 'MESA_SESSION_TTL_HOURS', 12, 1, 24 * 30),
    sessionMaxHours: integer(env, 'MESA_SESSION_MAX_HOURS', 7 * 24, 1, 24 * 90),
    mfaRequiredFor: mfaRequiredFor(env.MESA_MFA_REQUIRED_FOR),
    webDir: resolve(env.MESA_WEB_DIR || 'dist/web'),
    mail: Object.freeze(mailConfig(env)),
    metricsToken: secretSetting(env, 'MESA_METRICS_TOKEN'),
    clamd: clamdSetting(env.MESA_CLAMD),
    webhooks: Object.freeze({
      allowPrivate: flag(env, 'MESA_WEBHOOKS_ALLOW_PRIVATE', false),
      retentionDays: integer(env, 'MESA_WEBHOOK_RETENTION_DAYS', 30, 1, 3650),
    }),
    secretKeys: Object.freeze(secretKeys(env)),
  });
}
