import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DatabaseTarget } from './connect.js';

const CHANNEL = 'mesa_ticket_changes';
const RECONNECT_MS = 1_000;

/** Where live updates come from and go to: the process's event bus (platform/event-bus.ts). */
export interface RelayedBus<Change> {
  /** Hands every change made here to `send`. */
  relayTo(send: (change: Change) => void): void;
  /** A change made on another instance. */
  deliver(change: Change): void;
}

/**
 * Relays live updates between the instances that share a database, and answers how to stop.
 * SQLite has one instance, so nothing to relay. On PostgreSQL each change is NOTIFYed with this
 * instance's id, and what the others NOTIFY is delivered to this instance's views. A lost
 * connection is reopened; changes made while it was down are not replayed (views refresh on
 * their own every half minute), which is what a live view needs.
 */
export async function relayAcrossInstances<Change>(
  target: DatabaseTarget,
  bus: RelayedBus<Change>,
  logger?: Logger,
): Promise<() => Promise<void>> {
  if (target.engine === 'sqlite') return async () => {};
  const { url } = target;
  const instance = randomUUID();
  let client: pg.Client | null = null;
  let stopped = false;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { from, change } = JSON.parse(message.payload) as { from: string; change: Change };
        if (from !== instance) bus.deliver(change);
      } catch {
        logger?.warn('unreadable live update from another instance');
      }
    });
    const reconnect = () => {
      if (stopped || client !== next) return;
      client = null;
      setTimeout(() => void connect().catch(() => reconnect()), RECONNECT_MS).unref();
    };
    next.on('error', (error) => {
      logger?.warn({ err: error.message }, 'live update relay lost its connection');
      reconnect();
    });
    next.on('end', reconnect);
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    client = next;
  };

  await connect();
  bus.relayTo((change) => {
    const payload = JSON.stringify({ from: instance, change });
    client?.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch((error) => {
      logger?.warn({ err: error.message }, 'live update not relayed');
    });
  });
  return async () => {
    stopped = true;
    const last = client;
    client = null;
    await last?.end().catch(() => {});
  };
}
