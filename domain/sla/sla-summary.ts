import type { SlaState } from './sla-clock.js';

/** A ticket's SLA in one line: when its next deadline falls and the state of its clocks. */
export interface SlaSummary {
  /** The earliest deadline of a target not yet met or missed for good, overdue ones included; null when no clock runs. */
  nextDueAt: string | null;
  /** null when no agreement applies to the ticket. */
  state: SlaState | null;
}

/**
 * The summary as of `now`, from what the ticket stores. The stored state is as of the last change
 * or detection run (the job runs every 15 seconds, and a page stays open for hours): a clock that
 * was running or at risk is breached once its next deadline has passed, whatever was stored. The
 * other states do not move on their own — a paused clock has no deadline, a met one is over — and
 * warnings need the agreement's thresholds, which only the detection job holds. The server
 * presents tickets with it and the web keeps a shown badge true with it.
 */
export function slaSummaryAt(stored: SlaSummary, now: number): SlaSummary {
  const { nextDueAt, state } = stored;
  const overdue = nextDueAt !== null && Date.parse(nextDueAt) <= now;
  return { nextDueAt, state: overdue && (state === 'running' || state === 'warning') ? 'breached' : state };
}
