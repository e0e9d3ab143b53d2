import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailSink } from '../support/mail-sink.js';
import { makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { expectAccessible } from './axe.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * A forgotten password, in the browser: the link on the sign-in page, the address typed, the mail
 * that arrives (over real SMTP on loopback), the new password (a mismatch first, which puts the
 * cursor on the field to fix), and signing in with it; the same link refused a second time.
 */

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });
const NEW_PASSWORD = 'a kite above the windy dunes';

describe.runIf(RUN_BROWSER_TESTS)('a forgotten password in the browser', () => {
  let app: BrowserApp;
  let sink: Awaited<ReturnType<typeof startMailSink>>;

  beforeAll(async () => {
    sink = await startMailSink();
    app = await startBrowserApp({
      mail: {
        listenPort: null,
        listenHost: '127.0.0.1',
        relayUrl: `smtp://127.0.0.1:${sink.port}`,
        from: 'Mesa Soporte <soporte@mesa.test>',
        inboundToken: null,
        // The port is chosen when the app listens: the test opens the link's path on it.
        publicUrl: 'https://mesa.example',
      },
    });
  }, 60_000);

  afterAll(async () => {
    await sink?.close();
    app?.built.services.mailOutbox.close();
    await app?.close();
  });

  it('mails a link that sets a new password once', async () => {
    const agent = await makeUser(app.built, ['agent']);
    const { page, pageErrors, context } = await openPage(app.browser, 'es-ES');
    await withScreenshots('password-reset', { agent: page }, async () => {
      await page.goto(`${app.baseUrl}/login`);
      await expect.poll(() => page.getByRole('heading', { name: 'Iniciar sesión' }).isVisible()).toBe(true);
      await expectAccessible(page, 'sign-in');
      await page.getByRole('link', { name: '¿Olvidaste tu contraseña?' }).click();

      await expect.poll(() => page.getByRole('heading', { name: 'Recuperar la contraseña' }).isVisible()).toBe(true);
      await expectAccessible(page, 'forgot password');
      await page.getByLabel('Correo electrónico').fill(agent.email);
      await page.getByRole('button', { name: 'Enviar el enlace' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Revisa tu correo' }).isVisible()).toBe(true);
      await expect.poll(() => page.getByRole('status').textContent()).toContain(agent.email);
      await expectAccessible(page, 'forgot password, sent');

      // The outbox worker's run.
      await app.built.services.mailOutbox.sendDue();
      await eventually(async () =>
        sink.received.some((mail) => mail.to && JSON.stringify(mail.to).includes(agent.email)),
      ).toBe(true);
      const mail = sink.received.find((m) => JSON.stringify(m.to).includes(agent.email));
      expect(mail?.subject).toBe('Elige una contraseña nueva para Mesa');
      const link = /https:\/\/mesa\.example(\/reset-password#token=[\w-]+)/.exec(mail?.text ?? '')?.[1];
      expect(link).toBeDefined();

      await page.goto(`${app.baseUrl}${link}`);
      await expect
        .poll(() => page.getByRole('heading', { name: 'Elegir una contraseña nueva' }).isVisible())
        .toBe(true);
      // The secret leaves the address bar once read.
      expect(new URL(page.url()).hash).toBe('');
      await expectAccessible(page, 'reset password');
      await page.getByLabel('Contraseña nueva', { exact: false }).first().fill(NEW_PASSWORD);
      await page.getByLabel('Repite la contraseña nueva', { exact: false }).fill('a kite above the windy dune');
      await page.getByRole('button', { name: 'Guardar la contraseña' }).click();
      // The check stops the send and puts the cursor on the field to fix; fixing it clears the error.
      await expect.poll(() => page.getByText('Las contraseñas no coinciden.').isVisible()).toBe(true);
      const repeat = page.getByLabel('Repite la contraseña nueva', { exact: false });
      await expect.poll(() => repeat.evaluate((input) => input === document.activeElement)).toBe(true);
      await expectAccessible(page, 'reset password, with an error');
      await repeat.fill(NEW_PASSWORD);
      await expect.poll(() => page.getByText('Las contraseñas no coinciden.').count()).toBe(0);
      await page.getByRole('button', { name: 'Guardar la contraseña' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Contraseña cambiada' }).isVisible()).toBe(true);
      await expectAccessible(page, 'reset password, done');

      await page.getByRole('link', { name: 'Volver a iniciar sesión' }).click();
      await signIn(
        page,
        { signInTitle: 'Iniciar sesión', email: 'Correo electrónico', password: 'Contraseña' },
        agent.email,
        TEST_PASSWORD,
      );
      // The old password no longer opens the account.
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('no son correctos');
      await page.getByLabel('Contraseña', { exact: false }).first().fill(NEW_PASSWORD);
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).pathname).not.toBe('/login');

      // The link was good for one use.
      const second = await context.newPage();
      await second.goto(`${app.baseUrl}${link}`);
      await second.getByLabel('Contraseña nueva', { exact: false }).first().fill('yet another long passphrase');
      await second.getByLabel('Repite la contraseña nueva', { exact: false }).fill('yet another long passphrase');
      await second.getByRole('button', { name: 'Guardar la contraseña' }).click();
      await expect.poll(() => second.getByText('Este enlace ya se usó', { exact: false }).isVisible()).toBe(true);
      const shot = join(tmpdir(), 'mesa-e2e-password-reset-used.png');
      await second.screenshot({ path: shot, fullPage: true });
      console.log(`reset link used twice: ${shot}`);
      expect(pageErrors).toEqual([]);
    });
    await context.close();
  }, 120_000);
});
