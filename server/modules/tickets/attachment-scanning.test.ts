import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EICAR, zip } from '../../../test/support/archives.js';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import {
  buildTestApp,
  type Client,
  login,
  makeOrganization,
  makeUser,
  TEST_CONFIG,
} from '../../../test/support/test-app.js';
import { raise, ticketWorld, upload } from '../../../test/support/tickets.js';
import { systemContext } from '../../platform/request-context.js';

const CLAMD = process.env.MESA_TEST_CLAMD;
const REQUIRE_CLAMD = process.env.MESA_TEST_REQUIRE_CLAMD === '1';
const TOKEN = 'inbound-token-for-scan-tests-0123456789';
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 50 });

type Built = Awaited<ReturnType<typeof buildTestApp>>;

/** An app taking mail over HTTP, a mailbox and a mapped domain, so clinic.test's mail makes tickets. */
async function mailDesk(built: Built, domain: string) {
  const organization = await makeOrganization(built);
  await built.services.mailAdmin.createMailbox(systemContext, {
    address: `soporte@${domain}`,
    name: 'Soporte',
    organizationId: null,
  });
  await built.services.mailAdmin.addDomain(systemContext, {
    domain: `clinica.${domain}`,
    organizationId: organization.id,
  });
  return organization;
}

const mailConfig = {
  listenPort: null,
  listenHost: '127.0.0.1',
  relayUrl: null,
  from: 'Mesa <soporte@mesa.test>',
  inboundToken: TOKEN,
  publicUrl: null,
};

