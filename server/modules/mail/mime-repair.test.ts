import { describe, expect, it } from 'vitest';
import { readMail } from './mail-reader.js';
import { rawBodyText, takeUuencoded, withWorkingBoundary } from './mime-repair.js';

const message = (contentType: string, body: string) =>
  Buffer.from(`From: a@clinica.test\r\nSubject: x\r\n${contentType}\r\n\r\n${body.replace(/\n/g, '\r\n')}`, 'latin1');

const TWO_PARTS = `--real-one
Content-Type: text/plain; charset=utf-8

Primera parte.
--real-one
Content-Type: text/plain; name="a.log"
Content-Disposition: attachment; filename="a.log"

linea de registro
--real-one--
`;

describe('withWorkingBoundary', () => {
  it.each([
    ['no boundary parameter', 'Content-Type: multipart/mixed'],
    ['a boundary the parts do not use', 'Content-Type: multipart/mixed; boundary="declared"'],
    ['a folded header with the wrong boundary', 'Content-Type: multipart/mixed;\r\n\tboundary=declared'],
  ])('finds the boundary the parts use: %s', async (_, header) => {
    const mail = await readMail(message(header, TWO_PARTS));
    expect(mail.text.trim()).toBe('Primera parte.');
    expect(mail.attachments.map((file) => file.fileName)).toEqual(['a.log']);
  });

  it('leaves a sound message byte for byte as it was', () => {
    const raw = message('Content-Type: multipart/mixed; boundary="real-one"', TWO_PARTS);
    expect(withWorkingBoundary(raw)).toBe(raw);
  });

  it('keeps the top-level boundary when a nested part opens as many parts', () => {
    const nested = `--outer
Content-Type: multipart/alternative; boundary="inner"

--inner
Content-Type: text/plain

texto
--inner
Content-Type: text/html

<p>texto</p>
--inner--
--outer
Content-Type: text/plain; name="b.txt"
Content-Disposition: attachment; filename="b.txt"

adjunto
--outer--
`;
    const repaired = withWorkingBoundary(message('Content-Type: multipart/mixed', nested)).toString('latin1');
    expect(repaired).toContain('Content-Type: multipart/mixed; boundary="outer"');
  });
});

describe('rawBodyText', () => {
  it('is the body after the header, UTF-8 when valid, else Latin-1', async () => {
    expect(rawBodyText(Buffer.from('Subject: x\r\n\r\nCañería rota\r\n'))).toBe('Cañería rota\r\n');
    expect(rawBodyText(Buffer.from('Subject: x\r\n\r\nCa\u00f1er\u00eda\r\n', 'latin1'))).toBe('Cañería\r\n');
    // A multipart message with no part at all keeps what it says.
    const mail = await readMail(message('Content-Type: multipart/mixed; boundary="x"', 'solo texto, sin partes\n'));
    expect(mail.text).toContain('solo texto, sin partes');
  });
});

describe('takeUuencoded', () => {
  it('takes each block out of the text as a file', () => {
    const text = 'Adjunto:\n\nbegin 644 hola.txt\n%:&]L80H`\n`\nend\n\nSaludos\n';
    const { text: rest, files } = takeUuencoded(text);
    expect(files).toEqual([{ fileName: 'hola.txt', content: Buffer.from('hola\n') }]);
    expect(rest).toBe('Adjunto:\n\n\nSaludos\n');
  });

  it('leaves text with no block untouched', () => {
    expect(takeUuencoded('begin the migration\nend of story\n')).toEqual({
      text: 'begin the migration\nend of story\n',
      files: [],
    });
  });
});
