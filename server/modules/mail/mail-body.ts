import sanitizeHtml from 'sanitize-html';
import { newPartOfText } from '../../../domain/mail/mail-rules.js';
import { escapeHtml, sanitizeRichText } from '../../platform/html.js';

// Where mail clients put the quoted history of a reply: Gmail, Apple Mail/Thunderbird, Outlook.
const QUOTE_CLASSES = /(^|\s)(gmail_quote|gmail_extra|moz-cite-prefix|yahoo_quoted)(\s|$)/;
const OUTLOOK_REPLY = /<div[^>]+id=["']?(divRplyFwdMsg|appendonsend)["']?[^>]*>[\s\S]*$/i;
// Classic Outlook for Windows marks no id: its From/Sent header block sits under a thin top border.
const OUTLOOK_DESKTOP_REPLY = /<div[^>]+border-top:\s*solid\s+#(E1E1E1|B5C4DF)\b[^>]*>[\s\S]*$/i;
const OUTLOOK_SEPARATOR = /<(div|p)[^>]*>\s*(<[^>]+>\s*)*-{2,}\s*(Original Message|Mensaje original)[\s\S]*$/i;

/** The new part of an HTML reply: quoted history cut off, then made safe like every other rich text. */
function newPartOfHtml(html: string): string {
  const cut = html.replace(OUTLOOK_REPLY, '').replace(OUTLOOK_DESKTOP_REPLY, '').replace(OUTLOOK_SEPARATOR, '');
  return sanitizeHtml(cut, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    exclusiveFilter: (frame) =>
      (frame.tag === 'blockquote' &&
        (frame.attribs.type === 'cite' || QUOTE_CLASSES.test(frame.attribs.class ?? ''))) ||
      (frame.tag === 'div' && QUOTE_CLASSES.test(frame.attribs.class ?? '')),
  });
}

const textToHtml = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');

/**
 * Inline images (`cid:` links to parts of the message) pointed at the attachments they were
 * stored as, the one path the sanitizer lets an image load from; an image not stored stays a
 * `cid:` link, which the sanitizer drops.
 */
function withStoredImages(html: string, images: ReadonlyMap<string, string>): string {
  return html.replace(/(["'=\s])cid:([^"'\s>]+)/gi, (whole, before: string, contentId: string) => {
    const id = images.get(decodeURIComponent(contentId));
    return id ? `${before}/api/v1/attachments/${id}/content` : whole;
  });
}

/**
 * The body to keep on the ticket, as safe rich text: the HTML part when there is one, else the
 * text part; for replies only the new part. `images` maps the Content-ID of each inline image
 * stored to its attachment id. Never empty: a message with no readable body says so.
 */
export function mailBodyHtml(
  mail: { html: string | null; text: string },
  reply: boolean,
  images: ReadonlyMap<string, string> = new Map(),
): string {
  if (mail.html) {
    const html = withStoredImages(mail.html, images);
    const safe = sanitizeRichText(reply ? newPartOfHtml(html) : html);
    if (safe.replace(/<[^>]*>|&nbsp;|\s/g, '') || /<img\b/.test(safe)) return safe;
  }
  const text = reply ? newPartOfText(mail.text) : mail.text.trim();
  return text ? textToHtml(text) : '<p>—</p>';
}
