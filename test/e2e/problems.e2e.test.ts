import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeOrganization, makeUser } from '../support/test-app.js';
import { raise } from '../support/tickets.js';
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
 * The desk's problem screens: a specialist records a problem, links an incident by its number and
 * moves the problem to known error — refused on the workaround field until one is written.
 */
describe.runIf(RUN_BROWSER_TESTS)('the problem screens', () => {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('records a problem, links an incident and makes it a known error [en-US]', async () => {
    if (!app) throw new Error('setup did not finish');
    const built = app.built;
    const organization = await makeOrganization(built);
    const requesterUser = await makeUser(built, ['requester'], organization.id);
    const requester = await login(built, requesterUser.email);
    const specialistUser = await makeUser(built, ['specialist']);
    const specialist = await login(built, specialistUser.email);
    const incident = await raise(requester, { subject: 'Invoices fail to print' });

    const { page, context, pageErrors } = await openPage(app.browser, 'en-US');
    try {
      await withScreenshots('problems', { specialist: page }, async () => {
        await signInThroughApi(page, app?.baseUrl ?? '', specialistUser.email);
        await page.goto(`${app?.baseUrl}/workspace/problems`);
        await page.getByRole('heading', { name: 'Problems' }).waitFor();
        await page.getByRole('link', { name: 'Problems' }).waitFor();

        await page.getByRole('button', { name: 'New problem' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('Subject').fill('The invoicing connector hangs');
        await dialog.getByLabel('Description').fill('Printing an invoice stops the queue.');
        await page.screenshot({ path: join(tmpdir(), 'mesa-e2e-problem-new.png') });
        await dialog.getByRole('button', { name: 'Record problem' }).click();
        await page.getByRole('heading', { name: 'The invoicing connector hangs' }).waitFor();
        expect(page.url()).toMatch(/\/workspace\/problems\/[^/]+$/);

        await page.getByLabel('Ticket number').fill(incident.number);
        await page.getByRole('button', { name: 'Link', exact: true }).click();
        await page.getByRole('link', { name: incident.number }).waitFor();

        // Known error without a workaround: the server's refusal lands on the workaround field.
        await page.getByRole('button', { name: 'Move to “Known error”' }).click();
        const editor = page.getByRole('dialog');
        await editor.getByRole('button', { name: 'Save' }).click();
        const workaround = editor.getByLabel('Workaround (for the desk)');
        await expect.poll(() => workaround.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
        await editor.getByText('A known error needs a workaround').waitFor();
        await editor.waitFor();
        await page.screenshot({ path: join(tmpdir(), 'mesa-e2e-problem-refused.png') });
        await workaround.fill('Restart the QX-9 queue from the console.');
        await editor.getByRole('button', { name: 'Save' }).click();
        await editor.waitFor({ state: 'hidden' });
        await page.getByRole('main').getByText('Known error', { exact: true }).first().waitFor();
        await page.getByText('Restart the QX-9 queue from the console.').waitFor();
        await page
          .getByText(/linked .*INC-/)
          .first()
          .waitFor();

        // Someone else saves while the editor is open: the save is refused and the page says so.
        await page.getByRole('button', { name: 'Edit', exact: true }).click();
        const problemId = page.url().split('/').pop() ?? '';
        const current = (await specialist.request('GET', `/api/v1/problems/${problemId}`)).json();
        const other = await specialist.request('PATCH', `/api/v1/problems/${problemId}`, {
          version: current.version,
          symptom: '<p>The print spooler stalls.</p>',
        });
        expect(other.statusCode).toBe(200);
        await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
        await page.getByText('Someone else changed this problem').waitFor();
        await page.getByText('The print spooler stalls.').waitFor();

        await expectAccessible(page, 'problem page (en-US)');
        await page.screenshot({ path: join(tmpdir(), 'mesa-e2e-problem-page.png'), fullPage: true });

        await page.goto(`${app?.baseUrl}/workspace/problems`);
        const row = page.getByRole('row').filter({ hasText: 'The invoicing connector hangs' });
        await row.waitFor();
        expect(await row.textContent()).toContain('Known error');
        await expectAccessible(page, 'problems list (en-US)');
        await page.screenshot({ path: join(tmpdir(), 'mesa-e2e-problems-list.png'), fullPage: true });
      });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }

    // The same screens in Spanish, read only.
    const es = await openPage(app.browser, 'es-ES');
    try {
      await withScreenshots('problems-es', { specialist: es.page }, async () => {
        await signInThroughApi(es.page, app?.baseUrl ?? '', specialistUser.email);
        await es.page.goto(`${app?.baseUrl}/workspace/problems`);
        await es.page.getByRole('heading', { name: 'Problemas' }).waitFor();
        const row = es.page.getByRole('row').filter({ hasText: 'The invoicing connector hangs' });
        await row.waitFor();
        expect(await row.textContent()).toContain('Error conocido');
        await row.getByRole('link').click();
        await es.page.getByRole('button', { name: 'Pasar a «Resuelto»' }).waitFor();
        await es.page.getByText('Solución temporal (para la mesa)').waitFor();
        await expectAccessible(es.page, 'problem page (es-ES)');
        await es.page.screenshot({ path: join(tmpdir(), 'mesa-e2e-problem-page-es.png'), fullPage: true });
      });
      expect(es.pageErrors).toEqual([]);
    } finally {
      await es.context.close();
    }
  }, 120_000);
});
