import { describe, expect, it } from 'vitest';
import { BODY_SHOWN, HEADER_SHOWN, PREVIEW_MAX_BYTES, previewable, readSource } from './mail-source.js';

describe('readSource', () => {
  it('unfolds header fields and keeps the body as sent, markup included', () => {
    const source = readSource(
      'From: Ana <ana@clinica.test>\r\nSubject: =?utf-8?q?Impresora?=\r\n de admisión\r\nX-Empty:\r\n\r\n<b>Hola</b>\r\n\r\nchao\r\n',
    );
    expect(source.headers).toEqual([
      { name: 'From', value: 'Ana <ana@clinica.test>', cut: false },
      { name: 'Subject', value: '=?utf-8?q?Impresora?= de admisión', cut: false },
      { name: 'X-Empty', value: '', cut: false },
    ]);
    expect(source.body).toBe('<b>Hola</b>\r\n\r\nchao\r\n');
    expect(source.bodyCut).toBe(false);
  });

  it('cuts a huge header value and a huge body, and says so', () => {
    const source = readSource(`Subject: ${'a'.repeat(HEADER_SHOWN + 5)}\n\n${'b'.repeat(BODY_SHOWN + 5)}`);
    expect(source.headers[0]).toMatchObject({ name: 'Subject', cut: true });
    expect(source.headers[0]?.value).toHaveLength(HEADER_SHOWN);
    expect(source.body).toHaveLength(BODY_SHOWN);
    expect(source.bodyCut).toBe(true);
  });

  it('reads a message that is all header', () => {
    expect(readSource('To: soporte@mesa.test')).toEqual({
      headers: [{ name: 'To', value: 'soporte@mesa.test', cut: false }],
      body: '',
      bodyCut: false,
    });
  });

  it('previews messages up to 5 MiB and leaves larger ones to the download', () => {
    expect(previewable(PREVIEW_MAX_BYTES)).toBe(true);
    expect(previewable(PREVIEW_MAX_BYTES + 1)).toBe(false);
  });
});
