import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/platform/clock.js';
import { systemContext } from '../../server/platform/request-context.js';
import { startTestProvider, totpCode, wrongCode } from '../support/auth-app.js';
import { makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { expectAccessible } from './axe.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * Two-step verification and OpenID Connect sign-in in a browser. An agent turns on TOTP from the
 * account page (reading the key printed under the QR code, as someone without a camera would),
 * signs out, and signs in again with a code and then with a recovery code. An administrator sets
 * up a local identity provider on Administración → Proveedores de identidad (and, on the same
 * screen, which roles must use a second factor), and someone the desk has never seen signs in with
 * it from the sign-in page and lands in Mesa with the mapped role.
 *
 * The server's clock is held still and moved a TOTP step at a time, so every code is the one the
 * server expects, whatever the machine's speed.
 */

const STEP = 30_000;

/** Waits for the page to show something; argon2 hashing on a busy machine can take seconds. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });
const SHOT = '/work/briefs/shots/idp-es.png';

describe.runIf(RUN_BROWSER_TESTS)('two-step verification and identity providers in a browser', () => {
  const clock = fixedClock(new Date());
  let app: BrowserApp | undefined;
  let idp: Awaited<ReturnType<typeof startTestProvider>> | undefined;

  beforeAll(async () => {
    app = await startBrowserApp({ clock, oidcOptions: { allowHttpIssuer: true } });
    // The provider sends the browser back to this Mesa, so it starts once Mesa has its port.
    idp = await startTestProvider({ redirectUri: `${app.baseUrl}/api/v1/auth/oidc/callback` });
  });

  afterAll(async () => {
    await idp?.close();
    await app?.close();
  });

  async function signOut(page: Page, name: string, signOutLabel: string) {
    await page
      .getByRole('button', { name: new RegExp(name) })
      .first()
      .click();
    await page.getByRole('menuitem', { name: signOutLabel }).click();
    await page.waitForURL(/\/login/);
  }

  it('turns on TOTP from the account page, then signs in with a code and with a recovery code [en-US]', async () => {
    if (!app) throw new Error('setup did not finish');
    const text = { signInTitle: 'Sign in', email: 'Email', password: 'Password' };
    const agent = await makeUser(app.built, ['agent'], null, { name: 'Tomás Totp' });
    const { page, context, pageErrors } = await openPage(app.browser, 'en-US');
    try {
      await withScreenshots('mfa-en', { agent: page }, async () => {
        await page.goto(app?.baseUrl ?? '');
        await signIn(page, text, agent.email, TEST_PASSWORD);
        await page.waitForURL(/\/workspace/);
        await page.getByRole('link', { name: 'My account', exact: true }).click();
        const panel = page.getByRole('heading', { name: 'Two-step verification' });
        await eventually(() => panel.isVisible()).toBe(true);
        await page.getByRole('button', { name: 'Turn on' }).click();
        await eventually(() => page.getByRole('img', { name: 'QR code for the authenticator app' }).isVisible()).toBe(
          true,
        );
        await expectAccessible(page, 'account page, two-step verification enrolment');
        const secret = ((await page.getByText('Key to type by hand').locator('code').textContent()) ?? '').trim();
        expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

        await page.getByLabel('6-digit code').fill(totpCode(secret, clock.now()));
        await page.getByRole('button', { name: 'Confirm' }).click();
        await eventually(() => page.getByRole('heading', { name: 'Recovery codes' }).isVisible()).toBe(true);
        const recoveryCodes = (await page.getByRole('listitem').locator('code').allTextContents()).map((c) => c.trim());
        expect(recoveryCodes).toHaveLength(10);
        await expectAccessible(page, 'account page, recovery codes');
        await page.getByRole('button', { name: 'Done, I saved them' }).click();
        await eventually(() => page.getByText('You have 10 recovery codes left.').isVisible()).toBe(true);

        // The password alone no longer opens a session: the second step asks for a code.
        await signOut(page, 'Tomás Totp', 'Sign out');
        clock.advance(STEP);
        await signIn(page, text, agent.email, TEST_PASSWORD);
        await eventually(() => page.getByRole('heading', { name: 'Two-step verification' }).isVisible()).toBe(true);
        await expectAccessible(page, 'sign-in, second step');
        await page.getByLabel('Code').fill(wrongCode(secret, clock.now()));
        await page.getByRole('button', { name: 'Verify' }).click();
        await eventually(() => page.getByRole('alert').filter({ hasText: 'The code is wrong' }).isVisible()).toBe(true);
        await page.getByLabel('Code').fill(totpCode(secret, clock.now()));
        await page.getByRole('button', { name: 'Verify' }).click();
        await page.waitForURL(/\/workspace/);
        await eventually(() =>
          page
            .getByRole('button', { name: /Tomás Totp/ })
            .first()
            .isVisible(),
        ).toBe(true);

        // Without the phone: a recovery code instead, once.
        await signOut(page, 'Tomás Totp', 'Sign out');
        await signIn(page, text, agent.email, TEST_PASSWORD);
        await eventually(() => page.getByRole('heading', { name: 'Two-step verification' }).isVisible()).toBe(true);
        await page.getByLabel('Code').fill(recoveryCodes[0] ?? '');
        await page.getByRole('button', { name: 'Verify' }).click();
        await page.waitForURL(/\/workspace/);
        await page.getByRole('link', { name: 'My account', exact: true }).click();
        await eventually(() => page.getByText('You have 9 recovery codes left.').isVisible()).toBe(true);
      });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('sets up an identity provider on its admin screen, and a new person signs in with it [es-ES]', async () => {
    if (!app || !idp) throw new Error('setup did not finish');
    const text = { signInTitle: 'Iniciar sesión', email: 'Correo electrónico', password: 'Contraseña' };
    const secret = 'mesa-secret-for-tests-only';
    const admin = await makeUser(app.built, ['admin'], null, { name: 'Ada Admin' });
    // One made earlier, to be deleted from the screen.
    await app.built.services.oidc.create(systemContext, {
      name: 'Proveedor antiguo',
      issuer: 'https://old-sso.example.com',
      clientId: 'old',
      clientSecret: 'old-secret-value',
      organizationId: null,
      defaultRole: 'agent',
    });
    idp.accounts.set('jit-1', {
      email: 'juana.federada@corp.test',
      email_verified: true,
      name: 'Juana Federada',
      groups: ['mesa-leads'],
    });
    const { page, context, pageErrors } = await openPage(app.browser, 'es-ES');
    try {
      await withScreenshots('idp-es', { admin: page }, async () => {
        await page.goto(app?.baseUrl ?? '');
        await signIn(page, text, admin.email, TEST_PASSWORD);
        await page.getByRole('link', { name: 'Proveedores de identidad', exact: true }).click();
        await eventually(() =>
          page.getByRole('heading', { name: 'Proveedores de identidad', exact: true }).isVisible(),
        ).toBe(true);
        const table = page.getByRole('table', { name: 'Proveedores de identidad configurados' });
        await eventually(() => table.getByText('Proveedor antiguo').isVisible()).toBe(true);

        // Delete, after confirming.
        await page.getByRole('button', { name: 'Eliminar Proveedor antiguo' }).click();
        const confirm = page.getByRole('dialog', { name: '¿Eliminar el proveedor?' });
        await confirm.getByRole('button', { name: 'Eliminar' }).click();
        await eventually(() => page.getByText('Sin proveedores de identidad').isVisible()).toBe(true);

        // Add one; the server's word on a bad issuer shows on the issuer field.
        await page.getByRole('button', { name: 'Agregar proveedor' }).click();
        const dialog = page.getByRole('dialog', { name: 'Nuevo proveedor de identidad' });
        await eventually(() => dialog.isVisible()).toBe(true);
        await dialog.getByLabel('Nombre', { exact: false }).first().fill('SSO Corporativo');
        await dialog.getByLabel('URL del emisor (issuer)', { exact: false }).fill(`${idp?.issuer}/?tenant=1`);
        await dialog.getByLabel('ID de cliente', { exact: false }).fill('mesa');
        await dialog.getByLabel('Secreto de cliente', { exact: false }).fill(secret);
        await dialog.getByLabel('Claim de roles').fill('groups');
        await dialog.getByRole('button', { name: 'Agregar valor' }).click();
        await dialog.getByLabel('Valor del claim 1').fill('mesa-leads');
        await dialog.getByLabel('Rol que da 1').click();
        await page.getByRole('option', { name: 'Supervisor (N3)' }).click();
        await expectAccessible(page, 'identity provider modal');
        await dialog.getByRole('button', { name: 'Agregar proveedor' }).click();
        await eventually(() => dialog.getByText('Sin parámetros (?) ni fragmento (#).').isVisible()).toBe(true);
        await dialog.getByLabel('URL del emisor (issuer)', { exact: false }).fill(idp?.issuer ?? '');
        await dialog.getByRole('button', { name: 'Agregar proveedor' }).click();
        await eventually(() => dialog.isVisible()).toBe(false);
        const row = table.getByRole('row').filter({ hasText: 'SSO Corporativo' });
        await eventually(() => row.getByText('Activo', { exact: true }).isVisible()).toBe(true);
        expect(await row.textContent()).toContain('mesa-leads → Supervisor (N3)');
        await expectAccessible(page, 'identity providers');
        await page.screenshot({ path: SHOT, fullPage: true });

        // Edit: the secret is never shown back; a new name, kept secret.
        await row.getByRole('button', { name: 'Editar SSO Corporativo' }).click();
        const edit = page.getByRole('dialog', { name: 'Editar proveedor de identidad' });
        await eventually(() => edit.isVisible()).toBe(true);
        expect(await edit.getByLabel('Secreto de cliente', { exact: false }).inputValue()).toBe('');
        expect(await page.content()).not.toContain(secret);
        await edit.getByLabel('Nombre', { exact: false }).first().fill('SSO de la empresa');
        await edit.getByRole('button', { name: 'Guardar cambios' }).click();
        await eventually(() => edit.isVisible()).toBe(false);

        // Deactivated, it leaves the sign-in page; active again, it is back.
        const renamed = table.getByRole('row').filter({ hasText: 'SSO de la empresa' });
        await renamed.getByRole('button', { name: 'Desactivar' }).click();
        await eventually(() => renamed.getByText('Inactivo', { exact: true }).isVisible()).toBe(true);
        const offered = await app?.built.app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
        expect(offered?.json().items).toEqual([]);
        await renamed.getByRole('button', { name: 'Activar' }).click();
        await eventually(() => renamed.getByText('Activo', { exact: true }).isVisible()).toBe(true);

        // The desk asks analysts for a second factor from now on (the new person is a supervisor).
        await page.getByRole('checkbox', { name: 'Analista' }).check();
        await page.getByRole('button', { name: 'Guardar', exact: true }).click();
        await eventually(() => page.getByRole('status').filter({ hasText: 'Guardado.' }).isVisible()).toBe(true);
        expect((await app?.built.services.settings.securitySettings())?.mfaRequiredFor).toEqual(['analyst']);

        // Someone the desk has never seen signs in with it.
        await signOut(page, 'Ada Admin', 'Cerrar sesión');
        idp?.signInAs('jit-1');
        await page.getByRole('link', { name: 'Ingresar con SSO de la empresa' }).click();
        await page.waitForURL(/\/workspace/);
        await eventually(() =>
          page
            .getByRole('button', { name: /Juana Federada/ })
            .first()
            .isVisible(),
        ).toBe(true);
        const person = await app?.built.services.users.findByEmail('juana.federada@corp.test');
        expect(person).toMatchObject({ name: 'Juana Federada', roles: ['supervisor'], organizationId: null });
      });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
