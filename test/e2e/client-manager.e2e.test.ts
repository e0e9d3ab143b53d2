import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganization, makeUser } from '../support/test-app.js';
import { expectAccessible } from './axe.js';
import {
  type BrowserApp,
  openPage,
  RUN_BROWSER_TESTS,
  signInThroughApi,
  startBrowserApp,
  withScreenshots,
} from './browser.js';

/** The admin's user form keeps a client manager's role, and gives it to a requester with one tick. */
describe.runIf(RUN_BROWSER_TESTS)('client managers in the admin user form', () => {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows a client manager’s role ticked and keeps it when the form is saved [es-ES]', async () => {
    if (!app) throw new Error('setup did not finish');
    const admin = await makeUser(app.built, ['admin']);
    const organization = await makeOrganization(app.built, 'Clínica Norte');
    const manager = await makeUser(app.built, ['requester', 'client_manager'], organization.id, {
      name: 'Marta Responsable',
    });
    const { context, page, pageErrors } = await openPage(app.browser, 'es-ES');
    await withScreenshots('client-manager', { admin: page }, async () => {
      await signInThroughApi(page, app?.baseUrl ?? '', admin.email);
      await page.goto(`${app?.baseUrl}/admin/users`);
      const row = page.getByRole('row').filter({ hasText: 'Marta Responsable' });
      await expect.poll(() => row.getByText('Responsable del cliente').isVisible()).toBe(true);
      await row.getByRole('button', { name: 'Editar' }).click();
      const dialog = page.getByRole('dialog', { name: 'Editar usuario' });
      const box = dialog.getByRole('checkbox', { name: 'Responsable del cliente' });
      await expect.poll(() => box.isChecked()).toBe(true);
      await expectAccessible(page, 'user form of a client manager');
      await page.screenshot({ path: '/tmp/mesa-client-manager-form.png' });
      await dialog.getByRole('textbox', { name: 'Nombre' }).fill('Marta Responsable Díaz');
      await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
    });
    const stored = async () =>
      (await app?.database.db.selectFrom('user_roles').select('role').where('user_id', '=', manager.id).execute())?.map(
        (row) => row.role,
      );
    expect((await stored())?.sort()).toEqual(['client_manager', 'requester']);
    await page.screenshot({ path: '/tmp/mesa-client-manager-list.png' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
