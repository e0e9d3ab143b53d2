import { describe, expect, it } from 'vitest';
import { judgeFile } from './content-type.js';

const PE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const TEXT = Buffer.from('2026-03-16 10:00:01 ERROR spooler stopped\n');
const ZIP = Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000');

type Row = [string, string, Buffer, string | { refused: string }, string?];

describe('judgeFile: the name follows the bytes', () => {
  const rows: Row[] = [
    ['invoice.pdf.exe holding a program', 'invoice.pdf.exe', PE, { refused: 'executable' }],
    ['a program named as a PDF', 'setup.pdf', PE, { refused: 'executable' }],
    ['a PDF named .exe (a lie either way)', 'informe.exe', PDF, { refused: 'executable' }],
    [
      'report.exe.pdf holding a PDF: the inner extension defused',
      'report.exe.pdf',
      PDF,
      'report_exe.pdf',
      'application/pdf',
    ],
    ['a right-to-left override hiding .exe', 'photo\u202Egnp.exe', PE, { refused: 'executable' }],
    ['the override hiding .exe on a real PNG', 'photo\u202Egnp.exe', PNG, { refused: 'executable' }],
    ['an extension another type claims is replaced', 'foto.gif', PNG, 'foto.png', 'image/png'],
    ['no extension gets the type’s', 'captura', PNG, 'captura.png', 'image/png'],
    ['an unknown extension stays and the type’s is added', 'notas.v2', TEXT, 'notas.v2.txt', 'text/plain'],
    ['a log', 'spooler.log', TEXT, 'spooler.log', 'text/plain'],
    ['CSV', 'Registro – marzo.csv', Buffer.from('a;b\n1;2\n'), 'Registro – marzo.csv', 'text/csv'],
    [
      'a script is kept as text to be read',
      'deploy.ps1',
      Buffer.from('Get-Service spooler\n'),
      'deploy_ps1.txt',
      'text/plain',
    ],
    ['a batch file', 'arreglo.bat', Buffer.from('@echo off\r\nnet stop spooler\r\n'), 'arreglo_bat.txt', 'text/plain'],
    [
      'HTML is kept as text',
      'pagina.html',
      Buffer.from('<!DOCTYPE html><script>x()</script>'),
      'pagina_html.txt',
      'text/plain',
    ],
    [
      'HTML named as an image',
      'foto.png',
      Buffer.from('<html><script>alert(1)</script></html>'),
      'foto.txt',
      'text/plain',
    ],
    [
      'SVG',
      'diagrama.svg',
      Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      { refused: 'svg' },
    ],
    ['SVG named .txt', 'notas.txt', Buffer.from('<svg onload="alert(1)"/>'), { refused: 'svg' }],
    ['a zip named .jar', 'tool.jar', ZIP, { refused: 'executable' }],
    ['a zip', 'logs ADM-03.zip', ZIP, 'logs ADM-03.zip', 'application/zip'],
    [
      'a Word document',
      'acta.docx',
      ZIP,
      'acta.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['an Impress document', 'charla.odp', ZIP, 'charla.odp', 'application/vnd.oasis.opendocument.presentation'],
    [
      'an old Excel book',
      'costos.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'costos.xls',
      'application/vnd.ms-office',
    ],
    [
      'an installer (OLE named .msi)',
      'setup.msi',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      { refused: 'executable' },
    ],
    ['RTF', 'carta.rtf', Buffer.from('{\\rtf1\\ansi hola}'), 'carta.rtf', 'application/rtf'],
    [
      'a calendar invitation',
      'invite.ics',
      Buffer.from('BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n'),
      'invite.ics',
      'text/calendar',
    ],
    [
      'a calendar part with no name',
      'attachment-2',
      Buffer.from('BEGIN:VCALENDAR\r\n'),
      'attachment-2.ics',
      'text/calendar',
    ],
    [
      '7z',
      'respaldo.7z',
      Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]),
      'respaldo.7z',
      'application/x-7z-compressed',
    ],
    ['rar', 'fotos.rar', Buffer.from('Rar!\u001a\u0007\u0001\u0000'), 'fotos.rar', 'application/vnd.rar'],
    [
      'tar',
      'etc.tar',
      Buffer.concat([Buffer.alloc(257), Buffer.from('ustar\u000000')]),
      'etc.tar',
      'application/x-tar',
    ],
    ['gzip', 'logs.tar.gz', Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]), 'logs.tar.gz', 'application/gzip'],
    [
      'a minidump',
      'MEMORY.DMP',
      Buffer.from('MDMP\u0093\u00a7\u0000\u0000'),
      'MEMORY.DMP',
      'application/vnd.microsoft.minidump',
    ],
    ['an ELF core dump keeps its name', 'core.4411', elf(4), 'core.4411', 'application/x-core'],
    ['an ELF program', 'agente', elf(2), { refused: 'executable' }],
    [
      'a Windows shortcut',
      'Informe.pdf.lnk',
      Buffer.from([0x4c, 0, 0, 0, 1, 0x14, 2, 0, 0, 0]),
      { refused: 'executable' },
    ],
    [
      'a UTF-16 log (Windows)',
      'setupapi.log',
      Buffer.from('\ufeff[Device Install]\r\n', 'utf16le'),
      'setupapi.log',
      'text/plain',
    ],
    [
      'a Windows event log',
      'Application.evtx',
      Buffer.from('ElfFile\u0000\u0000\u0000\u0000\u0000', 'latin1'),
      'Application.evtx',
      'application/x-ms-evtx',
    ],
    [
      'a cabinet',
      'diag.cab',
      Buffer.from('MSCF\u0000\u0000\u0000\u0000\u0010\u0000', 'latin1'),
      'diag.cab',
      'application/vnd.ms-cab-compressed',
    ],
    [
      'a phone photo',
      'IMG_0042.HEIC',
      Buffer.from('\u0000\u0000\u0000\u0018ftypheic\u0000\u0000', 'latin1'),
      'IMG_0042.HEIC',
      'image/heic',
    ],
    [
      'a screen recording',
      'grabacion.mp4',
      Buffer.from('\u0000\u0000\u0000\u0020ftypisom\u0000\u0000', 'latin1'),
      'grabacion.mp4',
      'video/mp4',
    ],
    ['UTF-16 text hiding an SVG', 'plano.txt', Buffer.from('\ufeff<svg onload="x()"/>', 'utf16le'), { refused: 'svg' }],
    [
      'unknown binary',
      'smime.p7s',
      Buffer.from([0x30, 0x82, 0x06, 0x01, 0x06, 0x09, 0x2a, 0x86]),
      { refused: 'unknown_type' },
    ],
    [
      'markup in the name of a PDF',
      '"><img src=x onerror=alert(1)>.pdf',
      PDF,
      'img src=x alert(1).pdf',
      'application/pdf',
    ],
  ];
  it.each(rows)('%s', (_, name, bytes, expected, contentType) => {
    const verdict = judgeFile(bytes, name);
    if (typeof expected === 'string') {
      expect(verdict).toMatchObject({ accepted: true, fileName: expected, type: { contentType } });
    } else {
      expect(verdict).toMatchObject({ accepted: false, reason: expected.refused });
    }
  });
});

/** The first bytes of an ELF file of a type (2 a program, 4 a core dump), little-endian. */
function elf(type: number): Buffer {
  const head = Buffer.alloc(64);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(head);
  head.writeUInt16LE(type, 16);
  return head;
}
