import { describe, expect, it } from 'vitest';
import { automaticMessage, newPartOfText, threadIds, ticketNumberInSubject } from './mail-rules.js';

const headers = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('mail rules', () => {
  it('tells bounces, out-of-office replies and lists from people', () => {
    expect(automaticMessage(headers({}), 'ana@cliente.cl')).toBeNull();
    expect(automaticMessage(headers({ 'auto-submitted': 'no' }), 'ana@cliente.cl')).toBeNull();
    expect(automaticMessage(headers({}), 'MAILER-DAEMON@mx.cliente.cl')?.kind).toBe('report');
    expect(automaticMessage(headers({}), 'ana@cliente.cl', 'multipart/report; report-type=delivery-status')?.kind).toBe(
      'report',
    );
    expect(automaticMessage(headers({ 'auto-submitted': 'auto-replied' }), 'ana@cliente.cl')?.kind).toBe('auto_reply');
    expect(automaticMessage(headers({ 'x-autoreply': 'yes' }), 'ana@cliente.cl')?.kind).toBe('auto_reply');
    expect(automaticMessage(headers({ 'auto-submitted': 'auto-generated' }), 'monitor@cliente.cl')?.kind).toBe('bulk');
    expect(automaticMessage(headers({ precedence: 'bulk' }), 'news@cliente.cl')?.kind).toBe('bulk');
    expect(automaticMessage(headers({ 'list-id': '<ops.cliente.cl>' }), 'ops@cliente.cl')?.kind).toBe('bulk');
  });

  it('finds the ticket number in a subject, however the client decorated it', () => {
    expect(ticketNumberInSubject('RE: [INC-000123] El ERP no abre')).toBe('INC-000123');
    expect(ticketNumberInSubject('Fwd: RV: [req-45] alta de usuario')).toBe('REQ-000045');
    expect(ticketNumberInSubject('INC-000123 sin corchetes')).toBeNull();
    expect(ticketNumberInSubject('[ABC-1] otra cosa')).toBeNull();
  });

  it('reads thread ids from In-Reply-To and References, newest first', () => {
    expect(threadIds('<c@x>', '<a@x> <b@x>')).toEqual(['c@x', 'b@x', 'a@x']);
    expect(threadIds(null, ['<a@x>', '<b@x>'])).toEqual(['b@x', 'a@x']);
    expect(threadIds(undefined, undefined)).toEqual([]);
  });

  it('keeps the new part of a reply, without the quoted history or the signature', () => {
    expect(
      newPartOfText('Ya funciona, gracias.\n\nEl lun, 30 nov 2026 a las 10:00, Mesa <m@x> escribió:\n> Hola'),
    ).toBe('Ya funciona, gracias.');
    expect(newPartOfText('Works now.\n-- \nAna Pérez\nClínica Andina')).toBe('Works now.');
    expect(newPartOfText('Sigue igual\n\n-----Original Message-----\nFrom: Mesa')).toBe('Sigue igual');
    expect(newPartOfText('Sigue igual\r\n\r\n> quoted\r\n> more\r\n')).toBe('Sigue igual');
    expect(newPartOfText('> only quoted')).toBe('> only quoted');
  });
});
