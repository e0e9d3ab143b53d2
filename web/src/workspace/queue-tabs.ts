import type { QueueCounts } from '../../../domain/contracts/tickets.js';
import type { Queue } from './queue-search.js';

/** The queue page's tabs, in order. */
export const QUEUE_TABS: readonly Queue[] = ['mine', 'unassigned', 'open', 'recent', 'all'];

/** A tab's count as shown: the number, "999+" past the server's cap, nothing until it is known. */
export function countLabel(counts: QueueCounts | undefined, queue: Queue): string | null {
  const entry = counts?.items.find((item) => item.queue === queue);
  if (!entry) return null;
  return entry.more ? `${entry.count}+` : String(entry.count);
}

/** Whether a queue shows who holds each ticket: not in my tickets (all mine) nor the unassigned ones (nobody's). */
export const showsAssignee = (queue: Queue) => queue !== 'mine' && queue !== 'unassigned';
