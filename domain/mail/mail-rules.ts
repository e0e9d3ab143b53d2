import { formatTicketNumber, parseTicketNumber } from '../tickets/ticket-types.js';

/**
 * The rules of the mail channel that need no I/O: which messages are automatic (and must never be
 * answered automatically), which ticket a subject names, and where the new part of a reply ends.
 */

/** Header names lower-cased, values as received. */
export type Headers = ReadonlyMap<string, string>;

const BULK = /^(bulk|junk|list)$/i;
const DAEMON = /^(mailer-daemon|postmaster|mail-daemon)@/i;

export interface Automatic {
  /**
   * report: a bounce or delivery notice; auto_reply: an out-of-office or another desk's
   * acknowledgment — neither becomes a ticket or a reply. bulk: a list or a machine's
   * notification — it is taken in, but never answered automatically.
   */
  kind: 'report' | 'auto_reply' | 'bulk';
  reason: string;
}

/** Whether a machine wrote the message, and which kind of machine (RFC 3834, RFC 3464, RFC 2369). */
export function automaticMessage(headers: Headers, from: string | null, contentType = ''): Automatic | null {
  if (/multipart\/report/i.test(contentType) || /delivery-status/i.test(contentType))
    return { kind: 'report', reason: 'delivery report' };
  if (from && DAEMON.test(from)) return { kind: 'report', reason: `sent by ${from.split('@')[0]}` };
  const autoSubmitted = headers.get('auto-submitted')?.trim();
  if (autoSubmitted && /^auto-replied/i.test(autoSubmitted))
    return { kind: 'auto_reply', reason: `Auto-Submitted: ${autoSubmitted}` };
  for (const name of ['x-autoreply', 'x-autorespond']) {
    const value = headers.get(name)?.trim();
    if (value) return { kind: 'auto_reply', reason: `${name}: ${value}` };
  }
  // Exchange marks its out-of-office replies auto-generated, not auto-replied, and threads them to
  // the message they answer; the headers its mailbox rules add are what give them away.
  const suppress = headers.get('x-auto-response-suppress')?.trim();
  if (suppress && /\ball\b/i.test(suppress) && headers.has('x-ms-exchange-inbox-rules-loop'))
    return { kind: 'auto_reply', reason: 'Exchange automatic reply (X-MS-Exchange-Inbox-Rules-Loop)' };
  if (autoSubmitted && autoSubmitted.toLowerCase() !== 'no')
    return { kind: 'bulk', reason: `Auto-Submitted: ${autoSubmitted}` };
  const precedence = headers.get('precedence')?.trim();
  if (precedence && BULK.test(precedence)) return { kind: 'bulk', reason: `Precedence: ${precedence}` };
  if (headers.has('list-id')) return { kind: 'bulk', reason: 'mailing list' };
  return null;
}

/** The ticket number a subject carries as `[INC-000123]`, if any. */
export function ticketNumberInSubject(subject: string): string | null {
  const match = /\[\s*((?:INC|REQ|QRY)-?\d{1,12})\s*\]/i.exec(subject);
  const parsed = match?.[1] ? parseTicketNumber(match[1]) : undefined;
  return parsed ? formatTicketNumber(parsed.type, parsed.sequence) : null;
}

/** Message-IDs without their angle brackets, from In-Reply-To and References, newest first. */
export function threadIds(inReplyTo: string | null | undefined, references: string | string[] | null | undefined) {
  const ids = (value: string) =>
    (value.match(/<[^<>\s]+>/g) ?? (value.trim() ? [value.trim()] : [])).map((id) => id.replace(/^<|>$/g, ''));
  // References lists the thread oldest first; the message answered comes first of all.
  const referenced = (Array.isArray(references) ? references : [references ?? '']).flatMap(ids).reverse();
  return [...new Set([...ids(inReplyTo ?? ''), ...referenced].filter(Boolean))];
}

// The lines a mail client puts above the quoted message, in the languages the desk hears.
const QUOTE_HEADERS = [
  /^On .{4,200} wrote:\s*$/i,
  /^El .{4,200} escribió:\s*$/i,
  /^Le .{4,200} a écrit\s*:\s*$/i,
  /^-{2,}\s*(Original Message|Mensaje original|Forwarded message|Mensaje reenviado)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
  /^(From|De):\s.+$/i,
];

/**
 * The new part of a plain-text reply: what comes before the quoted history ("On … wrote:", "El …
 * escribió:", Outlook's "From:" block, ">" lines) and before the signature ("-- "). The text is
 * never emptied: when nothing new is found the whole message is kept.
 */
export function newPartOfText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '-- ' || line === '--') {
      end = i;
      break;
    }
    if (QUOTE_HEADERS.some((pattern) => pattern.test(line.trim()))) {
      end = i;
      break;
    }
    if (/^>/.test(line) && lines.slice(i).every((rest) => rest.startsWith('>') || rest.trim() === '')) {
      end = i;
      break;
    }
  }
  const kept = lines.slice(0, end).join('\n').trim();
  return kept || text.trim();
}