/** A raw message from ana@clinica.<domain> carrying `file`. */
function mailWith(domain: string, subject: string, file: { name: string; content: Buffer }) {
  const boundary = 'mesa-boundary-1';
  return [
    `From: Ana <ana@clinica.${domain}>`,
    `To: soporte@${domain}`,
    `Subject: ${subject}`,
    `Message-ID: <${subject.replace(/\W/g, '')}-${Date.now()}@clinica.${domain}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Adjunto el archivo.',
    `--${boundary}`,
    `Content-Type: application/octet-stream; name="${file.name}"`,
    `Content-Disposition: attachment; filename="${file.name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    file.content.toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

async function sendMail(built: Built, raw: string) {
  const response = await built.app.inject({
    method: 'POST',
    url: '/api/v1/mail/inbound/raw',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822' },
    payload: raw,
  });
  expect(response.statusCode, response.body).toBe(202);
}

// Runs everywhere: a scanner that is configured but unreachable needs no clamd.
describeOnEachDatabase('mail while the virus scanner is unreachable', (database) => {
  it('keeps the message (failed, naming the scanner) and makes no ticket; it can be reprocessed', async () => {
    const built = await buildTestApp(database(), { clamd: '/nonexistent/mesa-clamd.sock', mail: mailConfig });
    await mailDesk(built, 'down.test');
    const before = (await database().db.selectFrom('tickets').select('id').execute()).length;
    await sendMail(built, mailWith('down.test', 'Factura', { name: 'factura.txt', content: Buffer.from('total 10') }));
    const kept = () =>
      database().db.selectFrom('inbound_mail').selectAll().where('subject', '=', 'Factura').executeTakeFirst();
    await eventually(async () => (await kept())?.status).toBe('failed');
    expect((await kept())?.reason).toMatch(/virus scanner could not check the file/);
    expect((await database().db.selectFrom('tickets').select('id').execute()).length).toBe(before);
    // Still unreachable: reprocessing keeps it again, nothing is lost.
    await built.services.mailProcessor.reprocess((await kept())?.id as string);
    expect((await kept())?.status).toBe('failed');
  });
});

if (!CLAMD) {
  if (REQUIRE_CLAMD) {
    describe('virus scanning with clamd', () => {
      it('needs clamd', () => {
        throw new Error('MESA_TEST_REQUIRE_CLAMD=1 but MESA_TEST_CLAMD is not set');
      });
    });
  } else {
    const reason =
      'ClamAV tests skipped: apt-get install -y clamav-daemon, run test/support/start-clamd.sh "$(mktemp -d)" and set ' +
      'MESA_TEST_CLAMD to the socket path it prints to run them (CI does).';
    console.log(reason);
    describe('virus scanning with clamd', () => {
      it('scans files with a real clamd', (context) => context.skip(reason));
    });
  }
} else {
  describeOnEachDatabase('virus scanning with a real clamd', (database) => {
    let built: Built;
    let requester: Client;
    let agent: Client;
    let ticketId: string;
    const quarantined = () => database().db.selectFrom('quarantined_files').selectAll().orderBy('id').execute();

    beforeAll(async () => {
      built = await buildTestApp(database(), { clamd: CLAMD, mail: mailConfig });
      const world = await ticketWorld(built);
      requester = world.requester;
      agent = world.agent;
      ticketId = (await raise(requester, { serviceId: world.service.id })).id;
    });

    it('takes a clean file', async () => {
      const response = await upload(
        requester,
        `/api/v1/tickets/${ticketId}/attachments`,
        'nota.txt',
        Buffer.from('hola'),
      );
      expect(response.statusCode, response.body).toBe(201);
      const content = await requester.request('GET', `/api/v1/attachments/${response.json().id}/content`);
      expect(content.body).toBe('hola');
    });

    it('refuses EICAR uploaded over HTTP, quarantines its bytes and names it on the ticket', async () => {
      const response = await upload(requester, `/api/v1/tickets/${ticketId}/attachments`, 'factura.txt', EICAR);
      expect(response.statusCode).toBe(415);
      const problem = response.json();
      expect(problem.detail).toMatch(/refused as infected \(Mesa-Test-EICAR\.UNOFFICIAL\)/);
      expect(problem.errors[0]).toMatchObject({ field: 'file' });

      const [row] = (await quarantined()).filter((q) => q.ticket_id === ticketId);
      expect(row).toMatchObject({
        file_name: 'factura.txt',
        signature: 'Mesa-Test-EICAR.UNOFFICIAL',
        size: EICAR.length,
      });
      expect(row?.sha256).toBe(createHash('sha256').update(EICAR).digest('hex'));
      // The bytes are kept for an administrator under quarantine/, outside the attachments.
      expect(row?.storage_key).toMatch(/^quarantine\//);
      expect(await readFile(join(TEST_CONFIG.dataDir, 'files', row?.storage_key as string))).toEqual(EICAR);

      // Never an attachment, never downloadable.
      const ticket = (await agent.request('GET', `/api/v1/tickets/${ticketId}`)).json();
      expect(JSON.stringify(ticket)).not.toContain('factura.txt');
      expect((await agent.request('GET', `/api/v1/attachments/${row?.id}/content`)).statusCode).toBe(404);

      // Named on the timeline, for the requester and the desk, with the signature.
      for (const client of [requester, agent]) {
        const timeline = (await client.request('GET', `/api/v1/tickets/${ticketId}/timeline`)).json();
        const events = (timeline.items ?? timeline) as { kind: string; changes: unknown[] }[];
        expect(events.find((e) => e.kind === 'attachment_quarantined')?.changes).toEqual([
          {
            field: 'refusedFile',
            from: null,
            to: { fileName: 'factura.txt', refused: 'infected', signature: 'Mesa-Test-EICAR.UNOFFICIAL' },
          },
        ]);
      }
    });

    it('finds EICAR inside a zip (clamd unpacks it) and refuses an upload made before the ticket', async () => {
      const response = await upload(
        requester,
        '/api/v1/attachments',
        'docs.zip',
        zip([{ name: 'a.com', data: EICAR }]),
      );
      expect(response.statusCode).toBe(415);
      expect(response.json().detail).toContain('Mesa-Test-EICAR.UNOFFICIAL');
      expect((await quarantined()).find((q) => q.file_name === 'docs.zip')).toMatchObject({ ticket_id: null });
    });

    it('takes a mail carrying EICAR: the ticket is made, the file quarantined and named in it', async () => {
      await mailDesk(built, 'scan.test');
      await sendMail(built, mailWith('scan.test', 'Virus adjunto', { name: 'eicar.com', content: EICAR }));
      const row = () =>
        database().db.selectFrom('inbound_mail').selectAll().where('subject', '=', 'Virus adjunto').executeTakeFirst();
      await eventually(async () => (await row())?.status).toBe('processed');
      const ticket = await database()
        .db.selectFrom('tickets')
        .selectAll()
        .where('id', '=', (await row())?.ticket_id as string)
        .executeTakeFirstOrThrow();
      expect(ticket.description_html).toContain(
        `No se adjuntó: eicar.com (${EICAR.length} B, El antivirus lo detectó como infectado (en cuarentena))`,
      );
      const attachments = await database()
        .db.selectFrom('attachments')
        .selectAll()
        .where('ticket_id', '=', ticket.id)
        .execute();
      expect(attachments).toHaveLength(0);
      const mailId = (await row())?.id;
      const kept = (await quarantined()).find((q) => q.request_id === `mail:${mailId}`);
      expect(kept).toMatchObject({ file_name: 'eicar.com', signature: 'Mesa-Test-EICAR.UNOFFICIAL' });
      const anyone = await login(built, (await makeUser(built, ['admin'])).email);
      expect((await anyone.request('GET', `/api/v1/attachments/${kept?.id}/content`)).statusCode).toBe(404);
    });
  });
}
