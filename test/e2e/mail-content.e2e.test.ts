import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/platform/request-context.js';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { expectAccessible } from './axe.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * A mail with a screenshot in its body and a program attached, as the desk sees it: the image in
 * place in the description (its cid: link pointed at the stored attachment), the program named
 * under "Files not attached" with its size, reason and a download from the original.
 */

const DESK = 'soporte@mesa.test';
const SHOT = join(tmpdir(), 'mesa-e2e-mail-content.png');

/** A 240×90 PNG of three colour bands: big enough to see in the screenshot. */
function bandsPng(): Buffer {
  const width = 240;
  const height = 90;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    const [r, g, b] = y < 30 ? [0x1c, 0x7e, 0xd6] : y < 60 ? [0xf0, 0xb4, 0x29] : [0x2f, 0x9e, 0x44];
    for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const base64 = (bytes: Buffer) => bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
const PROGRAM = Buffer.concat([Buffer.from('MZ\u0090\u0000', 'latin1'), Buffer.alloc(2044, 0x41)]);

const RAW = Buffer.from(
  [
    'From: Ana Pérez <ana.perez@clinica.test>',
    `To: ${DESK}`,
    'Subject: Error al abrir la agenda de pabellón',
    'Message-ID: <e2e-mail-content@clinica.test>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="mixed"',
    '',
    '--mixed',
    'Content-Type: multipart/related; boundary="related"',
    '',
    '--related',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Al abrir la agenda sale esto:</p><p><img src="cid:captura@clinica.test" alt="Captura del error"></p><p>El proveedor mandó un arreglo.</p>',
    '--related',
    'Content-Type: image/png; name="captura.png"',
    'Content-Disposition: inline; filename="captura.png"',
    'Content-ID: <captura@clinica.test>',
    'Content-Transfer-Encoding: base64',
    '',
    base64(bandsPng()),
    '--related--',
    '--mixed',
    'Content-Type: application/octet-stream; name="arreglo-agenda.exe"',
    'Content-Disposition: attachment; filename="arreglo-agenda.exe"',
    'Content-Transfer-Encoding: base64',
    '',
    base64(PROGRAM),
    '--mixed--',
    '',
  ].join('\r\n'),
);

describe.runIf(RUN_BROWSER_TESTS)('mail content in a browser', () => {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp({
      mail: {
        listenPort: null,
        listenHost: '127.0.0.1',
        relayUrl: null,
        from: `Mesa <${DESK}>`,
        inboundToken: null,
        publicUrl: null,
      },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the inline image in place and the withheld program with a download from the original', async () => {
    if (!app) throw new Error('setup did not finish');
    const { built, database } = app;
    const clinica = await makeOrganization(built, 'Clínica Andina');
    await built.services.mailAdmin.createMailbox(systemContext, {
      address: DESK,
      name: 'Soporte',
      organizationId: null,
    });
    await built.services.mailAdmin.addDomain(systemContext, { domain: 'clinica.test', organizationId: clinica.id });
    const agent = await makeUser(built, ['agent']);
    const { id } = await built.services.mailIntake.accept(RAW, { from: null, to: [DESK] }, 'http');
    const inbound = () => database.db.selectFrom('inbound_mail').selectAll().where('id', '=', id).executeTakeFirst();
    await expect.poll(async () => (await inbound())?.status, { timeout: 15_000 }).toBe('processed');
    const ticketId = (await inbound())?.ticket_id as string;

    const { page, context, pageErrors } = await openPage(app.browser, 'es-ES');
    try {
      await withScreenshots('mail-content', { agent: page }, async () => {
        await page.goto(app?.baseUrl ?? '');
        await signIn(
          page,
          { signInTitle: 'Iniciar sesión', email: 'Correo electrónico', password: 'Contraseña' },
          agent.email,
          TEST_PASSWORD,
        );
        // Signed in once the sign-in page is left; only then is the ticket's address opened.
        await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).not.toBe('/login');
        await page.goto(`${app?.baseUrl}/workspace/tickets/${ticketId}`);
        const image = page.getByRole('img', { name: 'Captura del error' });
        // Loaded and decoded: the attachment route served it inline, the page's CSP let it in.
        await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
        const box = page.getByRole('region', { name: 'Archivos no adjuntados' });
        await expect.poll(() => box.getByText('arreglo-agenda.exe').isVisible()).toBe(true);
        expect(await box.textContent()).toContain('Es un programa o tiene nombre de programa');
        const link = box.getByRole('link', { name: 'Descargar del original: arreglo-agenda.exe' });
        const href = (await link.getAttribute('href')) as string;
        expect(href).toMatch(/^\/api\/v1\/withheld-files\/[\w-]+\/content$/);
        const download = await page.request.get(`${app?.baseUrl}${href}`);
        expect(download.status()).toBe(200);
        expect(Buffer.from(await download.body()).equals(PROGRAM)).toBe(true);
        await expectAccessible(page, 'ticket with a withheld file');
        mkdirSync(tmpdir(), { recursive: true });
        await page.screenshot({ path: SHOT, fullPage: true });
        console.log(`ticket with an inline image and a withheld file: ${SHOT}`);
      });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
