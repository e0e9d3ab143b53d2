import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/platform/request-context.js';
import { makeUser } from '../support/test-app.js';
import { expectAccessible } from './axe.js';
import {
  type BrowserApp,
  openPage,
  RUN_BROWSER_TESTS,
  signInThroughApi,
  startBrowserApp,
  withScreenshots,
} from './browser.js';

/**
 * The administration forms share one way of showing errors (useFormErrors): a refused submit marks
 * every field to fix and puts the cursor in the first, and each error goes as soon as its field is
 * right. Shown on the routing rule form, whose two required fields are a text and a select, and
 * on the category tree's inline forms (add, and rename in place).
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
      await signInThroughApi(page, app?.baseUrl ?? '', admin.email);
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

  it('marks an empty category name in the tree, and clears it once written [en-US]', async () => {
    if (!app) throw new Error('setup did not finish');
    const admin = await makeUser(app.built, ['admin']);
    await app.built.services.categories.create(systemContext, { name: 'Printing', serviceId: null });
    const { context, page, pageErrors } = await openPage(app.browser, 'en-US');
    await withScreenshots('category-forms', { admin: page }, async () => {
      await signInThroughApi(page, app?.baseUrl ?? '', admin.email);
      await page.goto(`${app?.baseUrl}/admin/categories`);
      const isFocused = (locator: ReturnType<typeof page.getByRole>) =>
        locator.evaluate((element) => element === document.activeElement);

      // Adding with nothing written: the field says so and takes the cursor.
      const add = page.getByRole('form', { name: 'New category' });
      const newName = add.getByRole('textbox', { name: 'New category' });
      await add.getByRole('button', { name: 'Add' }).click();
      await expect.poll(() => add.getByText('This field is required.').isVisible()).toBe(true);
      await expect.poll(() => isFocused(newName)).toBe(true);
      await newName.fill('Scanning');
      await expect.poll(() => add.getByText('This field is required.').count()).toBe(0);
      await add.getByRole('button', { name: 'Add' }).click();
      await expect.poll(() => page.getByText('Scanning', { exact: true }).isVisible()).toBe(true);
      expect(await newName.inputValue()).toBe('');

      // Renaming to nothing: refused in place, the tree unchanged.
      const row = page.getByRole('listitem').filter({ hasText: 'Printing' });
      await row.getByRole('button', { name: 'Rename' }).click();
      const rename = page.getByRole('form', { name: 'Rename' });
      const name = rename.getByRole('textbox', { name: 'Name' });
      await name.fill('');
      await rename.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => rename.getByText('This field is required.').isVisible()).toBe(true);
      await expect.poll(() => isFocused(name)).toBe(true);
      await expectAccessible(page, 'category tree with a refused rename');
      await name.fill('Printers');
      await expect.poll(() => rename.getByText('This field is required.').count()).toBe(0);
      await rename.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.getByText('Printers', { exact: true }).isVisible()).toBe(true);
    });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
