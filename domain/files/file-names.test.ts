import { describe, expect, it } from 'vitest';
import { safeFileName } from './file-names.js';

describe('safeFileName', () => {
  it.each([
    ['plain', 'Informe de caída — marzo.pdf', 'Informe de caída — marzo.pdf'],
    ['right-to-left override', 'photo\u202Egnp.exe', 'photognp.exe'],
    ['every bidi control', '\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee\u2066f\u2067g\u2068h\u2069.txt', 'abcdefgh.txt'],
    ['zero-width characters', 'fac\u200Btu\u200Cra\u200D\uFEFF\u2060.pdf', 'factura.pdf'],
    ['other format characters (soft hyphen, Arabic letter mark)', 'in\u00ADforme\u061C.pdf', 'informe.pdf'],
    ['control characters', 'a\u0000b\u0007c\u001b.txt', 'abc.txt'],
    ['a Unix path', '../../etc/passwd', 'passwd'],
    ['a Windows path', 'C:\\Users\\ana\\Desktop\\nota.txt', 'nota.txt'],
    ['a mixed path', 'a/b\\c/..\\informe.pdf', 'informe.pdf'],
    ['markup', '<img src=x onerror=alert(1)>.png', 'img src=x alert(1).png'],
    ['quotes', `"a'b".txt`, 'ab.txt'],
    ['an event handler rebuilt by removal', 'x oonerror=nload=.png', 'x .png'],
    ['trailing dots and spaces (Windows drops them)', 'factura.exe. . ', 'factura.exe'],
    ['leading dots (hidden files)', '...bashrc', 'bashrc'],
    ['Windows reserved characters', 'a:b*c?d|e.txt', 'abcde.txt'],
    ['NFC', 'Cafe\u0301.txt', 'Café.txt'],
    ['only invisible', '\u202E\u200B', ''],
  ])('%s', (_, name, expected) => expect(safeFileName(name)).toBe(expected));

  it('cuts a long name to 150 characters, keeping the extension', () => {
    const name = safeFileName(`${'a'.repeat(300)}.pdf`);
    expect(name).toHaveLength(150);
    expect(name.endsWith('a.pdf')).toBe(true);
  });
});
