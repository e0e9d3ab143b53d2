import { EventEmitter } from 'node:events';

/** What changed, told to live views after the change committed. Carries what visibility checks need. */
export interface TicketChange {
  ticketId: string;
  number: string;
  version: number;
  kind: string;
  organizationId: string;
  requesterId: string;
  /** Only staff may learn of it (a private note). */
  internal: boolean;
}

/**
 * Credentials that stopped working: a session signed out, a user's sessions ended (deactivation,
 * a new password: all but the one kept), a user's API tokens revoked. Open streams resting on them
 * close at once; said possibly before the change commits, so a stream closes even if it rolls
 * back, and its browser connects again.
 */
export type CredentialsEnded =
  | { scope: 'session'; sessionId: string }
  | { scope: 'sessions'; userId: string; keepSessionId: string | null }
  | { scope: 'tokens'; userId: string };

/**
 * Publish/subscribe for live updates. A change reaches the views connected to this process, and
 * through the relays (PostgreSQL LISTEN/NOTIFY when several instances share a database) the views
 * of the others, which `deliver` it to their own subscribers.
 */
export class EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private readonly relays: ((change: TicketChange) => void)[] = [];

  publish(change: TicketChange): void {
    this.deliver(change);
    for (const relay of this.relays) relay(change);
  }

  /** A change that happened elsewhere (another instance): told to this process's subscribers only. */
  deliver(change: TicketChange): void {
    this.emitter.emit('ticket', change);
  }

  relayTo(relay: (change: TicketChange) => void): void {
    this.relays.push(relay);
  }

  subscribe(listener: (change: TicketChange) => void): () => void {
    this.emitter.on('ticket', listener);
    return () => this.emitter.off('ticket', listener);
  }

  /** This process only: other instances' streams notice at their next re-check. */
  endCredentials(ended: CredentialsEnded): void {
    this.emitter.emit('credentials', ended);
  }

  onCredentialsEnded(listener: (ended: CredentialsEnded) => void): () => void {
    this.emitter.on('credentials', listener);
    return () => this.emitter.off('credentials', listener);
  }
}
