import type { Batch } from '../../server/db/bulk-load/tables.js';
import type { IdMaker } from './ids.js';
import type { StatusChange } from './sla-approx.js';

/**
 * One ticket's timeline as it is being told: each step at a later instant than the last, written
 * as the services would write it (the event, its message, the version and update time it bumps),
 * until the story reaches `now` — what would happen after that has not happened yet.
 */
export type Change = { field: string; from: unknown; to: unknown };

export class Story {
  at: number;
  version = 1;
  updatedAt: number;
  ended = false;
  readonly history: StatusChange[] = [];
  readonly replies: string[] = [];
  readonly notes: string[] = [];
  firstResponseAt: number | null = null;

  constructor(
    readonly batch: Batch,
    readonly ids: IdMaker,
    readonly ticketId: string,
    createdAt: number,
    private readonly now: number,
  ) {
    this.at = createdAt;
    this.updatedAt = createdAt;
  }

  /**
   * Moves the story on by `minutes` (at least a second) and answers whether that moment has
   * come; once it has not, every later step is skipped too.
   */
  advance(minutes: number): boolean {
    if (this.ended) return false;
    const next = this.at + Math.max(1000, Math.round(minutes * 60_000));
    if (next > this.now) {
      this.ended = true;
      return false;
    }
    this.at = next;
    return true;
  }

  /** A timeline event at the current instant; `bump` when the change moves the ticket's version. */
  event(
    kind: string,
    actorId: string | null,
    internal: boolean,
    changes: Change[],
    messageId: string | null = null,
    bump = true,
  ): void {
    this.batch.ticket_events.push(
      this.ids.next(this.at),
      this.ticketId,
      iso(this.at),
      actorId,
      kind,
      internal ? 1 : 0,
      messageId,
      JSON.stringify(changes),
      null,
    );
    if (bump) {
      this.version += 1;
      this.updatedAt = this.at;
    }
  }

  /** An event at another instant that does not touch the ticket (an SLA firing). */
  eventAt(at: number, kind: string, changes: Change[]): void {
    this.batch.ticket_events.push(
      this.ids.next(at),
      this.ticketId,
      iso(at),
      null,
      kind,
      1,
      null,
      JSON.stringify(changes),
      null,
    );
  }

  message(kind: 'reply' | 'note', author: { id: string }, text: string, staff: boolean): void {
    const id = this.ids.next(this.at);
    this.batch.ticket_messages.push(id, this.ticketId, kind, author.id, `<p>${escapeHtml(text)}</p>`, iso(this.at));
    this.event(kind, author.id, kind === 'note', [], id);
    if (kind === 'note') this.notes.push(text);
    else this.replies.push(text);
    if (kind === 'reply' && staff && this.firstResponseAt === null) this.firstResponseAt = this.at;
  }

  status(status: string, pendingReason: string | null = null): void {
    this.history.push({ at: this.at, status, pendingReason });
  }
}

const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const hours = new Map<number, string>();

/**
 * `new Date(ms).toISOString()`, for the tens of millions of timestamps of a large run: the date
 * and hour are formatted once per hour and kept, the rest is looked up.
 */
export function iso(ms: number): string {
  const hour = Math.floor(ms / 3_600_000);
  let prefix = hours.get(hour);
  if (prefix === undefined) {
    if (hours.size > 50_000) hours.clear();
    prefix = new Date(hour * 3_600_000).toISOString().slice(0, 14);
    hours.set(hour, prefix);
  }
  const rest = ms - hour * 3_600_000;
  return `${prefix}${TWO[Math.floor(rest / 60_000)]}:${TWO[Math.floor(rest / 1000) % 60]}.${THREE[rest % 1000]}Z`;
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}
