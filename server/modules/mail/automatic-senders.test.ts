import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { outboxOnlyMail, startTestSmtp, type TestSmtp } from '../../../test/support/mail-desk.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { systemContext } from '../../platform/request-context.js';

/**
 * The corpus's automatic senders (fixtures 70–76, one header each) through both doors, the SMTP
 * listener and the HTTP endpoint: what is taken in gets no acknowledgment, and a no-reply
 * requester gets no mail at all, not even an agent's reply.
 */
const FIXTURES = new URL('../../../test/fixtures/mail/', import.meta.url);
const DESK = 'soporte@mesa.test';
const TOKEN = 'inbound-token-for-tests-0123456789';

const CASES: [file: string, taken: boolean][] = [
  ['70-suppress-header-alone.eml', true],
  ['71-auto-notified.eml', true],
  ['72-precedence-junk.eml', true],
  ['73-list-unsubscribe-alone.eml', true],
  ['74-noreply-sender.eml', true],
  ['75-precedence-auto-reply.eml', false],
  ['76-x-autorespond.eml', false],
];

describeOnEachDatabase('automatic senders, over SMTP and HTTP', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let smtp: TestSmtp;
  let agent: Client;
  const db = () => database().db;

  /** The fixture with its Message-ID made distinct per door (one message, one row). */
  const variant = (file: string, door: string) =>
    readFileSync(new URL(file, FIXTURES))
      .toString('latin1')
      .replace(/^(Message-ID: <)([^>]+)>/im, `$1$2.${door}>`);
  const messageIdOf = (raw: string) => (/^Message-ID: <([^>]+)>/im.exec(raw)?.[1] ?? '').trim();

  async function settled(messageId: string) {
    const read = () =>
      db().selectFrom('inbound_mail').selectAll().where('message_id', '=', messageId).executeTakeFirst();
    await expect
      .poll(async () => (await read())?.status ?? 'absent', { timeout: 10_000, interval: 25 })
      .toMatch(/^(processed|ignored|failed)$/);
    return (await read()) as NonNullable<Awaited<ReturnType<typeof read>>>;
  }
  const outboundOf = (ticketId: string) =>
    db().selectFrom('outbound_mail').select(['event', 'to_address']).where('ticket_id', '=', ticketId).execute();

  const doors: Record<string, (raw: string) => Promise<void>> = {
    smtp: async (raw) => {
      await smtp.send.sendMail({ envelope: { from: 'x@banco.test', to: [DESK] }, raw });
    },
    http: async (raw) => {
      const response = await built.app.inject({
        method: 'POST',
        url: '/api/v1/mail/inbound/raw',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822' },
        payload: Buffer.from(raw, 'latin1'),
      });
      expect(response.statusCode).toBe(202);
    },
  };

  beforeAll(async () => {
    built = await buildTestApp(database(), {
      mail: outboxOnlyMail({
        from: `Mesa Soporte <${DESK}>`,
        inboundToken: TOKEN,
      }),
    });
    const clinica = await makeOrganization(built, 'Clínica Andina');
    const banco = await makeOrganization(built, 'Banco Sur');
    await built.services.mailAdmin.createMailbox(systemContext, {
      address: DESK,
      name: 'Soporte',
      organizationId: null,
    });
    await built.services.mailAdmin.addDomain(systemContext, { domain: 'clinica.test', organizationId: clinica.id });
    await built.services.mailAdmin.addDomain(systemContext, { domain: 'banco.test', organizationId: banco.id });
    agent = await login(built, (await makeUser(built, ['agent'])).email);
    smtp = await startTestSmtp(built.services);
  });

  afterAll(async () => {
    await smtp?.close();
    built?.services.mailOutbox.close();
  });

  it('acknowledges a person’s mail (the outbox is on: a missing acknowledgment below means something)', async () => {
    const raw = [
      'From: Ana Pérez <ana@clinica.test>',
      `To: ${DESK}`,
      'Subject: Impresora',
      'Message-ID: <person-control@clinica.test>',
      '',
      'No imprime.',
    ].join('\r\n');
    await doors.smtp?.(raw);
    const row = await settled('person-control@clinica.test');
    expect(await outboundOf(row.ticket_id as string)).toEqual([
      { event: 'ticket_received', to_address: 'ana@clinica.test' },
    ]);
  });

  for (const door of ['smtp', 'http'] as const)
    it.each(CASES)(`${door}: %s`, async (file, taken) => {
      const raw = variant(file, door);
      await doors[door]?.(raw);
      const row = await settled(messageIdOf(raw));
      if (!taken) {
        expect(row).toMatchObject({ status: 'ignored', ticket_id: null });
        expect(row.reason).toMatch(/^automatic message \(/);
        return;
      }
      expect(row).toMatchObject({ status: 'processed', outcome: 'ticket' });
      expect(await outboundOf(row.ticket_id as string)).toEqual([]);
    });

  it('writes nothing to a no-reply requester, not even an agent’s reply', async () => {
    const row = await settled(messageIdOf(variant('74-noreply-sender.eml', 'smtp')));
    const ticketId = row.ticket_id as string;
    const replied = await agent.request('POST', `/api/v1/tickets/${ticketId}/replies`, {
      bodyHtml: '<p>Revisamos el volumen de respaldo.</p>',
    });
    expect(replied.statusCode).toBe(201);
    expect(await outboundOf(ticketId)).toEqual([]);
  });
});
