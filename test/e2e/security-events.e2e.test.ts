import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * Administración → Eventos de seguridad in a browser: someone guessed at an agent's password; an
 * administrator finds the failure in the security log, filters by kind, and unlocks the agent from
 * the users page. Once per language.
 */

const LANGUAGES = [
  {
    locale: 'en-US',
    signInTitle: 'Sign in',
    email: 'Email',
    password: 'Password',
    nav: 'Security events',
    failed: 'Sign-in failed',
    signedIn: 'Signed in',
    anyKind: 'All events',
    users: 'Users',
    unlock: 'Unlock sign-in',
    unlocked: 'was lifted',
  },
  {
    locale: 'es-ES',
    signInTitle: 'Iniciar sesión',
    email: 'Correo electrónico',
    password: 'Contraseña',
    nav: 'Eventos de seguridad',
    failed: 'Acceso fallido',
    signedIn: 'Acceso correcto',
    anyKind: 'Todos los eventos',
    users: 'Usuarios',
    unlock: 'Desbloquear acceso',
    unlocked: 'Se levantó el bloqueo',
  },
] as const;

describe.runIf(RUN_BROWSER_TESTS)('security events in a browser', () => {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  for (const text of LANGUAGES) {
    it(`an administrator reads failed sign-ins and unlocks the account [${text.locale}]`, async () => {
      if (!app) throw new Error('setup did not finish');
      const admin = await makeUser(app.built, ['admin']);
      const agent = await makeUser(app.built, ['agent'], null, { name: `Guessed At ${text.locale}` });
      const guess = await app.built.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: agent.email, password: 'a wrong guess here' },
        remoteAddress: '10.44.0.1',
      });
      expect(guess.statusCode).toBe(401);
      const { page, context, pageErrors } = await openPage(app.browser, text.locale);
      try {
        await withScreenshots(`security-${text.locale}`, { admin: page }, async () => {
          await page.goto(app?.baseUrl ?? '');
          await signIn(page, text, admin.email, TEST_PASSWORD);
          await page.getByRole('link', { name: text.nav, exact: true }).click();
          await expect.poll(() => page.getByRole('heading', { name: text.nav, exact: true }).isVisible()).toBe(true);
          const row = page.getByRole('row').filter({ hasText: agent.email });
          await expect.poll(() => row.getByText(text.failed).isVisible()).toBe(true);
          expect(await row.textContent()).toContain('10.44.0.1');
          expect(await page.content()).not.toContain('a wrong guess here');
          await page.getByPlaceholder(text.anyKind).click();
          await page.getByRole('option', { name: text.signedIn, exact: true }).click();
          await expect.poll(() => page.getByRole('row').filter({ hasText: agent.email }).count()).toBe(0);
          await page.getByRole('link', { name: text.users, exact: true }).click();
          const userRow = page.getByRole('row').filter({ hasText: agent.email });
          await userRow.getByRole('button', { name: text.unlock }).click();
          await expect.poll(() => page.getByRole('status').filter({ hasText: text.unlocked }).isVisible()).toBe(true);
        });
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
