import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDeliveryReport } from './mail-rules-bounces.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/mail/${name}`, import.meta.url)).toString('latin1');

describe('delivery reports', () => {
  it('reads an Exchange NDR: the original in text/rfc822-headers, the failure in a DSN', () => {
    expect(readDeliveryReport(fixture('09-bounce-dsn-exchange.eml'))).toEqual({
      messageIds: ['019a1f3c2b7e.4d5e6f70@mesa.test'],
      outboundIds: [],
      failures: [
        {
          recipient: 'exfuncionaria@clinica.test',
          status: '5.1.10',
          diagnostic: '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
        },
      ],
      noFailure: false,
    });
  });

  it('reads a Postfix bounce: the original in message/rfc822, a folded Diagnostic-Code', () => {
    expect(readDeliveryReport(fixture('10-bounce-postfix-undelivered.eml'))).toMatchObject({
      messageIds: ['019a1f41aa02.7c8d9e0f@mesa.test'],
      failures: [
        {
          recipient: 'cajero.114@banco.test',
          status: '5.2.2',
          diagnostic: '550 5.2.2 <cajero.114@banco.test>: Recipient address rejected: Mailbox full',
        },
      ],
    });
  });

  it('reads a qmail bounce, which is plain text with the copy below a mark', () => {
    expect(readDeliveryReport(fixture('11-bounce-qmail-plain.eml'))).toEqual({
      messageIds: ['019a1f4a0c11.1a2b3c4d@mesa.test'],
      outboundIds: [],
      failures: [
        {
          recipient: 'practicante2025@clinica.test',
          status: '5.1.1',
          diagnostic: 'Sorry, no mailbox here by that name.',
        },
      ],
      noFailure: false,
    });
  });

  const dsn = (action: string, original: string, encoding = '') =>
    [
      'From: MAILER-DAEMON@mx.test',
      'Content-Type: multipart/report; report-type=delivery-status; boundary=b1',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Delay or failure.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.test',
      '',
      'Final-Recipient: rfc822; <Ana@Cliente.test>',
      `Action: ${action}`,
      'Status: 4.4.7',
      '',
      '--b1',
      'Content-Type: text/rfc822-headers',
      ...(encoding ? [`Content-Transfer-Encoding: ${encoding}`] : []),
      '',
      original,
      '--b1--',
      '',
    ].join('\r\n');

  it('finds Mesa’s own header, base64 or not, and tells a delay from a failure', () => {
    const headers = 'Message-ID: <m1@mesa.test>\r\nX-Mesa-Outbound-Id: 01abc\r\nSubject: x\r\n';
    expect(readDeliveryReport(dsn('failed', headers))).toMatchObject({
      messageIds: ['m1@mesa.test'],
      outboundIds: ['01abc'],
      failures: [{ recipient: 'ana@cliente.test', status: '4.4.7', diagnostic: null }],
    });
    const encoded = btoa(headers).replace(/(.{60})/g, '$1\r\n');
    expect(readDeliveryReport(dsn('failed', encoded, 'base64')).outboundIds).toEqual(['01abc']);
    expect(readDeliveryReport(dsn('delayed', headers))).toMatchObject({ failures: [], noFailure: true });
  });

  it('answers nothing for a message that is no report', () => {
    expect(readDeliveryReport('From: ana@cliente.test\r\nSubject: hola\r\n\r\nHola')).toEqual({
      messageIds: [],
      outboundIds: [],
      failures: [],
      noFailure: false,
    });
  });
});
