/** The three kinds of case Mesa handles, and the prefix of each one's human number. */
export const TICKET_TYPES = ['incident', 'request', 'query'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

/**
 * Everything Mesa numbers for people, each from its own row of the counters table (named as the
 * kind): the three ticket types and problem records. The one place that knows the prefixes.
 */
export const NUMBERED_KINDS = [...TICKET_TYPES, 'problem'] as const;
export type NumberedKind = (typeof NUMBERED_KINDS)[number];

export const NUMBER_PREFIX: Record<NumberedKind, string> = {
  incident: 'INC',
  request: 'REQ',
  query: 'QRY',
  problem: 'PRB',
};

/** INC-000123, PRB-000007: six digits, growing past them when a desk gets that far. */
export function formatTicketNumber(kind: NumberedKind, sequence: number): string {
  return `${NUMBER_PREFIX[kind]}-${String(sequence).padStart(6, '0')}`;
}

/** The kind and sequence of a number typed by a person ("inc-123", "PRB-000123"), if it is one. */
export function parseNumber(text: string): { kind: NumberedKind; sequence: number } | undefined {
  const match = /^\s*([A-Za-z]{3})-?0*(\d{1,12})\s*$/.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const prefix = match[1].toUpperCase();
  const kind = NUMBERED_KINDS.find((k) => NUMBER_PREFIX[k] === prefix);
  return kind ? { kind, sequence: Number(match[2]) } : undefined;
}

/** The type and sequence of a ticket number typed by a person ("inc-123", "INC-000123"), if it is one. */
export function parseTicketNumber(text: string): { type: TicketType; sequence: number } | undefined {
  const parsed = parseNumber(text);
  if (!parsed || parsed.kind === 'problem') return undefined;
  return { type: parsed.kind, sequence: parsed.sequence };
}

/** How a case reached the desk (modalidad de atención). */
export const CHANNELS = ['phone', 'email', 'portal', 'chat', 'walk_in', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];
