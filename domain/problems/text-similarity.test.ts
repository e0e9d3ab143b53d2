import { describe, expect, it } from 'vitest';
import { foldAccents, lightStem, termsOf, trigramsOf, withoutQuotedHistory } from './text-similarity.js';

const keys = (text: string) => termsOf(text).map((term) => term.key);

describe('termsOf', () => {
  it('folds accents and case, and keeps how the word was written', () => {
    expect(termsOf('ENVÍO rechazado')).toEqual([
      { key: 'envio', surface: 'envío' },
      { key: 'rechazado', surface: 'rechazado' },
    ]);
    expect(foldAccents('Contraseña ÁRBOL')).toBe('contrasena arbol');
  });

  it('leaves out Spanish and English stop words and the courtesies of a desk mail', () => {
    expect(keys('Hola, no puedo enviar el correo porque me da un error. Gracias')).toEqual([
      'enviar',
      'correo',
      'error',
    ]);
    expect(keys('Hi, I cannot send the email because of an error. Thanks')).toEqual(['send', 'email', 'error']);
  });

  it('strips ticket numbers, mail addresses and links, long numbers and years; keeps status codes', () => {
    expect(keys('Igual que INC-004512 y #881: ver https://intranet.example/x o a soporte@mesa.example')).toEqual([
      'igual',
      'ver',
    ]);
    expect(keys('error 550 en el puerto 587 desde 2026, teléfono 225551234')).toEqual([
      'error',
      '550',
      'puerto',
      '587',
      'telefono',
    ]);
    expect(keys('código 0x800CCC0E')).toEqual(['codigo', '0x800ccc0e']);
  });

  it('takes plurals to their singular, roughly, in both languages', () => {
    expect(['correos', 'errores', 'printers', 'servidores', 'clase', 'address'].map(lightStem)).toEqual([
      'correo',
      'error',
      'printer',
      'servidor',
      'clase',
      'address',
    ]);
  });
});

describe('withoutQuotedHistory', () => {
  it('drops a reply quoted Gmail-style, in Spanish and English', () => {
    expect(
      withoutQuotedHistory(
        'Sigue fallando.\n\nEl lun, 30 nov 2026 a las 10:12, Mesa <soporte@mesa.example> escribió:\n> Hemos recibido su solicitud.',
      ).trim(),
    ).toBe('Sigue fallando.');
    expect(
      withoutQuotedHistory(
        'Still broken.\n\nOn Mon, Nov 30, 2026 at 10:12 AM Desk <d@x.example> wrote:\n> Hello',
      ).trim(),
    ).toBe('Still broken.');
  });

  it('drops an Outlook header and what follows, but keeps a line that only starts with "De:"', () => {
    expect(
      withoutQuotedHistory(
        'No sale nada.\n-----Mensaje original-----\nDe: Mesa\nEnviado: lunes\nAsunto: RE: caso',
      ).trim(),
    ).toBe('No sale nada.');
    expect(withoutQuotedHistory('Falla.\nDe: Mesa\nEnviado: lunes\nAsunto: x').trim()).toBe('Falla.');
    expect(withoutQuotedHistory('De: contabilidad, piden el informe\nque no carga.')).toBe(
      'De: contabilidad, piden el informe\nque no carga.',
    );
  });

  it('drops quoted lines and the signature after a closing, not a closing word mid-text', () => {
    expect(withoutQuotedHistory('> citado\nNo imprime.\nSaludos cordiales,\nCarla Díaz\nContabilidad')).toBe(
      'No imprime.',
    );
    expect(withoutQuotedHistory('No imprime. Quedo atento, saludos.')).toBe('No imprime.');
    expect(withoutQuotedHistory('Printer jams.\nRegards,\nJohn Miller')).toBe('Printer jams.');
    const long = 'Gracias.\nPero además el equipo no enciende y la pantalla queda negra tras varios minutos de espera.';
    expect(withoutQuotedHistory(long)).toBe(long);
  });
});

describe('trigramsOf', () => {
  it('marks the edges of the word', () => {
    expect(trigramsOf('red')).toEqual(['_re', 'red', 'ed_']);
  });
});
