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
 * In-process publish/subscribe for live updates. It reaches the views connected to this process
 * only: several instances on one PostgreSQL need a LISTEN/NOTIFY relay into it (not built yet).
 */
export class EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(change: TicketChange): void {
    this.emitter.emit('ticket', change);
  }

  subscribe(listener: (change: TicketChange) => void): () => void {
    this.emitter.on('ticket', listener);
    return () => this.emitter.off('ticket', listener);
  }
}
