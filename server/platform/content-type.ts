/**
 * What a file really is, from its first bytes — never from its name or the type the browser
 * claimed. Only the kinds a service desk needs are accepted; anything else is refused.
 */
export interface DetectedType {
  contentType: string;
  /** Extensions a file of this type may carry; the name is fixed when it claims another. */
  extensions: string[];
}

const startsWith = (bytes: Buffer, signature: number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte);

const OFFICE_ZIP: Record<string, DetectedType> = {
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  pptx: {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
};

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return true;
  // Control bytes other than tab, newline, form feed and carriage return mean binary.
  if (bytes.some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20))) return false;
  const text = bytes.toString('utf8');
  // Markup is refused as text: served back, a browser might render it.
  return !/<\s*(html|script|svg|iframe|!doctype|body|object|embed)\b/i.test(text);
}

export function detectContentType(head: Buffer, fileName: string): DetectedType | undefined {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { contentType: 'image/png', extensions: ['png'] };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] };
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return { contentType: 'image/gif', extensions: ['gif'] };
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { contentType: 'image/webp', extensions: ['webp'] };
  }
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { contentType: 'application/pdf', extensions: ['pdf'] };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    // Office files are zip archives; the name tells which one, the bytes tell it is a zip.
    return OFFICE_ZIP[extension] ?? { contentType: 'application/zip', extensions: ['zip'] };
  }
  // A compressed log bundle (.tar.gz, .gz); judged for bombs and nesting by archive-inspection.ts.
  if (startsWith(head, [0x1f, 0x8b, 0x08])) return { contentType: 'application/gzip', extensions: ['gz', 'tgz'] };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { contentType: 'application/vnd.ms-office', extensions: ['doc', 'xls', 'ppt', 'msg'] };
  }
  if (looksLikeText(head)) {
    if (extension === 'csv') return { contentType: 'text/csv', extensions: ['csv'] };
    return { contentType: 'text/plain', extensions: ['txt', 'log', 'csv', 'json', 'xml', 'eml', 'md'] };
  }
  return undefined;
}

/** A file name safe to store and to send back in Content-Disposition. */
export function cleanFileName(name: string, detected: DetectedType): string {
  const base = [...name]
    .filter((ch) => ch.charCodeAt(0) >= 0x20)
    .join('')
    .replace(/[\\/]/g, '_')
    .replace(/["<>|:*?]/g, '')
    .trim()
    .slice(0, 150);
  const extension = base.toLowerCase().split('.').pop() ?? '';
  if (base && detected.extensions.includes(extension)) return base;
  return `${base || 'file'}.${detected.extensions[0]}`;
}
