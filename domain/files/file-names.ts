/**
 * File names that cannot lie. A name comes from a sender (a mail part, a browser upload) and is
 * shown to staff who may open the file, so everything that makes a name read differently from
 * what it is goes: bidirectional overrides (`photo\u202Egnp.exe` reads `photoexe.png`),
 * zero-width and other invisible format characters, paths, and markup. Pure: used by uploads and
 * mail alike (conversation.service `upload`).
 */

/**
 * Extensions that run code when opened on a desktop (Windows above all, where most requesters
 * are). A file whose last extension is one of these is refused unless its bytes are text (a
 * script, kept to be read as `.txt`: content-type.ts); one of these anywhere but last
 * (`report.exe.pdf`) loses its dot (`report_exe.pdf`), so no viewer that hides the last extension
 * shows an executable. `sh` and `py` stay ordinary text: a desktop does not run them on a double
 * click, and sysadmins send them to be read.
 */
export const RUNNABLE_EXTENSIONS = new Set([
  'exe',
  'dll',
  'sys',
  'drv',
  'ocx',
  'cpl',
  'msi',
  'msp',
  'mst',
  'bat',
  'cmd',
  'com',
  'scr',
  'pif',
  'ps1',
  'psm1',
  'psd1',
  'ps1xml',
  'vbs',
  'vbe',
  'js',
  'jse',
  'mjs',
  'wsf',
  'wsh',
  'wsc',
  'hta',
  'jar',
  'lnk',
  'url',
  'scf',
  'reg',
  'msc',
  'inf',
  'gadget',
  'application',
  'appx',
  'appxbundle',
  'msix',
  'msixbundle',
  'appref-ms',
  'settingcontent-ms',
  'library-ms',
  'chm',
  'xll',
  'xbap',
  'action',
  'app',
  'command',
  'workflow',
  'apk',
  'dmg',
  'pkg',
]);

/** Markup a browser would render (and run) when the file is opened: kept only as text (content-type.ts). */
export const ACTIVE_MARKUP_EXTENSIONS = new Set([
  'html',
  'htm',
  'xhtml',
  'xht',
  'shtml',
  'mht',
  'mhtml',
  'svg',
  'svgz',
]);

/** Extensions that lose their dot wherever they are not the type's own. */
const DEFUSED = new Set([...RUNNABLE_EXTENSIONS, ...ACTIVE_MARKUP_EXTENSIONS]);

const MAX_LENGTH = 150;

/** Characters a reader cannot see or that reorder what they see; control characters too. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/gu;
/** What could close an attribute or open a tag where a name is placed in markup, and Windows' reserved characters. */
const MARKUP = /[<>"'`|:*?]/g;
/** An event handler written into a name (`x onerror=alert(1).png`). */
const HANDLER = /on[a-z]*\s*=/gi;

/**
 * A name safe to store, show and send back in Content-Disposition: no invisible characters, a
 * base name only (a path by `/` or `\` is dropped), no markup characters nor `on…=`, no leading
 * or trailing dots and spaces (Windows drops trailing ones: `a.exe.` opens as `a.exe`). May be ''.
 */
export function safeFileName(name: string): string {
  let text = name.normalize('NFC').replace(INVISIBLE, '');
  text = text.split(/[\\/]/).pop() ?? '';
  // Removing one `on…=` may join the text around it into another (`oonerror=n=`): until none is left.
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(MARKUP, '').replace(HANDLER, '');
  }
  text = text
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .trim();
  if ([...text].length <= MAX_LENGTH) return text;
  // Too long: the end of the stem goes, the extension stays.
  const dot = text.lastIndexOf('.');
  const extension = dot > 0 && text.length - dot <= 16 ? text.slice(dot) : '';
  return (
    [...text.slice(0, text.length - extension.length)].slice(0, MAX_LENGTH - extension.length).join('') + extension
  );
}

/** The last extension of a name, lower case ('' when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Whether a name ends in an extension that runs code when opened. */
export const isRunnableName = (name: string) => RUNNABLE_EXTENSIONS.has(extensionOf(safeFileName(name)));

/**
 * The stored name of a file whose bytes are of a known type: the safe name, any runnable or
 * markup extension but the type's own defused (`report.exe.pdf` -> `report_exe.pdf`,
 * `page.html` as text -> `page_html.txt`), and the last extension kept only when it is one the
 * type may carry. One that another type claims (`photo.gif` holding a PNG) is replaced
 * (`photo.png`); any other (`notes.v2` holding text) stays and the type's is added (`notes.v2.txt`).
 * `allowed` holds the type's extensions, first the one to add; `claimed` every extension some
 * known type uses. An empty `allowed` keeps any harmless extension (a core dump's `core.4411`).
 */
export function nameForType(name: string, allowed: readonly string[], claimed: ReadonlySet<string>): string {
  const safe = safeFileName(name) || 'file';
  const parts = safe.split('.');
  const last = parts.length > 1 ? (parts.pop() as string) : null;
  const stem = parts.reduce((joined, part) => `${joined}${DEFUSED.has(part.toLowerCase()) ? '_' : '.'}${part}`);
  const extension = last?.toLowerCase() ?? '';
  if (last !== null && (allowed.length === 0 ? !DEFUSED.has(extension) : allowed.includes(extension)))
    return `${stem}.${last}`;
  const added = allowed[0] ?? 'bin';
  if (last === null) return allowed.length === 0 ? stem : `${stem}.${added}`;
  if (DEFUSED.has(extension)) return `${stem}_${last}.${added}`;
  if (claimed.has(extension)) return `${stem}.${added}`;
  return `${stem}.${last}.${added}`;
}
