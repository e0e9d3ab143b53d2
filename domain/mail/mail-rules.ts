import { formatTicketNumber, parseTicketNumber } from '../tickets/ticket-types.js';

/**
 * The rules of the mail channel that need no I/O: which messages are automatic (and must never be
 * answered automatically), which ticket a subject names, and where the new part of a reply ends.
 */

/** Header names lower-cased, values as received. */
export type Headers = ReadonlyMap<string, string>;

const BULK = /^(bulk|junk|list)$/i;
const DAEMON = /^(mailer-daemon|postmaster|mail-daemon)@/i;

/**
 * Local parts of addresses nobody reads: a message from one is taken in, but nothing automatic is
 * ever written back to it (it would bounce, or land in a machine's inbox). The part before a
 * `+tag` must be one of these, or start with one followed by `-`, `_` or `.` (`noreply-billing@`).
 * `notifications@` is here because it is how platforms (GitHub, Jira, monitoring) name their
 * senders; a person signing with it is rare, and they still get their ticket, only no mail.
 */
const NO_REPLY_LOCAL_PARTS = [
  'noreply',
  'no-reply',
  'no_reply',
  'donotreply',
  'do-not-reply',
  'do_not_reply',
  'notification',
  'notifications',
];

/** Whether an address is a no-reply one (NO_REPLY_LOCAL_PARTS): written to by machines, read by nobody. */
export function isNoReplyAddress(address: string): boolean {
  const local = (address.split('@')[0] ?? '').split('+')[0]?.toLowerCase() ?? '';
  return NO_REPLY_LOCAL_PARTS.some((word) => local === word || new RegExp(`^${word}[-_.]`).test(local));
}

export type AutomaticKind = 'report' | 'auto_reply' | 'bulk' | 'suppressed' | 'no_reply';

/**
 * What the desk does with each kind of automatic message. Ignored: a report (bounce, delivery
 * notice) or an auto-reply (out-of-office, another desk's acknowledgment) carries nothing to work
 * on, and taking it would start a ticket or a reply loop. Taken in, unanswered: bulk mail (a list,
 * a monitoring alert), a message that asks not to be auto-answered (X-Auto-Response-Suppress),
 * and one from a no-reply address may well be work for the desk, but no acknowledgment goes back.
 */
export const IGNORED_KINDS: ReadonlySet<AutomaticKind> = new Set(['report', 'auto_reply']);

export interface Automatic {
  kind: AutomaticKind;
  /** Whether the message is kept aside (IGNORED_KINDS), rather than taken in without an answer. */
  ignored: boolean;
  reason: string;
}

const automatic = (kind: AutomaticKind, reason: string): Automatic => ({
  kind,
  ignored: IGNORED_KINDS.has(kind),
  reason,
});

/** The headers automaticMessage reads, lower-cased: what a caller needs to hand it, as received. */
export const AUTOMATIC_HEADERS = [
  'auto-submitted',
  'x-autoreply',
  'x-autorespond',
  'precedence',
  'x-ms-exchange-inbox-rules-loop',
  'x-auto-response-suppress',
  'list-id',
  'list-unsubscribe',
] as const;

/** A header's first value without its parameters (`auto-generated; owner=x` -> `auto-generated`), lower-cased. */
const token = (value: string | undefined) => value?.split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Whether a machine wrote the message, and which kind of machine (RFC 3834, RFC 3464, RFC 2369,
 * MS-OXCMAIL). Each header decides alone: no rule needs another header to be present. The
 * strongest kind wins when several apply (a report or an auto-reply is ignored even when it also
 * looks like bulk mail).
 */
export function automaticMessage(headers: Headers, from: string | null, contentType = ''): Automatic | null {
  if (/multipart\/report/i.test(contentType) || /delivery-status/i.test(contentType))
    return automatic('report', 'delivery report');
  if (from && DAEMON.test(from)) return automatic('report', `sent by ${from.split('@')[0]}`);
  const autoSubmitted = headers.get('auto-submitted')?.trim();
  if (token(autoSubmitted) === 'auto-replied') return automatic('auto_reply', `Auto-Submitted: ${autoSubmitted}`);
  for (const name of ['x-autoreply', 'x-autorespond']) {
    const value = headers.get(name)?.trim();
    if (value) return automatic('auto_reply', `${name}: ${value}`);
  }
  const precedence = headers.get('precedence')?.trim();
  if (token(precedence) === 'auto_reply') return automatic('auto_reply', `Precedence: ${precedence}`);
  // Exchange marks its out-of-office replies auto-generated, not auto-replied, and threads them to
  // the message they answer; the headers its mailbox rules add are what give them away.
  if (headers.has('x-ms-exchange-inbox-rules-loop') && headers.has('x-auto-response-suppress'))
    return automatic('auto_reply', 'Exchange automatic reply (X-MS-Exchange-Inbox-Rules-Loop)');
  if (autoSubmitted && token(autoSubmitted) !== 'no') return automatic('bulk', `Auto-Submitted: ${autoSubmitted}`);
  if (precedence && BULK.test(token(precedence))) return automatic('bulk', `Precedence: ${precedence}`);
  if (headers.has('list-id')) return automatic('bulk', 'mailing list (List-Id)');
  if (headers.has('list-unsubscribe')) return automatic('bulk', 'mailing list (List-Unsubscribe)');
  // The sender asks for no automatic answer (All, AutoReply, OOF; DR, NDR, RN, NRN too): whatever
  // the value, a person's mail client does not set it, so the desk honours it as "do not answer".
  const suppress = headers.get('x-auto-response-suppress')?.trim();
  if (suppress && token(suppress) !== 'none') return automatic('suppressed', `X-Auto-Response-Suppress: ${suppress}`);
  if (from && isNoReplyAddress(from)) return automatic('no_reply', `no-reply sender ${from}`);
  return null;
}

/**
 * The domains a sender's domain falls under, most specific first: `a.mail.client.example` gives
 * `a.mail.client.example`, `mail.client.example`, `client.example` (never a bare top-level name,
 * which no mapping may name). A mapped domain covers its subdomains; the longest mapping wins.
 */
export function domainAndParents(domain: string): string[] {
  const labels = domain.trim().toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  const found: string[] = [];
  for (let i = 0; i + 2 <= labels.length; i++) found.push(labels.slice(i).join('.'));
  return found;
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
