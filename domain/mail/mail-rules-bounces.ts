/**
 * What a bounce says, read from its raw text with no I/O: which message it answers (the
 * Message-ID of the original, quoted in a message/rfc822 or text/rfc822-headers part, or after
 * qmail's "Below this line" mark), and which recipients failed, with the status and the reason
 * (RFC 3464 message/delivery-status, or qmail's plain "<address>: reason (#5.1.1)" text).
 */

/** The header Mesa puts on each message it sends: the outbound row's id, found again in a bounce. */
export const OUTBOUND_ID_HEADER = 'X-Mesa-Outbound-Id';

export interface DeliveryFailure {
  recipient: string;
  /** The enhanced status code (5.1.1), when the report gives one. */
  status: string | null;
  /** The remote server's words (Diagnostic-Code) or the report's reason, when it gives one. */
  diagnostic: string | null;
}

export interface DeliveryReport {
  /** Message-IDs of the original message, without angle brackets. */
  messageIds: string[];
  /** Values of OUTBOUND_ID_HEADER in the original's headers. */
  outboundIds: string[];
  failures: DeliveryFailure[];
  /** The report says how each recipient fared, and none failed (a delay notice, a delivery receipt). */
  noFailure: boolean;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** A header block unfolded into lower-cased names; the first occurrence of each name wins. */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const match = /^([!-9;-~]+):[ \t]*(.*)$/.exec(line);
    if (match?.[1] && !headers.has(match[1].toLowerCase())) headers.set(match[1].toLowerCase(), match[2]?.trim() ?? '');
  }
  return headers;
}

/** The header block of a message: what comes before its first blank line. */
const headerBlock = (text: string) => text.split(/\r?\n\r?\n/)[0] ?? '';

function splitPart(text: string): Part {
  const end = /\r?\n\r?\n/.exec(text);
  if (!end) return { headers: parseHeaders(text), body: '' };
  return { headers: parseHeaders(text.slice(0, end.index)), body: text.slice(end.index + end[0].length) };
}

const param = (value: string, name: string) =>
  new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value)?.slice(1).find(Boolean) ?? null;

function decoded(part: Part): string {
  if (/^base64$/i.test(part.headers.get('content-transfer-encoding') ?? ''))
    // atob answers one character per byte: the same latin1 text the rest of the message is read as.
    return atob(part.body.replace(/[^A-Za-z0-9+/=]/g, ''));
  return part.body;
}

/** Every leaf part of a message, multiparts opened (a report inside an alternative, say). */
function leaves(part: Part, depth = 0): Part[] {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /^multipart\//i.test(type) ? param(type, 'boundary') : null;
  if (!boundary || depth > 8) return [part];
  const marker = `--${boundary}`;
  const pieces = part.body.split(
    new RegExp(`^${marker.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:--)?[ \\t]*\\r?$`, 'm'),
  );
  // The text before the first boundary and after the last is no part.
  return pieces
    .slice(1, -1)
    .map((piece) => splitPart(piece.replace(/^\r?\n/, '')))
    .flatMap((child) => leaves(child, depth + 1));
}

const withoutBrackets = (value: string) => value.replace(/^<|>$/g, '').trim();

/** The original's identifiers, from its header block. */
function originalIds(block: string, report: DeliveryReport) {
  const headers = parseHeaders(block);
  const messageId = headers.get('message-id');
  if (messageId) report.messageIds.push(withoutBrackets(messageId));
  const outboundId = headers.get(OUTBOUND_ID_HEADER.toLowerCase());
  if (outboundId) report.outboundIds.push(outboundId.trim());
}

const address = (field: string | undefined) => {
  const value = field?.replace(/^[^;]*;\s*/, '').trim();
  return value ? withoutBrackets(value).toLowerCase() : null;
};

/** RFC 3464: per-recipient groups after the per-message one, each with Action and Status. */
function deliveryStatus(text: string, report: DeliveryReport) {
  let described = false;
  for (const group of text.split(/\r?\n\s*\r?\n/)) {
    const fields = parseHeaders(group.trim());
    const recipient = address(fields.get('final-recipient') ?? fields.get('original-recipient'));
    const action = fields.get('action')?.toLowerCase();
    if (!recipient || !action) continue;
    described = true;
    if (action !== 'failed') continue;
    report.failures.push({
      recipient,
      status: fields.get('status')?.trim() || null,
      diagnostic:
        fields
          .get('diagnostic-code')
          ?.replace(/^[^;]*;\s*/, '')
          .trim() || null,
    });
  }
  return described;
}

/** qmail: "<address>:" then the reason, up to a blank line; a copy of the message after the mark. */
function qmailText(text: string, report: DeliveryReport) {
  const [notice = '', copy] = text.split(/^-{3}\s*Below this line is a copy of the message\.?\s*$/m);
  for (const match of notice.matchAll(/^<([^<>\s]+@[^<>\s]+)>:[ \t]*\r?\n((?:.+\r?\n?)*)/gm)) {
    const reason = (match[2] ?? '').replace(/\s+/g, ' ').trim();
    const status = /\(#(\d\.\d{1,3}\.\d{1,3})\)/.exec(reason)?.[1] ?? null;
    report.failures.push({
      recipient: (match[1] as string).toLowerCase(),
      status,
      diagnostic: reason.replace(/\s*\(#[\d.]+\)\s*$/, '') || null,
    });
  }
  if (copy) originalIds(headerBlock(copy.replace(/^\s*\r?\n/, '')), report);
}

/** Reads a bounce or delivery report (the whole raw message, as latin1 text so bytes stay bytes). */
export function readDeliveryReport(raw: string): DeliveryReport {
  const report: DeliveryReport = { messageIds: [], outboundIds: [], failures: [], noFailure: false };
  let described = false;
  const parts = leaves(splitPart(raw));
  for (const part of parts) {
    const type = (part.headers.get('content-type') ?? 'text/plain').split(';')[0]?.trim().toLowerCase();
    if (type === 'message/delivery-status' || type === 'message/global-delivery-status')
      described = deliveryStatus(decoded(part), report) || described;
    else if (type === 'message/rfc822' || type === 'text/rfc822-headers' || type === 'message/rfc822-headers')
      originalIds(headerBlock(decoded(part)), report);
  }
  // No structured report: a plain-text bounce (qmail, old Exchange) says it in its text.
  if (!described && report.failures.length === 0)
    for (const part of parts)
      if (/^text\/plain/i.test(part.headers.get('content-type') ?? 'text/plain')) qmailText(decoded(part), report);
  report.noFailure = described && report.failures.length === 0;
  report.messageIds = [...new Set(report.messageIds)];
  report.outboundIds = [...new Set(report.outboundIds)];
  return report;
}
