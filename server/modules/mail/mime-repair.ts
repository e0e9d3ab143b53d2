/**
 * Messages whose MIME structure is broken, read anyway. A multipart message whose boundary
 * parameter is missing, or names a boundary its parts do not use, parses to nothing: no body, no
 * files. The body's own delimiter lines say what the boundary really is, so the header is
 * rewritten to it before parsing; what still parses to nothing keeps its raw text (mail-reader.ts).
 */

const HEADER_END = /\r?\n\r?\n/;
const CONTENT_TYPE = /^content-type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/im;
/** A line that opens a part: `--` and the boundary, then the part's first header field. */
const DELIMITER = /^--([!-~][ -~]{0,69}?)[ \t]*\r?\n(?=[A-Za-z-]+:)/gm;

/** The raw message with its top-level boundary put right, or the same bytes when nothing is wrong. */
export function withWorkingBoundary(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  const end = HEADER_END.exec(text);
  if (!end) return raw;
  const header = text.slice(0, end.index);
  const body = text.slice(end.index + end[0].length);
  const field = CONTENT_TYPE.exec(header);
  const subtype = field && /^content-type:\s*multipart\/([\w.+-]+)/i.exec(field[0].replace(/\r?\n[ \t]/g, ' '))?.[1];
  if (!field || !subtype) return raw;
  const declared = /boundary\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(field[0].replace(/\r?\n[ \t]/g, ' '));
  const boundary = declared?.[1] ?? declared?.[2];
  const lines = [...body.matchAll(DELIMITER)].map((match) => match[1] as string);
  if (boundary && lines.includes(boundary)) return raw;
  // The delimiter that opens most parts: a nested part's own boundary opens fewer, at the top level.
  const found = mostFrequent(lines);
  if (!found) return raw;
  const repaired = `Content-Type: multipart/${subtype}; boundary="${found.replace(/"/g, '')}"`;
  return Buffer.from(text.slice(0, field.index) + repaired + text.slice(field.index + field[0].length), 'latin1');
}

function mostFrequent(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (!best || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** The body of a raw message as text, header left out: UTF-8 when it is valid UTF-8, else Latin-1. */
export function rawBodyText(raw: Buffer): string {
  const latin = raw.toString('latin1');
  const end = HEADER_END.exec(latin);
  const body = raw.subarray(end ? Buffer.byteLength(latin.slice(0, end.index + end[0].length), 'latin1') : 0);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return body.toString('latin1');
  }
}

/** A uuencoded block in a text body (`begin 644 name` … `end`), the way old mailers attach files. */
const UUENCODED = /^begin [0-7]{3,4} ([^\r\n]+)\r?\n((?:[^\r\n]*\r?\n)*?)end[ \t]*(?:\r?\n|$)/gm;

/** The text with its uuencoded blocks taken out, and the files they held. */
export function takeUuencoded(text: string): { text: string; files: { fileName: string; content: Buffer }[] } {
  const files: { fileName: string; content: Buffer }[] = [];
  const rest = text.replace(UUENCODED, (_, name: string, data: string) => {
    files.push({ fileName: name.trim(), content: uudecode(data) });
    return '';
  });
  return { text: files.length ? rest : text, files };
}

function uudecode(data: string): Buffer {
  const bytes: number[] = [];
  for (const line of data.split(/\r?\n/)) {
    if (!line) continue;
    const length = (line.charCodeAt(0) - 32) & 63;
    const chars = [...line.slice(1)].map((ch) => (ch.charCodeAt(0) - 32) & 63);
    const decoded: number[] = [];
    for (let i = 0; i + 3 < chars.length + 3 && decoded.length < length; i += 4) {
      const [a = 0, b = 0, c = 0, d = 0] = chars.slice(i, i + 4);
      decoded.push(((a << 2) | (b >> 4)) & 255, ((b << 4) | (c >> 2)) & 255, ((c << 6) | d) & 255);
    }
    bytes.push(...decoded.slice(0, length));
  }
  return Buffer.from(bytes);
}
