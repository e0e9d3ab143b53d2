import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/platform/request-context.js';
import { login, makeOrganization, makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { raise } from '../support/tickets.js';
import { expectAccessible } from './axe.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * The portal ticket of an incident behind a known error: its requester reads that it is a known
 * issue and the public workaround — never the problem's number nor the desk's wording. Once per language.
 */

const LANGUAGES = [
  {
    locale: 'es-ES',
    signInTitle: 'Iniciar sesión',
    email: 'Correo electrónico',
    password: 'Contraseña',
    title: 'Problema conocido',
    message: 'Es un problema conocido y estamos trabajando en él.',
    linked: 'vinculó el ticket al problema',
  },
  {
    locale: 'en-US',
    signInTitle: 'Sign in',
    email: 'Email',
    password: 'Password',
    title: 'Known issue',
    message: 'This is a known issue and we are working on it.',
    linked: 'linked the ticket to problem',
  },
] as const;

describe.runIf(RUN_BROWSER_TESTS)('a known issue on the portal and the desk', () => {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  for (const text of LANGUAGES) {
    it(`shows the requester the public wording only [${text.locale}]`, async () => {
      if (!app) throw new Error('setup did not finish');
      const built = app.built;
      const organization = await makeOrganization(built);
      await built.services.organizations.createService(systemContext, organization.id, { name: 'Facturación' });
      const requesterUser = await makeUser(built, ['requester'], organization.id);
      const requester = await login(built, requesterUser.email);
      const specialistUser = await makeUser(built, ['specialist']);
      const specialist = await login(built, specialistUser.email);
      const incident = await raise(requester, { subject: 'No puedo emitir facturas' });
      const problem = (
        await specialist.request('POST', '/api/v1/problems', {
          subject: 'El conector de facturación se cuelga',
          description: '<p>Caídas al emitir facturas.</p>',
        })
      ).json();
      await specialist.request('POST', `/api/v1/problems/${problem.id}/incidents`, { ticketIds: [incident.id] });
      const known = await specialist.request('PATCH', `/api/v1/problems/${problem.id}`, {
        version: 1,
        status: 'known_error',
        workaroundDesk: '<p>Reiniciar la cola QX-9 desde la consola</p>',
        workaroundPublic: '<p>Mientras tanto, emita la factura desde el portal web de facturación.</p>',
      });
      expect(known.statusCode).toBe(200);

      const { page, context, pageErrors } = await openPage(app.browser, text.locale);
      try {
        await withScreenshots(`known-issue-${text.locale}`, { requester: page }, async () => {
          await page.goto(`${app?.baseUrl}/portal/tickets/${incident.id}`);
          // Signed in, the page goes back to the ticket it was asked for.
          await signIn(page, text, requesterUser.email, TEST_PASSWORD);
          const notice = page.getByRole('alert').filter({ hasText: text.title });
          await expect.poll(() => notice.isVisible()).toBe(true);
          expect(await notice.textContent()).toContain(text.message);
          expect(await notice.textContent()).toContain('emita la factura desde el portal web');
          const body = (await page.textContent('body')) ?? '';
          expect(body).not.toContain(problem.number);
          expect(body).not.toContain('QX-9');
          await expectAccessible(page, `portal ticket with a known issue (${text.locale})`);
          const shot = join(tmpdir(), `mesa-e2e-known-issue-${text.locale}.png`);
          await page.screenshot({ path: shot, fullPage: true });
          console.log(`portal ticket with a known issue: ${shot}`);
        });
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }

      // The desk's timeline of the same ticket names the problem.
      const desk = await openPage(app.browser, text.locale);
      try {
        await withScreenshots(`known-issue-desk-${text.locale}`, { specialist: desk.page }, async () => {
          await desk.page.goto(`${app?.baseUrl}/workspace/tickets/${incident.id}`);
          await signIn(desk.page, text, specialistUser.email, TEST_PASSWORD);
          const sentence = desk.page.getByText(`${text.linked} ${problem.number}`);
          await expect.poll(() => sentence.isVisible()).toBe(true);
          const shot = join(tmpdir(), `mesa-e2e-problem-linked-${text.locale}.png`);
          await desk.page.screenshot({ path: shot, fullPage: true });
          console.log(`desk ticket linked to a problem: ${shot}`);
        });
        expect(desk.pageErrors).toEqual([]);
      } finally {
        await desk.context.close();
      }
    }, 120_000);
  }
});
