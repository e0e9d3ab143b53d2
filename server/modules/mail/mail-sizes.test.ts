import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SUBJECT_CUT_MARK } from '../../../domain/mail/ticket-subject.js';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { outboxOnlyMail, startTestSmtp, type TestSmtp } from '../../../test/support/mail-desk.js';
import { openSmtpDialog } from '../../../test/support/smtp-dialog.js';
import {
  buildTestApp,
  type Client,
  login,
  makeOrganization,
  makeUser,
  TEST_CONFIG,
} from '../../../test/support/test-app.js';
import { systemContext } from '../../platform/request-context.js';

const TOKEN = 'inbound-token-for-tests-0123456789';
const DESK = 'soporte@mesa.test';
/** Small enough to send quickly, large enough for two 1 MiB headers. */
const LIMIT = 3 * 1024 * 1024;
const MiB = 1024 * 1024;
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 50 });

let sequence = 0;
/** A message of about `bytes` bytes from a known sender (the body made up to the size). */
function message(bytes: number, headers: Record<string, string> = {}): { raw: Buffer; messageId: string } {
  sequence += 1;
  const messageId = `size-${sequence}-${Date.now()}@clinica.test`;
  const head = Object.entries({
    From: 'Ana Pérez <ana@clinica.test>',
    To: DESK,
    Subject: `Mensaje ${sequence}`,
    'Message-ID': `<${messageId}>`,
    ...headers,
  })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const start = `${head}\r\nHola,\r\n`;
  const line = `${'x'.repeat(76)}\r\n`;
  const body = line.repeat(Math.max(0, Math.floor((bytes - start.length) / line.length)));
  return { raw: Buffer.from(start + body, 'latin1'), messageId };
}

