import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../server/platform/jobs.js';
import { makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * Administración → Tareas in a browser: the background jobs ran once through the job runner, as
 * the server runs them; an administrator finds them in the navigation, sees how each last went,
 * and opens one to read its runs. Once per language.
 */

const LANGUAGES = [
  {
    locale: 'en-US',
    signInTitle: 'Sign in',
    email: 'Email',
    password: 'Password',
    nav: 'Jobs',
    title: 'Jobs',
    sweep: 'Ticket sweep',
    every: 'every minute',
    succeeded: 'Succeeded',
    runsOf: 'Runs: Ticket sweep',
    did: 'closed 0 · uploads removed 0',
  },
  {
    locale: 'es-ES',
    signInTitle: 'Iniciar sesión',
    email: 'Correo electrónico',
    password: 'Contraseña',
    nav: 'Tareas',
    title: 'Tareas',
    sweep: 'Barrido de tickets',
    every: 'cada minuto',
    succeeded: 'Correcta',
    runsOf: 'Ejecuciones: Barrido de tickets',
    did: 'cerrados 0 · archivos borrados 0',
  },
] as const;

describe.runIf(RUN_BROWSER_TESTS)('background jobs in a browser', () => {
  let app: BrowserApp | undefined;
  let admin: { email: string } | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
    admin = await makeUser(app.built, ['admin']);
    const runner = new JobRunner(
      app.built.jobs,
      app.built.services.jobs,
      { now: () => new Date() },
      { instance: 'e2e-instance' },
    );
    await runner.tick();
  });

  afterAll(async () => {
    await app?.close();
  });

  for (const text of LANGUAGES) {
    it(`an administrator sees each job's last run and opens its runs [${text.locale}]`, async () => {
      if (!app || !admin) throw new Error('setup did not finish');
      const { page, context, pageErrors } = await openPage(app.browser, text.locale);
      try {
        await withScreenshots(`jobs-${text.locale}`, { admin: page }, async () => {
          await page.goto(app?.baseUrl ?? '');
          await signIn(page, text, admin?.email ?? '', TEST_PASSWORD);
          await page.getByRole('link', { name: text.nav, exact: true }).click();
          await expect.poll(() => page.getByRole('heading', { name: text.title, exact: true }).isVisible()).toBe(true);
          const row = page.getByRole('row').filter({ hasText: text.sweep });
          await expect.poll(() => row.getByText(text.succeeded).isVisible()).toBe(true);
          expect(await row.textContent()).toContain(text.every);
          await row.getByRole('button', { name: text.sweep }).click();
          const drawer = page.getByRole('dialog', { name: text.runsOf });
          await expect.poll(() => drawer.getByText('e2e-instance').isVisible()).toBe(true);
          expect(await drawer.textContent()).toContain(text.did);
        });
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
