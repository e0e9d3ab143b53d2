import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/platform/request-context.js';
import { outboxOnlyMail } from '../support/mail-desk.js';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { expectAccessible } from './axe.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, startBrowserApp, withScreenshots } from './browser.js';

/**
 * The admin says, per mailbox, what happens to unknown senders, and reads it back in words; staff
 * see that mail to a requester bounces (a delivery report recorded on the ticket), and an admin
 * clears the mark.
 */
const DESK = 'soporte@mesa.test';
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

describe.runIf(RUN_BROWSER_TESTS)('mail rules in the browser', () => {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp({
      mail: outboxOnlyMail({
        from: `Mesa Soporte <${DESK}>`,
      }),
    });
  }, 60_000);

  afterAll(async () => {
    app?.built.services.mailOutbox.close();
    await app?.close();
  });

  it('lets the admin choose where unknown senders go, and says it in words [es-ES]', async () => {
    if (!app) throw new Error('setup did not finish');
    const { services } = app.built;
    await makeOrganization(app.built, 'Particulares');
    await services.mailAdmin.createMailbox(systemContext, { address: DESK, name: 'Soporte', organizationId: null });
    const admin = await makeUser(app.built, ['admin']);
    const { context, page, pageErrors } = await openPage(app.browser, 'es-ES');
    await withScreenshots('mail-rules-mailbox', { admin: page }, async () => {
      const signedIn = await page.request.post(`${app?.baseUrl}/api/v1/auth/login`, {
        data: { email: admin.email, password: TEST_PASSWORD },
      });
      expect(signedIn.status()).toBe(200);
      await page.goto(`${app?.baseUrl}/admin/mail`);
      await eventually(() => page.getByText('Esperan hasta que se asigne su dominio').isVisible()).toBe(true);

      await page.getByRole('button', { name: `Editar ${DESK}` }).click();
      const dialog = page.getByRole('dialog', { name: `Editar ${DESK}` });
      await expect.poll(() => dialog.getByRole('radio', { name: 'Esperan' }).isChecked()).toBe(true);
      await dialog.getByRole('radio', { name: 'Pasan a una organización' }).check();
      await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
      await eventually(() => dialog.getByText('Elige la organización, o deja que esperen.').isVisible()).toBe(true);
      await expectAccessible(page, 'mailbox form, unknown senders without organization');

      await dialog.getByRole('combobox', { name: 'Organización para remitentes desconocidos' }).fill('Particu');
      await page.getByRole('option', { name: 'Particulares' }).click();
      const shot = join(tmpdir(), 'mesa-e2e-mailbox-unknown-senders.png');
      await page.screenshot({ path: shot });
      console.log(`mailbox form: ${shot}`);
      await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
      await eventually(() => page.getByText('Pasan a ser solicitantes de Particulares').isVisible()).toBe(true);
      const table = join(tmpdir(), 'mesa-e2e-mailboxes-table.png');
      await page.screenshot({ path: table });
      console.log(`mailboxes table: ${table}`);
      const [mailbox] = await services.mailAdmin.listMailboxes();
      expect(mailbox?.unknownSenderOrganizationId).not.toBeNull();
    });
    expect(pageErrors).toEqual([]);
    await context.close();

    // The same words in English.
    const english = await openPage(app.browser, 'en-US');
    await withScreenshots('mail-rules-mailbox-en', { admin: english.page }, async () => {
      const signedIn = await english.page.request.post(`${app?.baseUrl}/api/v1/auth/login`, {
        data: { email: admin.email, password: TEST_PASSWORD },
      });
      expect(signedIn.status()).toBe(200);
      await english.page.goto(`${app?.baseUrl}/admin/mail`);
      await eventually(() => english.page.getByText('They become requesters of Particulares').isVisible()).toBe(true);
      await english.page.getByRole('button', { name: `Edit ${DESK}` }).click();
      const dialog = english.page.getByRole('dialog', { name: `Edit ${DESK}` });
      await expect.poll(() => dialog.getByRole('radio', { name: 'They join an organization' }).isChecked()).toBe(true);
      const shot = join(tmpdir(), 'mesa-e2e-mailbox-unknown-senders-en.png');
      await english.page.screenshot({ path: shot });
      console.log(`mailbox form in English: ${shot}`);
    });
    expect(english.pageErrors).toEqual([]);
    await english.context.close();
  }, 90_000);

  it('shows staff that mail to the requester bounces, and lets an admin clear it [es-ES]', async () => {
    if (!app) throw new Error('setup did not finish');
    const { services } = app.built;
    const { db } = app.database;
    const clinica = await makeOrganization(app.built, 'Clínica Andina');
    await services.mailAdmin.addDomain(systemContext, { domain: 'clinica.test', organizationId: clinica.id });
    const first = await services.mailIntake.accept(
      Buffer.from(
        [
          'From: Ex Funcionaria <exfuncionaria@clinica.test>',
          `To: ${DESK}`,
          'Subject: La impresora de admisión no imprime',
          'Message-ID: <e2e-bounce-1@clinica.test>',
          '',
          'No imprime desde ayer.',
        ].join('\r\n'),
      ),
      { from: 'exfuncionaria@clinica.test', to: [DESK] },
      'http',
    );
    const ticketIdOf = async (id: string) =>
      (await db.selectFrom('inbound_mail').select('ticket_id').where('id', '=', id).executeTakeFirstOrThrow())
        .ticket_id;
    await eventually(() => ticketIdOf(first.id)).not.toBeNull();
    const ticketId = (await ticketIdOf(first.id)) as string;
    // The acknowledgment Mesa wrote is the one the Exchange NDR of the corpus quotes.
    await db
      .updateTable('outbound_mail')
      .set({ message_id: '019a1f3c2b7e.4d5e6f70@mesa.test', status: 'sent' })
      .where('ticket_id', '=', ticketId)
      .execute();
    const report = await services.mailIntake.accept(
      readFileSync(new URL('../fixtures/mail/09-bounce-dsn-exchange.eml', import.meta.url)),
      { from: null, to: [DESK] },
      'http',
    );
    await eventually(() => ticketIdOf(report.id)).toBe(ticketId);

    const admin = await makeUser(app.built, ['admin']);
    const { context, page, pageErrors } = await openPage(app.browser, 'es-ES');
    await withScreenshots('mail-rules-bounce', { admin: page }, async () => {
      const signedIn = await page.request.post(`${app?.baseUrl}/api/v1/auth/login`, {
        data: { email: admin.email, password: TEST_PASSWORD },
      });
      expect(signedIn.status()).toBe(200);
      await page.goto(`${app?.baseUrl}/workspace/tickets/${ticketId}`);
      await eventually(() => page.getByText('Correo rebota').isVisible()).toBe(true);
      await eventually(() =>
        page.getByText('El correo a exfuncionaria@clinica.test no se pudo entregar').isVisible(),
      ).toBe(true);
      await expect
        .poll(() =>
          page
            .getByText(/5\.1\.10 550 5\.1\.10 RESOLVER/)
            .first()
            .isVisible(),
        )
        .toBe(true);
      await expectAccessible(page, 'ticket with a bouncing requester');
      const shot = join(tmpdir(), 'mesa-e2e-bounce-ticket.png');
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`ticket with a bounce: ${shot}`);

      await page.getByRole('button', { name: 'Marcar que recibe correo' }).click();
      await eventually(() => page.getByText('Correo rebota').count()).toBe(0);
    });
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000);
});
