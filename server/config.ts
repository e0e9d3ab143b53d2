import { resolve } from 'node:path';
import type { DatabaseTarget } from './db/connect.js';

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
  webDir: string;
  mail: MailConfig;
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

function mailConfig(env: NodeJS.ProcessEnv): MailConfig {
  const relayUrl = env.MESA_SMTP_URL || null;
  if (relayUrl && !/^smtps?:\/\//.test(relayUrl))
    throw new ConfigError(`MESA_SMTP_URL must start with smtp:// or smtps://, got "${relayUrl.split('@').pop()}"`);
  const inboundToken = env.MESA_MAIL_INBOUND_TOKEN || null;
  if (inboundToken && inboundToken.length < 24)
    throw new ConfigError('MESA_MAIL_INBOUND_TOKEN must be at least 24 characters');
  const listen = env.MESA_SMTP_LISTEN_PORT;
  return {
    listenPort: listen === undefined || listen === '' ? null : integer(env, 'MESA_SMTP_LISTEN_PORT', 0, 0, 65535),
    listenHost: env.MESA_SMTP_LISTEN_HOST || '0.0.0.0',
    relayUrl,
    from: env.MESA_MAIL_FROM || 'Mesa de Servicio <mesa@localhost>',
    inboundToken,
    publicUrl: env.MESA_PUBLIC_URL?.replace(/\/+$/, '') || null,
  };
}

/** Reads the environment once, into a frozen object; a bad value stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const dataDir = resolve(env.MESA_DATA_DIR || './data');
  const url = env.DATABASE_URL;
  let database: DatabaseTarget;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new ConfigError('DATABASE_URL must start with postgres:// (leave it unset for SQLite)');
    database = { engine: 'postgres', url, poolSize: integer(env, 'MESA_DB_POOL_SIZE', 10, 1, 200) };
  } else {
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
    webDir: resolve(env.MESA_WEB_DIR || 'dist/web'),
    mail: Object.freeze(mailConfig(env)),
  });
}
