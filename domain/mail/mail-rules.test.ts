import { describe, expect, it } from 'vitest';
import {
  type AutomaticKind,
  automaticMessage,
  isNoReplyAddress,
  newPartOfText,
  threadIds,
  ticketNumberInSubject,
} from './mail-rules.js';

const headers = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('mail rules', () => {
  it('tells bounces, out-of-office replies and lists from people', () => {
    expect(automaticMessage(headers({}), 'ana@cliente.cl')).toBeNull();
    expect(automaticMessage(headers({ 'auto-submitted': 'no' }), 'ana@cliente.cl')).toBeNull();
    expect(automaticMessage(headers({}), 'MAILER-DAEMON@mx.cliente.cl')?.kind).toBe('report');
    expect(automaticMessage(headers({}), 'ana@cliente.cl', 'multipart/report; report-type=delivery-status')?.kind).toBe(
      'report',
    );
  });

  // Each header alone, on a message that has nothing else: what the desk does with it.
  const SENDER = 'ana@cliente.cl';
  const alone: [string, Record<string, string>, AutomaticKind, boolean][] = [
    ['Auto-Submitted: auto-replied', { 'auto-submitted': 'auto-replied' }, 'auto_reply', true],
    [
      'Auto-Submitted: Auto-Replied; owner-email=x',
      { 'auto-submitted': 'Auto-Replied; owner-email=x' },
      'auto_reply',
      true,
    ],
    ['X-Autoreply: yes', { 'x-autoreply': 'yes' }, 'auto_reply', true],
    ['X-Autorespond: vacation', { 'x-autorespond': 'vacation' }, 'auto_reply', true],
    ['Precedence: auto_reply', { precedence: 'auto_reply' }, 'auto_reply', true],
    ['Auto-Submitted: auto-generated', { 'auto-submitted': 'auto-generated' }, 'bulk', false],
    ['Auto-Submitted: auto-notified', { 'auto-submitted': 'auto-notified' }, 'bulk', false],
    ['Precedence: bulk', { precedence: 'bulk' }, 'bulk', false],
    ['Precedence: junk', { precedence: 'junk' }, 'bulk', false],
    ['Precedence: List', { precedence: 'List' }, 'bulk', false],
    ['List-Id', { 'list-id': '<ops.cliente.cl>' }, 'bulk', false],
    ['List-Unsubscribe', { 'list-unsubscribe': '<mailto:leave@cliente.cl>' }, 'bulk', false],
    ['X-Auto-Response-Suppress: All', { 'x-auto-response-suppress': 'All' }, 'suppressed', false],
    ['X-Auto-Response-Suppress: AutoReply', { 'x-auto-response-suppress': 'AutoReply' }, 'suppressed', false],
    ['X-Auto-Response-Suppress: OOF', { 'x-auto-response-suppress': 'OOF' }, 'suppressed', false],
    ['X-Auto-Response-Suppress: DR, RN, NRN', { 'x-auto-response-suppress': 'DR, RN, NRN' }, 'suppressed', false],
  ];
  it.each(alone)('%s alone', (_, entries, kind, ignored) => {
    expect(automaticMessage(headers(entries), SENDER)).toMatchObject({ kind, ignored });
  });

  it('takes a person’s message whatever harmless header it carries alone', () => {
    const harmless: Record<string, string>[] = [
      { 'auto-submitted': 'no' },
      { 'auto-submitted': 'No' },
      { precedence: 'first-class' },
      { 'x-auto-response-suppress': 'None' },
      // A mailbox rule that forwards a person's mail adds this; alone it is no auto-reply.
      { 'x-ms-exchange-inbox-rules-loop': 'ana@cliente.cl' },
    ];
    for (const entries of harmless)
      expect(automaticMessage(headers(entries), SENDER), JSON.stringify(entries)).toBeNull();
  });

  it('ignores Exchange’s out-of-office (loop header with X-Auto-Response-Suppress, auto-generated)', () => {
    const exchange = headers({
      'x-auto-response-suppress': 'All',
      'x-ms-exchange-inbox-rules-loop': 'ana@cliente.cl',
      'auto-submitted': 'auto-generated',
    });
    expect(automaticMessage(exchange, SENDER)).toMatchObject({ kind: 'auto_reply', ignored: true });
  });

  it('lets the strongest kind win: an auto-reply from a list is still ignored', () => {
    const both = headers({ 'list-id': '<ops.cliente.cl>', 'auto-submitted': 'auto-replied' });
    expect(automaticMessage(both, SENDER)).toMatchObject({ kind: 'auto_reply', ignored: true });
  });

  it('takes mail from a no-reply sender in, unanswered, with nothing else on it', () => {
    for (const from of [
      'noreply@cliente.cl',
      'No-Reply@cliente.cl',
      'no_reply@cliente.cl',
      'donotreply@cliente.cl',
      'do-not-reply@cliente.cl',
      'do_not_reply@cliente.cl',
      'notifications@cliente.cl',
      'notification@cliente.cl',
      'noreply+ticket42@cliente.cl',
      'noreply-facturas@cliente.cl',
      'no-reply.alertas@cliente.cl',
    ])
      expect(automaticMessage(headers({}), from), from).toMatchObject({ kind: 'no_reply', ignored: false });
    for (const from of ['noreen@cliente.cl', 'replyto@cliente.cl', 'ana.noreply@cliente.cl', 'notificaciones.ana@x.cl'])
      expect(isNoReplyAddress(from), from).toBe(false);
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
