/** A received message's source taken apart for reading: its header fields, then its body as sent. */
export interface MailSource {
  headers: { name: string; value: string; cut: boolean }[];
  body: string;
  bodyCut: boolean;
}

/** How much of a header value is shown (a Subject may be a megabyte long). */
export const HEADER_SHOWN = 2_000;
/** How much of the body is shown; the download has the rest. */
export const BODY_SHOWN = 100_000;
/**
 * The largest message read into the page to be shown: a bigger one (up to the 30 MiB a desk may
 * take) is only offered for download, rather than held whole in the browser to show a part.
 */
export const PREVIEW_MAX_BYTES = 5 * 1024 * 1024;

export const previewable = (size: number) => size <= PREVIEW_MAX_BYTES;

const cut = (text: string, max: number) => ({
  text: text.length > max ? text.slice(0, max) : text,
  cut: text.length > max,
});

/**
 * Splits a raw RFC 5322 message at its first empty line and unfolds the header fields. Nothing is
 * decoded or rendered: encoded words and HTML are shown as the sender wrote them, as text.
 */
export function readSource(raw: string): MailSource {
  const end = /\r?\n\r?\n/.exec(raw);
  const head = end ? raw.slice(0, end.index) : raw;
  const body = end ? raw.slice(end.index + end[0].length) : '';
  const headers: MailSource['headers'] = [];
  for (const line of head.split(/\r?\n/)) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim(), cut: false });
  }
  const shownBody = cut(body, BODY_SHOWN);
  return {
    headers: headers.map((header) => {
      const shown = cut(header.value, HEADER_SHOWN);
      return { name: header.name, value: shown.text, cut: shown.cut };
    }),
    body: shownBody.text,
    bodyCut: shownBody.cut,
  };
}
