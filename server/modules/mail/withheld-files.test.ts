import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { systemContext } from '../../platform/request-context.js';
import { readMail } from './mail-reader.js';

const DESK = 'soporte@mesa.test';
const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/mail/${name}`, import.meta.url));

/** Files a mail carried that the desk did not store: listed for staff, fetched from the stored original. */
describeOnEachDatabase('withheld files', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let agent: Client;
  let requester: Client;
  let otherAgent: Client;

  async function take(file: string) {
    const { id } = await built.services.mailIntake.accept(fixture(file), { from: null, to: [DESK] }, 'http');
    const row = () => database().db.selectFrom('inbound_mail').selectAll().where('id', '=', id).executeTakeFirst();
    await expect.poll(async () => (await row())?.status, { timeout: 15_000 }).toBe('processed');
    return (await row())?.ticket_id as string;
  }

  beforeAll(async () => {
    built = await buildTestApp(database(), {
      mail: {
        listenPort: null,
        listenHost: '127.0.0.1',
        relayUrl: null,
        from: `Mesa <${DESK}>`,
        inboundToken: null,
        publicUrl: null,
      },
    });
    const clinica = await makeOrganization(built, 'Clínica Andina');
    await built.services.mailAdmin.createMailbox(systemContext, {
      address: DESK,
      name: 'Soporte',
      organizationId: null,
    });
    await built.services.mailAdmin.addDomain(systemContext, { domain: 'clinica.test', organizationId: clinica.id });
    agent = await login(built, (await makeUser(built, ['agent'])).email);
    otherAgent = await login(built, (await makeUser(built, ['specialist'])).email);
    await makeUser(built, ['requester'], clinica.id, { email: 'valentina.cortes@clinica.test' });
    requester = await login(built, 'valentina.cortes@clinica.test');
  });

  it('names a withheld program on the ticket for staff, and serves its original bytes as a download', async () => {
    const ticketId = await take('59-lying-file-names.eml');
    const list = await agent.request('GET', `/api/v1/tickets/${ticketId}/withheld-files`);
    expect(list.statusCode).toBe(200);
    const [file] = list.json().items;
    const original = (await readMail(fixture('59-lying-file-names.eml'))).attachments[0]?.content as Buffer;
    expect(list.json().items).toHaveLength(1);
    expect(file).toMatchObject({
      ticketId,
      messageId: null,
      fileName: 'facturafdp.exe',
      size: original.length,
      reason: 'executable',
      detail: 'Programs are not attached',
    });

    for (const staff of [agent, otherAgent]) {
      const download = await staff.request('GET', `/api/v1/withheld-files/${file.id}/content`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(original)).toBe(true);
      expect(download.headers).toMatchObject({
        'content-type': 'application/octet-stream',
        'content-disposition': "attachment; filename*=UTF-8''facturafdp.exe",
        'x-content-type-options': 'nosniff',
      });
    }
  });

  it('tells the sender which file was not attached, with its size and reason, in their language', async () => {
    const spanish = await database()
      .db.selectFrom('tickets')
      .select('description_html')
      .where('id', '=', await take('59-lying-file-names.eml'))
      .executeTakeFirstOrThrow();
    expect(spanish.description_html).toMatch(
      /No se adjuntó: facturafdp\.exe \(\d+ k?B, Es un programa o tiene nombre de programa\)/,
    );

    await built.services.users.create(systemContext, {
      email: 'mark.hill@clinica.test',
      name: 'Mark Hill',
      roles: ['requester'],
      organizationId:
        (await built.services.users.findActiveByEmail('valentina.cortes@clinica.test'))?.organization_id ?? null,
      locale: 'en',
    });
    const fromMark = fixture('59-lying-file-names.eml')
      .toString('latin1')
      .replace(/^From: .*$/m, 'From: Mark Hill <mark.hill@clinica.test>')
      .replace(/^Message-ID: <[^>]+>/im, 'Message-ID: <lying-names-en@clinica.test>');
    const { id } = await built.services.mailIntake.accept(
      Buffer.from(fromMark, 'latin1'),
      { from: null, to: [DESK] },
      'http',
    );
    const row = () => database().db.selectFrom('inbound_mail').selectAll().where('id', '=', id).executeTakeFirst();
    await expect.poll(async () => (await row())?.status, { timeout: 15_000 }).toBe('processed');
    const english = await database()
      .db.selectFrom('tickets')
      .select('description_html')
      .where('id', '=', (await row())?.ticket_id as string)
      .executeTakeFirstOrThrow();
    expect(english.description_html).toMatch(/Not attached: facturafdp\.exe \(\d+ k?B, A program, or named as one\)/);
  });

  it('never lets a requester see or fetch a withheld file, even on their own ticket', async () => {
    const ticketId = (await database().db.selectFrom('withheld_files').select('ticket_id').executeTakeFirstOrThrow())
      .ticket_id;
    const [file] = (await agent.request('GET', `/api/v1/tickets/${ticketId}/withheld-files`)).json().items;
    // Valentina wrote it: the ticket is hers, the file is still not hers to fetch.
    expect((await requester.request('GET', `/api/v1/tickets/${ticketId}`)).statusCode).toBe(200);
    expect((await requester.request('GET', `/api/v1/tickets/${ticketId}/withheld-files`)).statusCode).toBe(403);
    expect((await requester.request('GET', `/api/v1/withheld-files/${file.id}/content`)).statusCode).toBe(403);
  });

  it('ties a file withheld from a reply to that reply', async () => {
    const program = Buffer.from('MZ\u0090\u0000 otro programa', 'latin1').toString('base64');
    const reply = [
      'From: Valentina Cortes <valentina.cortes@clinica.test>',
      `To: ${DESK}`,
      'Subject: Re: Archivos del proveedor de la central telefonica',
      'Message-ID: <withheld-reply-0317@clinica.test>',
      'In-Reply-To: <lying-names-0317@clinica.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="r"',
      '',
      '--r',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Mandaron otro instalador.',
      '--r',
      'Content-Type: application/octet-stream; name="setup.msi"',
      'Content-Disposition: attachment; filename="setup.msi"',
      'Content-Transfer-Encoding: base64',
      '',
      program,
      '--r--',
      '',
    ].join('\r\n');
    const { id } = await built.services.mailIntake.accept(Buffer.from(reply), { from: null, to: [DESK] }, 'http');
    const row = () => database().db.selectFrom('inbound_mail').selectAll().where('id', '=', id).executeTakeFirst();
    await expect.poll(async () => (await row())?.outcome, { timeout: 15_000 }).toBe('reply');
    const ticketId = (await row())?.ticket_id as string;
    const message = await database()
      .db.selectFrom('ticket_messages')
      .select('id')
      .where('ticket_id', '=', ticketId)
      .where('body_html', 'like', '%Mandaron otro instalador.%')
      .executeTakeFirstOrThrow();
    const items = (await agent.request('GET', `/api/v1/tickets/${ticketId}/withheld-files`)).json().items;
    expect(
      items.map((file: { fileName: string; messageId: string | null }) => [file.fileName, file.messageId]),
    ).toEqual([
      ['facturafdp.exe', null],
      ['setup.msi', message.id],
    ]);
  });

  it('hands an infected file to no one, staff included', async () => {
    const file = await database().db.selectFrom('withheld_files').selectAll().executeTakeFirstOrThrow();
    // As the virus scanner's refusal records it (that path runs against a real clamd in attachment-scanning.test.ts).
    await database()
      .db.insertInto('withheld_files')
      .values({
        ...file,
        id: `${file.id.slice(0, -4)}beef`,
        reason: 'infected',
        detail: 'The file was refused as infected',
      })
      .execute();
    const download = await agent.request('GET', `/api/v1/withheld-files/${file.id.slice(0, -4)}beef/content`);
    expect(download.statusCode).toBe(403);
  });

  it('shows an inline image in place, served inline as an image with nosniff and a sandbox', async () => {
    const ticketId = await take('33-inline-image-only.eml');
    const ticket = (await agent.request('GET', `/api/v1/tickets/${ticketId}`)).json();
    const [image] = ticket.attachments;
    expect(ticket.descriptionHtml).toContain(`src="/api/v1/attachments/${image.id}/content"`);
    const served = await agent.request('GET', `/api/v1/attachments/${image.id}/content`);
    expect(served.headers).toMatchObject({
      'content-type': 'image/png',
      'content-disposition': "inline; filename*=UTF-8''image001.png",
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
    });
  });
});
