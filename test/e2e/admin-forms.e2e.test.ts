import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { expectAccessible } from './axe.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, startBrowserApp, withScreenshots } from './browser.js';

/**
 * The administration forms share one way of showing errors (useFormErrors): a refused submit marks
 * every field to fix and puts the cursor in the first, and each error goes as soon as its field is
 * right. Shown on the routing rule form, whose two required fields are a text and a select.
 */
describe.runIf(RUN_BROWSER_TESTS)('administration forms in a browser', () => {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('focuses the first field to fix and clears each error once it is right [es-ES]', async () => {
    if (!app) throw new Error('setup did not finish');
    const admin = await makeUser(app.built, ['admin']);
    const { context, page, pageErrors } = await openPage(app.browser, 'es-ES');
    await withScreenshots('admin-forms', { admin: page }, async () => {
      const signedIn = await page.request.post(`${app?.baseUrl}/api/v1/auth/login`, {
        data: { email: admin.email, password: TEST_PASSWORD },
      });
      expect(signedIn.status()).toBe(200);
      await page.goto(`${app?.baseUrl}/admin/groups`);
      await page.getByRole('button', { name: 'Nueva regla' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nueva regla' });
      await dialog.getByRole('button', { name: 'Crear regla' }).click();

      const required = dialog.getByText('Este campo es obligatorio.');
      await expect.poll(() => required.count()).toBe(2);
      const name = dialog.getByRole('textbox', { name: 'Nombre' });
      await expect.poll(() => name.evaluate((element) => element === document.activeElement)).toBe(true);
      await expectAccessible(page, 'routing rule form with errors');

      await name.fill('Correo de Clínica Norte');
      await expect.poll(() => required.count()).toBe(1);
      expect(await name.getAttribute('aria-invalid')).not.toBe('true');
    });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