describeOnEachDatabase('message sizes over SMTP and HTTP, and the stored original', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let listener: TestSmtp;
  let port: number;
  let admin: Client;
  let agent: Client;

  const rowOf = (messageId: string) =>
    database().db.selectFrom('inbound_mail').selectAll().where('message_id', '=', messageId).executeTakeFirst();
  const countInbound = async () =>
    Number(
      (
        await database()
          .db.selectFrom('inbound_mail')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const storedFiles = () => {
    const root = join(TEST_CONFIG.dataDir, 'files', 'mail', 'inbound');
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  };

  /** A whole conversation for one message; answers the reply to DATA. */
  async function deliver(raw: Buffer, mailFrom = 'MAIL FROM:<ana@clinica.test>'): Promise<string> {
    const smtp = await openSmtpDialog(port);
    try {
      await smtp.reply();
      await smtp.command('EHLO client.test');
      expect(await smtp.command(mailFrom)).toMatch(/^250/);
      expect(await smtp.command(`RCPT TO:<${DESK}>`)).toMatch(/^250/);
      return await smtp.data(raw);
    } finally {
      smtp.close();
    }
  }

  beforeAll(async () => {
    built = await buildTestApp(database(), {
      mail: outboxOnlyMail({
        listenPort: 0,
        from: `Mesa Soporte <${DESK}>`,
        inboundToken: TOKEN,
        maxMessageBytes: LIMIT,
      }),
    });
    const organization = await makeOrganization(built, 'Clínica Andina');
    await built.services.mailAdmin.createMailbox(systemContext, {
      address: DESK,
      name: 'Soporte',
      organizationId: null,
    });
    await built.services.mailAdmin.addDomain(systemContext, {
      domain: 'clinica.test',
      organizationId: organization.id,
    });
    admin = await login(built, (await makeUser(built, ['admin'])).email);
    agent = await login(built, (await makeUser(built, ['agent'])).email);
    listener = await startTestSmtp(built.services);
    port = listener.port;
  });

  afterAll(async () => {
    await listener?.close();
    built?.services.mailOutbox.close();
  });

  it('announces the limit in EHLO and refuses a MAIL FROM that declares more, before any data', async () => {
    const smtp = await openSmtpDialog(port);
    try {
      await smtp.reply();
      const ehlo = (await smtp.command('EHLO client.test')).split('\r\n');
      expect(ehlo.map((line) => line.slice(4))).toContain(`SIZE ${LIMIT}`);
      expect(await smtp.command(`MAIL FROM:<ana@clinica.test> SIZE=${LIMIT + 1}`)).toMatch(/^552 5\.3\.4 /);
      // The same transaction declared within the limit goes on.
      expect(await smtp.command(`MAIL FROM:<ana@clinica.test> SIZE=${LIMIT}`)).toMatch(/^250/);
    } finally {
      smtp.close();
    }
    // The admin's mail screen says the same limit.
    expect((await admin.request('GET', '/api/v1/mail/status')).json().maxMessageBytes).toBe(LIMIT);
  });

  it('answers 552 to an oversized message from a client that declared no size, and keeps nothing of it', async () => {
    const before = { rows: await countInbound(), files: storedFiles().length };
    const { raw, messageId } = message(LIMIT + MiB / 2);
    expect(await deliver(raw)).toMatch(/^552 5\.3\.4 .*maximum message size 3145728/);
    expect(await rowOf(messageId)).toBeUndefined();
    expect(await countInbound()).toBe(before.rows);
    expect(storedFiles()).toHaveLength(before.files);
  });

  it('takes a message just under the limit whole: 250, stored byte for byte, a ticket', async () => {
    const { raw, messageId } = message(LIMIT - 4096);
    expect(raw.length).toBeLessThan(LIMIT);
    expect(raw.length).toBeGreaterThan(LIMIT - 8192);
    expect(await deliver(raw, `MAIL FROM:<ana@clinica.test> SIZE=${raw.length}`)).toMatch(/^250 /);
    const row = await rowOf(messageId);
    expect(row?.size).toBe(raw.length);
    await eventually(async () => (await rowOf(messageId))?.outcome).toBe('ticket');
    const original = await admin.request('GET', `/api/v1/mail/inbound/${row?.id}/raw`);
    expect(original.rawPayload.equals(raw)).toBe(true);
  });

  it('refuses an oversized message over HTTP with 413, storing nothing', async () => {
    const before = await countInbound();
    const { raw } = message(LIMIT + 1024);
    const response = await built.app.inject({
      method: 'POST',
      url: '/api/v1/mail/inbound/raw',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822' },
      payload: raw,
    });
    expect(response.statusCode).toBe(413);
    expect(await countInbound()).toBe(before);
  });

  // A 1 MiB Subject and a 1 MiB other header are legal; mailparser's default 1 MiB header limit
  // made such a message fail on every attempt.
  const hugeHeaders = () => ({
    Subject: `Error al contabilizar ${'OC-4500012007 rechazada (centro de costo bloqueado), '.repeat(20_000)}`,
    'X-Erp-Trace': 'a'.repeat(MiB),
  });

  it('makes a ticket of a message with 1 MiB headers sent over SMTP, its subject cut with a mark', async () => {
    const { raw, messageId } = message(64 * 1024, hugeHeaders());
    expect(raw.length).toBeGreaterThan(2 * MiB);
    expect(await deliver(raw)).toMatch(/^250 /);
    await eventually(async () => (await rowOf(messageId))?.status).toBe('processed');
    const row = await rowOf(messageId);
    expect(row?.outcome).toBe('ticket');
    const ticket = await database()
      .db.selectFrom('tickets')
      .select('subject')
      .where('id', '=', row?.ticket_id as string)
      .executeTakeFirstOrThrow();
    expect(ticket.subject.startsWith('Error al contabilizar OC-4500012007 rechazada')).toBe(true);
    expect(ticket.subject.endsWith(SUBJECT_CUT_MARK)).toBe(true);
    expect(ticket.subject.length).toBeLessThanOrEqual(200);
  });

  it('makes a ticket of the same kind of message handed over HTTP', async () => {
    const { raw, messageId } = message(64 * 1024, hugeHeaders());
    const response = await built.app.inject({
      method: 'POST',
      url: '/api/v1/mail/inbound/raw',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822' },
      payload: raw,
    });
    expect(response.statusCode).toBe(202);
    await eventually(async () => (await rowOf(messageId))?.outcome).toBe('ticket');
    expect((await rowOf(messageId))?.subject?.length).toBeLessThanOrEqual(500);
  });

  it('lets staff who manage mail download the stored original of a failed message, and no one else', async () => {
    const raw = Buffer.from(
      `To: ${DESK}\r\nSubject: Sin remitente\r\nMessage-ID: <no-from-${Date.now()}@x.test>\r\n\r\n<b>¿Quién soy?</b>\r\n`,
      'utf8',
    );
    expect(await deliver(raw)).toMatch(/^250 /);
    const messageId = /<([^>]+)>/.exec(raw.toString())?.[1] as string;
    await eventually(async () => (await rowOf(messageId))?.status).toBe('failed');
    const id = (await rowOf(messageId))?.id;

    const response = await admin.request('GET', `/api/v1/mail/inbound/${id}/raw`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('message/rfc822');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${id}.eml"`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.rawPayload.equals(raw)).toBe(true);

    expect((await agent.request('GET', `/api/v1/mail/inbound/${id}/raw`)).statusCode).toBe(403);
    expect((await admin.request('GET', '/api/v1/mail/inbound/no-such-message/raw')).statusCode).toBe(404);
  });

  it('shows each sent message’s Message-ID and status in the outbound log', async () => {
    const rows = await database().db.selectFrom('outbound_mail').select(['id', 'message_id', 'status']).execute();
    expect(rows.length).toBeGreaterThan(0);
    const listed = (await admin.request('GET', '/api/v1/mail/outbound')).json().items as {
      id: string;
      messageId: string;
      status: string;
    }[];
    expect(listed.map(({ id, messageId, status }) => ({ id, message_id: messageId, status })).sort(byId)).toEqual(
      rows.sort(byId),
    );
  });

  it('shows the staff working a ticket which notices were mailed about it, and hides them from requesters', async () => {
    const notice = await database()
      .db.selectFrom('outbound_mail')
      .selectAll()
      .where('ticket_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const response = await agent.request('GET', `/api/v1/tickets/${notice.ticket_id}/mail`);
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      expect.objectContaining({
        id: notice.id,
        to: notice.to_address,
        event: 'ticket_received',
        messageId: notice.message_id,
        status: 'pending',
      }),
    ]);
    expect((await agent.request('GET', '/api/v1/tickets/no-such-ticket/mail')).statusCode).toBe(404);
    const ticket = await database()
      .db.selectFrom('tickets')
      .select('organization_id')
      .where('id', '=', notice.ticket_id as string)
      .executeTakeFirstOrThrow();
    const requester = await login(built, (await makeUser(built, ['requester'], ticket.organization_id)).email);
    expect((await requester.request('GET', `/api/v1/tickets/${notice.ticket_id}/mail`)).statusCode).toBe(403);
  });
});

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
