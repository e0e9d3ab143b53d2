import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { buildTestApp, makeUser, TEST_PASSWORD } from '../support/test-app.js';

/**
 * The foundation, end to end in a real browser: an administrator signs in, creates a client
 * organization and a requester in it, signs out; the requester signs in and lands in the portal
 * of their organization. Once per language, with the browser set to that language.
 */

const CHROMIUM = process.env.MESA_CHROMIUM || '/usr/bin/chromium';
const REQUIRED = process.env.MESA_E2E === 'required';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const WEB_DIR = resolve('dist/web');

if (!HAVE_CHROMIUM && !REQUIRED) {
  console.log(
    `Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set MESA_CHROMIUM=/path; MESA_E2E=required makes this a failure).`,
  );
}

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
    noServices: 'Your organization has no active services yet.',
    comingSoon: 'Raising tickets here is coming soon',
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
    noServices: 'Tu organización aún no tiene servicios activos.',
    comingSoon: 'Muy pronto podrás levantar tickets aquí',
  },
] as const;

type Texts = (typeof LANGUAGES)[number];

async function signIn(page: Page, text: Texts, email: string, password: string) {
  await expect.poll(() => page.getByRole('heading', { name: text.signInTitle }).isVisible()).toBe(true);
  await page.getByLabel(text.email).fill(email);
  await page.getByLabel(text.password, { exact: false }).first().fill(password);
  // Forms submit with Enter.
  await page.keyboard.press('Enter');
}

describe.skipIf(!HAVE_CHROMIUM && !REQUIRED)('the foundation in a browser', () => {
  let database: TestDatabase | undefined;
  let built: Awaited<ReturnType<typeof buildTestApp>> | undefined;
  let browser: Browser | undefined;
  let baseUrl = '';
  let admin: { email: string; name: string } | undefined;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`MESA_E2E=required but there is no Chromium at ${CHROMIUM}`);
    if (!existsSync(join(WEB_DIR, 'index.html'))) {
      throw new Error(`${WEB_DIR}/index.html is missing: run \`npm run build\` before the browser tests`);
    }
    database = await createTestDatabase('sqlite');
    built = await buildTestApp(database, { webDir: WEB_DIR });
    admin = await makeUser(built, ['admin'], null, { name: 'Ada Admin' });
    await built.app.listen({ port: 0, host: '127.0.0.1' });
    const address = built.app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
    baseUrl = `http://127.0.0.1:${address.port}`;
    // launch() starts Chromium on a fresh, temporary user-data directory of its own.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await built?.app.close();
    await database?.destroy();
  });

  for (const text of LANGUAGES) {
    it(`admin creates an organization and a requester, who then sees the portal [${text.locale}]`, async () => {
      if (!browser || !admin) throw new Error('setup did not finish');
      const context = await browser.newContext({ locale: text.locale, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.setDefaultTimeout(15_000);
      const organizationName = `Clínica Andina ${text.lang.toUpperCase()}`;
      const requester = {
        name: `Rosa Quispe ${text.lang}`,
        email: `rosa.${text.lang}@clinica.example`,
        password: `portal password ${text.lang}`,
      };
      try {
        // The administrator signs in, in the browser's language.
        await page.goto(`${baseUrl}/`);
        await page.waitForURL(/\/login/);
        expect(await page.locator('html').getAttribute('lang')).toBe(text.lang);
        await signIn(page, text, admin.email, TEST_PASSWORD);
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
        await page.getByRole('button', { name: text.userMenu(admin.name) }).click();
        await page.getByRole('menuitem', { name: text.signOut }).click();
        await page.waitForURL(/\/login/);

        // The requester signs in and lands in their organization's portal.
        await signIn(page, text, requester.email, requester.password);
        await page.waitForURL(/\/portal/);
        await expect.poll(() => page.getByRole('heading', { name: text.welcome('Rosa') }).isVisible()).toBe(true);
        expect(await page.getByText(text.portalOf(organizationName)).isVisible()).toBe(true);
        expect(await page.getByText(text.comingSoon).isVisible()).toBe(true);
        expect(await page.getByText(text.noServices).isVisible()).toBe(true);
        expect(await page.locator('html').getAttribute('lang')).toBe(text.lang);
        expect(pageErrors).toEqual([]);
      } catch (error) {
        // What the browser showed when it failed, to look at.
        const shot = join(tmpdir(), `mesa-e2e-failure-${text.locale}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
        console.log(`e2e failure [${text.locale}] at ${page.url()}; screenshot: ${shot}`);
        throw error;
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
