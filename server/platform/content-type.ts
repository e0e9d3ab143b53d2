import {
  ACTIVE_MARKUP_EXTENSIONS,
  extensionOf,
  nameForType,
  RUNNABLE_EXTENSIONS,
  safeFileName,
} from '../../domain/files/file-names.js';

/**
 * What a file really is, from its first bytes — never from its name or the type the browser
 * claimed — and whether the desk takes it. The policy of a service desk (docs/api.md,
 * "Attachments"): what people send to be looked at (logs, dumps, archives, office documents, CSV,
 * calendar invitations, images, PDF) is an ordinary attachment, always downloaded as a file and
 * never shown inline (only PNG, JPEG, GIF and WebP are shown, in a message's body). Only what is
 * dangerous to open is refused or neutralized:
 * - executables (PE, ELF programs, Mach-O, Windows shortcuts) are refused, whatever their name;
 * - a file named as runnable (`.exe`, `.msi`, `.jar`…) is refused unless it is text: a script
 *   (`.ps1`, `.bat`, `.js`…) is kept as plain text to be read (`deploy_ps1.txt`);
 * - HTML is kept as plain text (`page_html.txt`): its source can be read, never rendered;
 * - SVG is refused: it is an image that carries script, and showing it safely would need a
 *   rasterizer the desk does not have; the sender's PNG or PDF does the same job;
 * - a binary of no type known here is refused.
 * Refused files of a mail stay in the stored message, named on the ticket for staff to download
 * from the original (withheld-files).
 */
export interface DetectedType {
  contentType: string;
  /** Extensions a file of this type may carry, first the one added when the name claims another; [] keeps any. */
  extensions: string[];
}

export type RefusalReason = 'executable' | 'svg' | 'unknown_type';

export type FileVerdict =
  | { accepted: true; type: DetectedType; fileName: string }
  | { accepted: false; reason: RefusalReason; fileName: string; message: string };

/** Images a browser shows safely in a message's body; every other type is only downloaded. */
export const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const startsWith = (bytes: Buffer, signature: number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (bytes: Buffer, text: string, offset = 0) =>
  bytes.toString('latin1', offset, offset + text.length) === text;

const type = (contentType: string, ...extensions: string[]): DetectedType => ({ contentType, extensions });

const OFFICE_ZIP: Record<string, DetectedType> = {
  docx: type('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', 'docm'),
  docm: type('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docm', 'docx'),
  xlsx: type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 'xlsm'),
  xlsm: type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsm', 'xlsx'),
  pptx: type('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx', 'pptm'),
  pptm: type('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptm', 'pptx'),
  odt: type('application/vnd.oasis.opendocument.text', 'odt'),
  ods: type('application/vnd.oasis.opendocument.spreadsheet', 'ods'),
  odp: type('application/vnd.oasis.opendocument.presentation', 'odp'),
};

const TEXT_TYPES: Record<string, DetectedType> = {
  csv: type('text/csv', 'csv'),
  tsv: type('text/tab-separated-values', 'tsv'),
};
const PLAIN_TEXT = type(
  'text/plain',
  'txt',
  'log',
  'csv',
  'tsv',
  'json',
  'xml',
  'eml',
  'md',
  'yaml',
  'yml',
  'ini',
  'conf',
  'cfg',
  'sql',
  'out',
  'trace',
  'sh',
  'py',
  'diff',
  'patch',
);

/** Every extension a type here claims: a name ending in another type's one is corrected, not kept. */
const CLAIMED = new Set([
  ...Object.values(OFFICE_ZIP).flatMap((t) => t.extensions),
  ...PLAIN_TEXT.extensions,
  ...['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'tif', 'tiff', 'pdf', 'zip', 'gz', 'tgz', 'bz2', 'xz', 'zst'],
  ...['7z', 'rar', 'tar', 'doc', 'xls', 'ppt', 'msg', 'rtf', 'ics', 'dmp', 'mdmp', 'pcap', 'pcapng'],
  ...['evtx', 'cab', 'heic', 'heif', 'mov', 'mp4', 'm4v'],
]);

/** Programs, by their first bytes. An ELF core dump is no program: it is taken as a dump. */
function isExecutable(head: Buffer): boolean {
  if (ascii(head, 'MZ')) return true;
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return !isCoreDump(head);
  // Mach-O 32/64 bits either byte order, and universal binaries (0xCAFEBABE, which a Java class shares).
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(head.readUInt32BE(0))) return true;
  // A Windows shortcut (.lnk) runs what it points at.
  return startsWith(head, [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00]);
}

const isCoreDump = (head: Buffer) =>
  head.length >= 18 && (head[5] === 2 ? head.readUInt16BE(16) : head.readUInt16LE(16)) === 4;

