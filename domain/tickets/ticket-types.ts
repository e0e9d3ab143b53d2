/** The three kinds of case Mesa handles, and the prefix of each one's human number. */
export const TICKET_TYPES = ['incident', 'request', 'query'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const NUMBER_PREFIX: Record<TicketType, string> = { incident: 'INC', request: 'REQ', query: 'QRY' };

/** INC-000123: six digits, growing past them when a desk gets that far. */
export function formatTicketNumber(type: TicketType, sequence: number): string {
  return `${NUMBER_PREFIX[type]}-${String(sequence).padStart(6, '0')}`;
}

/** The type and sequence of a number typed by a person ("inc-123", "INC-000123"), if it is one. */
export function parseTicketNumber(text: string): { type: TicketType; sequence: number } | undefined {
  const match = /^\s*(INC|REQ|QRY)-?0*(\d{1,12})\s*$/i.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const prefix = match[1].toUpperCase();
  const type = TICKET_TYPES.find((t) => NUMBER_PREFIX[t] === prefix);
  return type ? { type, sequence: Number(match[2]) } : undefined;
}

/** How a case reached the desk (modalidad de atención). */
export const CHANNELS = ['phone', 'email', 'portal', 'chat', 'walk_in', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];
