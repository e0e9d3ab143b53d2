import { type AddressObject, simpleParser } from 'mailparser';
import { rawBodyText, takeUuencoded, withWorkingBoundary } from './mime-repair.js';

/** What the pipeline needs from a raw RFC 5322 message, decoded (RFC 2047 words, RFC 2231 names, charsets). */
export interface IncomingMail {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: { address: string; name: string } | null;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  headers: Map<string, string>;
  contentType: string;
  /**
   * The message's files in a fixed order (MIME parts, then uuencoded blocks of the text): a file
   * withheld from a ticket is found again by its place here when staff download it from the original.
   */
  attachments: MailFile[];
}

export interface MailFile {
  fileName: string;
  content: Buffer;
  inline: boolean;
  contentId: string | null;
}

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((group) =>
    group.value.flatMap((entry) => [entry, ...(entry.group ?? [])]),
  );

/**
 * Text without NUL characters: a hostile or broken message may carry them in its body or headers,
 * and PostgreSQL refuses them in text columns, so one would make the message impossible to take.
 */
const withoutNul = (text: string) => text.replaceAll('\u0000', '');

const headerText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  if (value instanceof Date) return value.toISOString();
  return String(value ?? '');
};

/** A name for a part sent without one; a calendar invitation keeps the .ics its readers expect. */
function partName(attachment: { contentType: string; contentDisposition?: string }, i: number): string {
  if (attachment.contentType.toLowerCase() === 'text/calendar') return i === 0 ? 'invite.ics' : `invite-${i + 1}.ics`;
  return `${attachment.contentDisposition === 'inline' ? 'inline' : 'attachment'}-${i + 1}`;
}

const withExtension = (name: string, contentType: string) =>
  contentType.toLowerCase() === 'text/calendar' && !/\.ics$/i.test(name) ? `${name}.ics` : name;

/**
 * How large a message's header block may be. mailparser's default (1 MiB) made a legal message with
 * a 1 MiB Subject fail on every attempt; a few such headers fit here, and the message size limit
 * bounds the rest.
 */
const MAX_HEAD_BYTES = 8 * 1024 * 1024;

export async function readMail(raw: Buffer): Promise<IncomingMail> {
  const parsed = await simpleParser(withWorkingBoundary(raw), {
    skipTextToHtml: true,
    skipImageLinks: true,
    keepCidLinks: true,
    maxHeadSize: MAX_HEAD_BYTES,
  });
  const [from] = addresses(parsed.from).filter((entry) => entry.address);
  const headers = new Map<string, string>();
  for (const [name, value] of parsed.headers) headers.set(name.toLowerCase(), withoutNul(headerText(value)));
  const html = typeof parsed.html === 'string' ? withoutNul(parsed.html) : null;
  // A multipart message nothing could be read from (a boundary beyond repair) keeps its raw text:
  // what the sender wrote is never dropped for a broken structure.
  const unreadable = !parsed.text?.trim() && !html && parsed.attachments.length === 0;
  const uuencoded = takeUuencoded(unreadable ? rawBodyText(raw) : (parsed.text ?? ''));
  const references = Array.isArray(parsed.references)
    ? parsed.references
    : parsed.references
      ? [parsed.references]
      : [];
  return {
    messageId: parsed.messageId?.replace(/^<|>$/g, '').trim() || null,
    inReplyTo: parsed.inReplyTo ? withoutNul(parsed.inReplyTo) : null,
    references: references.map(withoutNul),
    from: from?.address ? { address: withoutNul(from.address).toLowerCase(), name: withoutNul(from.name || '') } : null,
    to: [...addresses(parsed.to), ...addresses(parsed.cc)]
      .map((entry) => entry.address?.toLowerCase())
      .filter((address): address is string => !!address),
    subject: withoutNul(parsed.subject ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
    text: withoutNul(uuencoded.text),
    html,
    headers,
    contentType: headers.get('content-type') ?? '',
    attachments: [
      ...parsed.attachments.map((attachment, i) => ({
        fileName: withExtension(
          withoutNul(attachment.filename ?? '') || partName(attachment, i),
          attachment.contentType,
        ),
        content: attachment.content,
        inline: attachment.contentDisposition === 'inline' || !!attachment.related,
        contentId: attachment.contentId?.replace(/^<|>$/g, '') ?? null,
      })),
      ...uuencoded.files.map((file) => ({
        ...file,
        fileName: withoutNul(file.fileName),
        inline: false,
        contentId: null,
      })),
    ],
  };
}
