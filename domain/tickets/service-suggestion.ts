/**
 * The service and category a new ticket of a requester most likely has, read from their recent
 * tickets: people call about the same platforms again and again. Pure, so the console's guess is
 * the same whoever asks and is tested without a database.
 */

/** How many of the requester's latest tickets (with a service) the guess looks at. */
export const RECENT_TICKETS_CONSIDERED = 10;

export interface Named {
  id: string;
  name: string;
}

/** One recent ticket's service and category, newest first. */
export interface RecentScope {
  service: Named;
  category: Named | null;
}

export interface ServiceGuess {
  service: Named | null;
  category: Named | null;
  /** How many recent tickets the guess was read from. */
  basedOn: number;
}

/** The most frequent of these (by id); a tie goes to the one seen first, i.e. the most recent. */
function mostFrequent(items: readonly Named[]): Named | null {
  const counts = new Map<string, { item: Named; count: number; first: number }>();
  items.forEach((item, index) => {
    const seen = counts.get(item.id);
    if (seen) seen.count += 1;
    else counts.set(item.id, { item, count: 1, first: index });
  });
  let best: { item: Named; count: number; first: number } | null = null;
  for (const entry of counts.values()) {
    if (!best || entry.count > best.count || (entry.count === best.count && entry.first < best.first)) best = entry;
  }
  return best?.item ?? null;
}

/**
 * The most frequent service of the recent tickets (ties: the most recent), and the most frequent
 * category among the tickets of that service (same tie rule); nothing when there is no history.
 */
export function guessService(recent: readonly RecentScope[]): ServiceGuess {
  const considered = recent.slice(0, RECENT_TICKETS_CONSIDERED);
  const service = mostFrequent(considered.map((ticket) => ticket.service));
  const category = service
    ? mostFrequent(
        considered.flatMap((ticket) => (ticket.service.id === service.id && ticket.category ? [ticket.category] : [])),
      )
    : null;
  return { service, category, basedOn: considered.length };
}