const binaryType = (head: Buffer, extension: string): DetectedType | undefined => {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return type('image/png', 'png');
  if (startsWith(head, [0xff, 0xd8, 0xff])) return type('image/jpeg', 'jpg', 'jpeg');
  if (ascii(head, 'GIF8')) return type('image/gif', 'gif');
  if (ascii(head, 'RIFF') && ascii(head, 'WEBP', 8)) return type('image/webp', 'webp');
  if (ascii(head, 'II*\u0000') || ascii(head, 'MM\u0000*')) return type('image/tiff', 'tif', 'tiff');
  if (ascii(head, '%PDF-')) return type('application/pdf', 'pdf');
  if (ascii(head, 'PK\u0003\u0004') || ascii(head, 'PK\u0005\u0006')) {
    // Office files are zip archives; the name tells which one, the bytes tell it is a zip.
    return OFFICE_ZIP[extension] ?? type('application/zip', 'zip');
  }
  // Compressed log bundles; zip and gzip are judged for bombs and nesting by archive-inspection.ts.
  if (startsWith(head, [0x1f, 0x8b, 0x08])) return type('application/gzip', 'gz', 'tgz');
  if (ascii(head, 'BZh')) return type('application/x-bzip2', 'bz2', 'tbz2');
  if (startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return type('application/x-xz', 'xz', 'txz');
  if (startsWith(head, [0x28, 0xb5, 0x2f, 0xfd])) return type('application/zstd', 'zst');
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return type('application/x-7z-compressed', '7z');
  if (ascii(head, 'Rar!\u001a\u0007')) return type('application/vnd.rar', 'rar');
  if (ascii(head, 'ustar', 257)) return type('application/x-tar', 'tar');
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return type('application/vnd.ms-office', 'doc', 'xls', 'ppt', 'msg');
  // Crash dumps: a Windows minidump, an ELF core (any name: `core`, `core.4411`).
  if (ascii(head, 'MDMP')) return type('application/vnd.microsoft.minidump', 'dmp', 'mdmp');
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46]) && isCoreDump(head)) return type('application/x-core');
  // Windows event logs and cabinet files (diagnostic bundles; the virus scanner looks inside).
  if (ascii(head, 'ElfFile\u0000')) return type('application/x-ms-evtx', 'evtx');
  if (ascii(head, 'MSCF\u0000\u0000\u0000\u0000')) return type('application/vnd.ms-cab-compressed', 'cab');
  // Phone photos and screen recordings: ISO media files, told apart by their brand.
  if (ascii(head, 'ftyp', 4)) {
    const brand = head.toString('latin1', 8, 12);
    if (/^(heic|heix|heim|heis|mif1|msf1)$/.test(brand)) return type('image/heic', 'heic', 'heif');
    if (brand === 'qt  ') return type('video/quicktime', 'mov');
    return type('video/mp4', 'mp4', 'm4v', 'mov');
  }
  if (ascii(head, 'BM') && head.length >= 10 && head.readUInt32LE(6) === 0) return type('image/bmp', 'bmp');
  // Network captures, libpcap either byte order and pcapng.
  if ([0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1].includes(head.readUInt32BE(0)))
    return type('application/vnd.tcpdump.pcap', 'pcap', 'cap');
  if (startsWith(head, [0x0a, 0x0d, 0x0d, 0x0a])) return type('application/x-pcapng', 'pcapng');
  return undefined;
};

/**
 * The file's first characters when it is text, else null: UTF-8 (or any ASCII-compatible charset),
 * or UTF-16 with its byte-order mark, as Windows writes many of its logs and exports.
 */
function textOf(bytes: Buffer): string | null {
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = bytes.subarray(2, bytes.length - (bytes.length % 2)).toString('utf16le');
  else if (startsWith(bytes, [0xfe, 0xff])) {
    const even = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    text = even.swap16().toString('utf16le');
  } else text = bytes.toString('utf8');
  // Control characters other than tab, newline, form feed, carriage return and escape mean binary.
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x09 || (code > 0x0d && code < 0x20 && code !== 0x1b)) return null;
  }
  return text;
}

const SVG = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!doctype svg[^>]*>\s*)*<svg\b/i;
const HTML = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body|script|iframe)\b/i;

function textType(text: string, extension: string): DetectedType {
  if (/^\s*\{\\rtf/.test(text)) return type('application/rtf', 'rtf');
  if (/^\s*BEGIN:VCALENDAR/i.test(text)) return type('text/calendar', 'ics');
  return TEXT_TYPES[extension] ?? PLAIN_TEXT;
}

const refused = (reason: RefusalReason, name: string, message: string): FileVerdict => ({
  accepted: false,
  reason,
  fileName: safeFileName(name) || 'file',
  message,
});

/** The desk's verdict on a file from its first bytes (4 KiB are plenty) and the name it was sent with. */
export function judgeFile(head: Buffer, name: string): FileVerdict {
  const extension = extensionOf(safeFileName(name));
  if (head.length >= 4 && isExecutable(head)) return refused('executable', name, 'Programs are not attached');
  const binary = head.length >= 4 ? binaryType(head, extension) : undefined;
  if (binary) {
    if (RUNNABLE_EXTENSIONS.has(extension))
      return refused('executable', name, 'Files named as programs are not attached');
    return { accepted: true, type: binary, fileName: nameForType(name, binary.extensions, CLAIMED) };
  }
  const text = textOf(head);
  if (text === null) return refused('unknown_type', name, 'Files of this type are not attached');
  if (SVG.test(text) || extension === 'svg')
    return refused('svg', name, 'SVG images are not attached: they can carry scripts');
  const detected = HTML.test(text) || ACTIVE_MARKUP_EXTENSIONS.has(extension) ? PLAIN_TEXT : textType(text, extension);
  return { accepted: true, type: detected, fileName: nameForType(name, detected.extensions, CLAIMED) };
}
