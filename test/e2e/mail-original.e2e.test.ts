import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/platform/request-context.js';
import { outboxOnlyMail } from '../support/mail-desk.js';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { expectAccessible } from './axe.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * What happened to mail, seen by the admin: a message Mesa could not take (no sender) opened from
 * the inbound log, its headers and body shown as text (its markup never runs), its original ready
 * to download; and the Message-ID of each notice in the outbound log.
 */

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

const HOSTILE = [
  'To: soporte@mesa.test',
  'Subject: =?utf-8?q?Factura_pendiente?=',
  'Message-ID: <sin-remitente-1@clinica.test>',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Revise <b>la factura</b></p><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>',
  '',
].join('\r\n');

describe.runIf(RUN_BROWSER_TESTS)('the stored original of received mail, in the browser', () => {
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp({
      mail: outboxOnlyMail({
        from: 'Mesa Soporte <soporte@mesa.test>',
      }),
    });
  }, 60_000);

  afterAll(async () => {
    app?.built.services.mailOutbox.close();
    await app?.close();
  });

  it('shows a failed message’s headers and body as text, offers its download, and the notices’ Message-IDs', async () => {
    const { services } = app.built;
    const organization = await makeOrganization(app.built, 'Clínica Andina');
    await services.mailAdmin.createMailbox(systemContext, { address: 'soporte@mesa.test', name: 'Soporte' });
    await services.mailAdmin.addDomain(systemContext, { domain: 'clinica.test', organizationId: organization.id });
    const admin = await makeUser(app.built, ['admin']);
    const intake = services.mailIntake;
    const failed = await intake.accept(Buffer.from(HOSTILE), { from: null, to: ['soporte@mesa.test'] }, 'http');
    await intake.accept(
      Buffer.from(
        'From: Ana Pérez <ana@clinica.test>\r\nTo: soporte@mesa.test\r\nSubject: No imprime la admisión\r\nMessage-ID: <ana-1@clinica.test>\r\n\r\nDesde las 8:00.\r\n',
      ),
      { from: 'ana@clinica.test', to: ['soporte@mesa.test'] },
      'smtp',
    );
    // Too large to be read into the page: offered for download only.
    const large = await intake.accept(
      Buffer.from(
        `To: soporte@mesa.test\r\nSubject: Respaldo\r\nMessage-ID: <grande-1@clinica.test>\r\n\r\n${'x'.repeat(6 * 1024 * 1024)}\r\n`,
      ),
      { from: null, to: ['soporte@mesa.test'] },
      'http',
    );
    await eventually(async () => (await services.mailAdmin.inbound({})).items.map((m) => m.status).sort()).toEqual([
      'failed',
      'failed',
      'processed',
    ]);

    const { page, pageErrors, context } = await openPage(app.browser, 'es-ES');
    await withScreenshots('mail-original', { admin: page }, async () => {
      await page.goto(`${app.baseUrl}/admin/mail?tab=inbound`);
      await signIn(
        page,
        { signInTitle: 'Iniciar sesión', email: 'Correo electrónico', password: 'Contraseña' },
        admin.email,
        TEST_PASSWORD,
      );
      // Newest first: the hostile message is the oldest of the two without a sender.
      await page.getByRole('button', { name: 'Ver original del mensaje de (sin remitente)' }).last().click();
      const drawer = page.getByRole('dialog', { name: 'Mensaje original' });
      await eventually(() => drawer.getByRole('heading', { name: 'Encabezados' }).isVisible()).toBe(true);
      // The header fields as they came, encoded words and all.
      await eventually(() => drawer.getByText('=?utf-8?q?Factura_pendiente?=').isVisible()).toBe(true);
      await expect.poll(() => drawer.getByText('<sin-remitente-1@clinica.test>').isVisible()).toBe(true);
      // The markup is shown, not run: no bold text, no image, no script.
      await expect
        .poll(() => drawer.getByText('<script>window.__pwned=1</script>', { exact: false }).isVisible())
        .toBe(true);
      expect(await drawer.locator('b, img, script').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      const download = drawer.getByRole('link', { name: 'Descargar .eml' });
      expect(await download.getAttribute('href')).toBe(`/api/v1/mail/inbound/${failed.id}/raw`);
      expect(await download.getAttribute('download')).toBe(`${failed.id}.eml`);
      await expectAccessible(page, 'inbound mail original (drawer)');
      const shot = join(tmpdir(), 'mesa-e2e-mail-original.png');
      await page.screenshot({ path: shot });
      console.log(`inbound mail original: ${shot}`);

      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Ver original del mensaje de (sin remitente)' }).first().click();
      const largeDrawer = page.getByRole('dialog', { name: 'Mensaje original' });
      await eventually(() =>
        largeDrawer.getByText('Este mensaje es demasiado grande para mostrarlo aquí').isVisible(),
      ).toBe(true);
      expect(await largeDrawer.getByRole('link', { name: 'Descargar .eml' }).getAttribute('href')).toBe(
        `/api/v1/mail/inbound/${large.id}/raw`,
      );
      await page.keyboard.press('Escape');
      await page.getByRole('tab', { name: 'Enviados' }).click();
      const [notice] = (await services.mailAdmin.outbound({})).items;
      expect(notice).toBeDefined();
      await eventually(() => page.getByText(`Message-ID: <${notice?.messageId}>`).isVisible()).toBe(true);
      await expectAccessible(page, 'outbound mail log');
      const outbound = join(tmpdir(), 'mesa-e2e-mail-outbound.png');
      await page.screenshot({ path: outbound, fullPage: true });
      console.log(`outbound mail log: ${outbound}`);

      // The same notice on its ticket, for the staff working it.
      await page.goto(`${app.baseUrl}/workspace/tickets/${notice?.ticketId}`);
      const notices = page.getByRole('region', { name: 'Avisos por correo' });
      await eventually(() => notices.getByText(`<${notice?.messageId}>`).isVisible()).toBe(true);
      await expect.poll(() => notices.getByText('Ticket recibido').isVisible()).toBe(true);
      await expect.poll(() => notices.getByText('Pendiente').isVisible()).toBe(true);
      await expectAccessible(page, 'ticket page with its mail notices');
      const ticketShot = join(tmpdir(), 'mesa-e2e-ticket-mail-notices.png');
      await page.screenshot({ path: ticketShot, fullPage: true });
      console.log(`ticket mail notices: ${ticketShot}`);
      expect(pageErrors).toEqual([]);
    });
    await context.close();
  }, 120_000);
});
