import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * The foundation, end to end in a real browser: an administrator signs in, creates a client
 * organization and a requester in it, signs out; the requester signs in and lands in the portal
 * of their organization, where the form to raise a ticket waits. Once per language, with the
 * browser set to that language.
 */

/** What the person sees, written out per language rather than read from the catalogs under test. */
const LANGUAGES = [
  {
    locale: 'en-US',
    lang: 'en',
    signInTitle: 'Sign in',
    email: 'Email',
    password: 'Password',
    organizations: 'Organizations',
    newOrganization: 'New organization',
    createOrganization: 'Create organization',
    name: 'Name',
    code: 'Code',
    users: 'Users',
    newUser: 'New user',
    requester: 'Requester',
    organization: 'Organization',
    initialPassword: 'Initial password',
    createUser: 'Create user',
    userMenu: (name: string) => `Menu for ${name}`,
    signOut: 'Sign out',
    welcome: (first: string) => `Hello, ${first}`,
    portalOf: (org: string) => `This is the portal of ${org}.`,
    newTicketTitle: 'New ticket',
    noOpenTickets: 'You have no open tickets.',
  },
  {
    locale: 'es-ES',
    lang: 'es',
    signInTitle: 'Iniciar sesión',
    email: 'Correo electrónico',
    password: 'Contraseña',
    organizations: 'Organizaciones',
    newOrganization: 'Nueva organización',
    createOrganization: 'Crear organización',
    name: 'Nombre',
    code: 'Código',
    users: 'Usuarios',
    newUser: 'Nuevo usuario',
    requester: 'Solicitante',
    organization: 'Organización',
    initialPassword: 'Contraseña inicial',
    createUser: 'Crear usuario',
    userMenu: (name: string) => `Menú de ${name}`,
    signOut: 'Cerrar sesión',
    welcome: (first: string) => `Hola, ${first}`,
    portalOf: (org: string) => `Estás en el portal de ${org}.`,
    newTicketTitle: 'Nuevo ticket',
    noOpenTickets: 'No tienes tickets abiertos.',
  },
] as const;

describe.runIf(RUN_BROWSER_TESTS)('the foundation in a browser', () => {
  let app: BrowserApp | undefined;
  let admin: { email: string; name: string } | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
    admin = await makeUser(app.built, ['admin'], null, { name: 'Ada Admin' });
  });

  afterAll(async () => {
    await app?.close();
  });

  for (const text of LANGUAGES) {
    it(`admin creates an organization and a requester, who then sees the portal [${text.locale}]`, async () => {
      if (!app || !admin) throw new Error('setup did not finish');
      const { baseUrl } = app;
      const signedIn = admin;
      const { context, page, pageErrors } = await openPage(app.browser, text.locale);
      const organizationName = `Clínica Andina ${text.lang.toUpperCase()}`;
      const requester = {
        name: `Rosa Quispe ${text.lang}`,
        email: `rosa.${text.lang}@clinica.example`,
        password: `portal password ${text.lang}`,
      };
      try {
        await withScreenshots(text.locale, { admin: page }, async () => {
          // The administrator signs in, in the browser's language.
          await page.goto(`${baseUrl}/`);
          await page.waitForURL(/\/login/);
          expect(await page.locator('html').getAttribute('lang')).toBe(text.lang);
          await signIn(page, text, signedIn.email, TEST_PASSWORD);
          await page.waitForURL(/\/workspace/);

          // A new client organization.
          await page.getByRole('link', { name: text.organizations, exact: true }).click();
          await page.getByRole('button', { name: text.newOrganization }).first().click();
          const orgDialog = page.getByRole('dialog');
          await orgDialog.getByLabel(text.name).fill(organizationName);
          await orgDialog.getByLabel(text.code).fill(`e2e-${text.lang}`);
          expect(await orgDialog.getByLabel(text.code).inputValue()).toBe(`E2E-${text.lang.toUpperCase()}`);
          await orgDialog.getByRole('button', { name: text.createOrganization }).click();
          await page.waitForURL(/\/admin\/organizations\/[^/]+$/);
          await expect.poll(() => page.getByText(organizationName, { exact: true }).first().isVisible()).toBe(true);

          // A requester in it, with a password.
          await page.getByRole('link', { name: text.users, exact: true }).click();
          await page.getByRole('button', { name: text.newUser }).click();
          const userDialog = page.getByRole('dialog');
          await userDialog.getByLabel(text.name).fill(requester.name);
          await userDialog.getByLabel(text.email).fill(requester.email);
          await userDialog.getByText(text.requester, { exact: true }).click();
          await userDialog.getByRole('combobox', { name: text.organization }).fill(organizationName.slice(0, 9));
          await page.getByRole('option', { name: organizationName }).click();
          await userDialog.getByLabel(text.initialPassword).fill(requester.password);
          await userDialog.getByRole('button', { name: text.createUser }).click();
          await userDialog.waitFor({ state: 'hidden' });
          await expect.poll(() => page.getByText(requester.email).isVisible()).toBe(true);

          // The administrator signs out.
          await page.getByRole('button', { name: text.userMenu(signedIn.name) }).click();
          await page.getByRole('menuitem', { name: text.signOut }).click();
          await page.waitForURL(/\/login/);

          // The requester signs in and lands in their organization's portal.
          await signIn(page, text, requester.email, requester.password);
          await page.waitForURL(/\/portal/);
          await expect.poll(() => page.getByRole('heading', { name: text.welcome('Rosa') }).isVisible()).toBe(true);
          expect(await page.getByText(text.portalOf(organizationName)).isVisible()).toBe(true);
          expect(await page.getByRole('heading', { name: text.newTicketTitle }).isVisible()).toBe(true);
          await expect.poll(() => page.getByText(text.noOpenTickets).isVisible(), { timeout: 10_000 }).toBe(true);
          expect(await page.locator('html').getAttribute('lang')).toBe(text.lang);
          expect(pageErrors).toEqual([]);
        });
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
