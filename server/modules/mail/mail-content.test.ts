import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { startTestSmtp, type TestSmtp } from '../../../test/support/mail-desk.js';
import { buildTestApp, makeOrganization } from '../../../test/support/test-app.js';
import { systemContext } from '../../platform/request-context.js';

const DESK = 'soporte@mesa.test';
const TOKEN = 'inbound-token-for-content-tests-0123456789';
const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/mail/${name}`, import.meta.url));

/** What each content fixture must leave on its ticket, whichever way it came in. */
const CONTENT: Record<string, { has: string; attached: string[]; withheld: string[] }> = {
  '33-inline-image-only.eml': { has: '<img', attached: ['image001.png'], withheld: [] },
  '54-boundary-missing.eml': { has: 'El lector Zebra del box 3', attached: ['lector.log'], withheld: [] },
  '55-boundary-mismatch.eml': { has: '<b>perdio la red</b>', attached: [], withheld: [] },
  '56-boundary-not-closed.eml': { has: 'fallo otra vez', attached: ['respaldo.log'], withheld: [] },
  '57-calendar-invitation.eml': { has: 'Los invito a revisar', attached: ['invite.ics'], withheld: [] },
  '58-uuencoded-attachment.eml': { has: 'Va el registro:', attached: ['sync-agent.log'], withheld: [] },
  '59-lying-file-names.eml': {
    has: 'no se si abrirlos',
    attached: ['estado-central_html.txt', 'img src=x alert(1)acta.pdf', 'informe_exe.pdf'],
    withheld: ['facturafdp.exe'],
  },
  '60-service-desk-files.eml': {
    has: 'Adjunto el volcado',
    attached: ['MEMORY.DMP', 'config.tar', 'cuadratura.xls', 'registros.7z', 'reinicio_ps1.txt'],
    withheld: [],
  },
};

/** The same fixtures through the SMTP listener and the HTTP endpoint: the way in changes nothing. */
describeOnEachDatabase('mail content through SMTP and HTTP', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let send: TestSmtp;
  const db = () => database().db;

  beforeAll(async () => {
    built = await buildTestApp(database(), {
      mail: {
        listenPort: null,
        listenHost: '127.0.0.1',
        relayUrl: null,
        from: `Mesa <${DESK}>`,
        inboundToken: TOKEN,
        publicUrl: null,
      },
    });
    await built.services.mailAdmin.createMailbox(systemContext, {
      address: DESK,
      name: 'Soporte',
      organizationId: null,
    });
    for (const domain of ['clinica.test', 'banco.test']) {
      const organization = await makeOrganization(built, domain);
      await built.services.mailAdmin.addDomain(systemContext, { domain, organizationId: organization.id });
    }
    send = await startTestSmtp(built.services);
  });

  afterAll(async () => {
    await send?.close();
  });

  async function ticketOf(messageId: string) {
    const row = () =>
      db().selectFrom('inbound_mail').selectAll().where('message_id', '=', messageId).executeTakeFirst();
    await expect.poll(async () => (await row())?.status, { timeout: 15_000 }).toBe('processed');
    const ticketId = (await row())?.ticket_id as string;
    const ticket = await db().selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirstOrThrow();
    const names = async (table: 'attachments' | 'withheld_files') =>
      (await db().selectFrom(table).select('file_name').where('ticket_id', '=', ticketId).execute())
        .map((file) => file.file_name)
        .sort();
    return {
      html: ticket.description_html,
      attached: await names('attachments'),
      withheld: await names('withheld_files'),
    };
  }

  it.each(Object.entries(CONTENT))('%s', async (file, expected) => {
    const raw = fixture(file).toString('latin1');
    const messageId = /^Message-ID:\s*<([^>]+)>/im.exec(raw)?.[1] as string;
    const from = /^From:.*<([^>]+)>/im.exec(raw)?.[1] as string;
    await send.send.sendMail({ envelope: { from, to: [DESK] }, raw: Buffer.from(raw, 'latin1') });
    // Another Message-ID, or the second copy would be taken as the first one's duplicate.
    const copy = raw.replace(/^Message-ID:\s*</im, 'Message-ID: <http-');
    const viaHttp = await built.app.inject({
      method: 'POST',
      url: `/api/v1/mail/inbound/raw?to=${encodeURIComponent(DESK)}`,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822' },
      payload: Buffer.from(copy, 'latin1'),
    });
    expect(viaHttp.statusCode).toBe(202);
    for (const id of [messageId, `http-${messageId}`]) {
      const ticket = await ticketOf(id);
      expect(ticket.html, id).toContain(expected.has);
      expect(ticket.attached, id).toEqual([...expected.attached].sort());
      expect(ticket.withheld, id).toEqual(expected.withheld);
    }
  });
});
