import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/platform/ids.js';
import { EICAR } from '../support/archives.js';
import { makeUser, TEST_CONFIG, TEST_PASSWORD } from '../support/test-app.js';
import { expectAccessible } from './axe.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * Administración → Cuarentena in a browser: an administrator finds the infected file a requester
 * sent, reads why it cannot be downloaded, and deletes it. The row is written as the virus scan
 * writes it (that path runs against a real clamd in attachment-scanning.test.ts). Once per language.
 */

const LANGUAGES = [
  {
    locale: 'en-US',
    signInTitle: 'Sign in',
    email: 'Email',
    password: 'Password',
    nav: 'Quarantine',
    noDownload: 'They cannot be downloaded',
    delete: 'Delete',
  },
  {
    locale: 'es-ES',
    signInTitle: 'Iniciar sesión',
    email: 'Correo electrónico',
    password: 'Contraseña',
    nav: 'Cuarentena',
    noDownload: 'No se pueden descargar',
    delete: 'Eliminar',
  },
] as const;

describe.runIf(RUN_BROWSER_TESTS)('quarantine in a browser', () => {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  for (const text of LANGUAGES) {
    it(`an administrator sees an infected file, where it came from, and deletes it [${text.locale}]`, async () => {
      if (!app) throw new Error('setup did not finish');
      const admin = await makeUser(app.built, ['admin']);
      const sender = await makeUser(app.built, ['agent'], null, { name: `Sender ${text.locale}` });
      const id = newId();
      const key = `quarantine/2026-12/${id}`;
      const file = join(TEST_CONFIG.dataDir, 'files', key);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, EICAR);
      const fileName = `factura-${text.locale}.txt`;
      await app.database.db
        .insertInto('quarantined_files')
        .values({
          id,
          ticket_id: null,
          file_name: fileName,
          size: EICAR.length,
          sha256: createHash('sha256').update(EICAR).digest('hex'),
          storage_key: key,
          signature: 'Mesa-Test-EICAR.UNOFFICIAL',
          uploaded_by_id: sender.id,
          request_id: null,
          created_at: new Date().toISOString(),
        })
        .execute();
      const { page, context, pageErrors } = await openPage(app.browser, text.locale);
      try {
        await withScreenshots(`quarantine-${text.locale}`, { admin: page }, async () => {
          await page.goto(app?.baseUrl ?? '');
          await signIn(page, text, admin.email, TEST_PASSWORD);
          await page.getByRole('link', { name: text.nav, exact: true }).click();
          await expect.poll(() => page.getByRole('heading', { name: text.nav, exact: true }).isVisible()).toBe(true);
          const row = page.getByRole('row').filter({ hasText: fileName });
          await expect.poll(() => row.getByText('Mesa-Test-EICAR.UNOFFICIAL').isVisible()).toBe(true);
          expect(await row.textContent()).toContain(sender.name);
          expect(await page.getByText(text.noDownload).isVisible()).toBe(true);
          // Nothing on the screen leads to the bytes.
          expect(await row.getByRole('link').count()).toBe(0);
          await expectAccessible(page, `quarantine (${text.locale})`);
          await row.getByRole('button').click();
          const dialog = page.getByRole('dialog');
          await expect.poll(() => dialog.getByText(fileName).isVisible()).toBe(true);
          // Checked once its opening transition has ended: half-faded text has no contrast to judge.
          await expect.poll(() => dialog.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
          const confirm = dialog.getByRole('button', { name: text.delete, exact: true });
          await expect.poll(() => confirm.evaluate((button) => button === document.activeElement)).toBe(true);
          await expectAccessible(page, `quarantine delete dialog (${text.locale})`);
          await confirm.click();
          await expect.poll(() => page.getByRole('row').filter({ hasText: fileName }).count()).toBe(0);
          expect(existsSync(file)).toBe(false);
        });
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
