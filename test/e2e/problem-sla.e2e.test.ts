import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/platform/request-context.js';
import { login, makeOrganization, makeUser } from '../support/test-app.js';
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
 * A problem's SLA box: two clients with agreements, the stricter one's deadline, and the
 * explanation of why it is due then, read with the keyboard-reachable toggle and checked by axe.
 */
describe.runIf(RUN_BROWSER_TESTS)("the problem page's SLA box", () => {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the deadline of the strictest agreement and why [en-US]', async () => {
    if (!app) throw new Error('setup did not finish');
    const { services } = app.built;
    const calendar = await services.agreements.createCalendar(systemContext, {
      name: 'Around the clock',
      timeZone: 'UTC',
      weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
    });
    const organizations = [
      await makeOrganization(app.built, 'Relaxed client'),
      await makeOrganization(app.built, 'Strict client'),
    ];
    for (const [i, organization] of organizations.entries()) {
      await services.agreements.createAgreement(systemContext, {
        organizationId: organization.id,
        name: `${organization.name} agreement`,
        calendarId: calendar.id,
        targets: [{ priority: 1, firstResponseMinutes: 30, resolutionMinutes: 240 }],
        problemTargets: [{ priority: 1, resolutionMinutes: i === 0 ? 2880 : 1440 }],
      });
    }
    const specialistUser = await makeUser(app.built, ['specialist']);
    const specialist = await login(app.built, specialistUser.email);
    const created = await specialist.request('POST', '/api/v1/problems', {
      subject: 'Backups fail every night',
      description: '<p>The backup job times out.</p>',
      impact: 'high',
      urgency: 'high',
      organizationIds: organizations.map((o) => o.id),
    });
    expect(created.statusCode, created.body).toBe(201);

    const { page, context, pageErrors } = await openPage(app.browser, 'en-US');
    try {
      await withScreenshots('problem-sla', { specialist: page }, async () => {
        await signInThroughApi(page, app?.baseUrl ?? '', specialistUser.email);
        await page.goto(`${app?.baseUrl}/workspace/problems/${created.json().id}`);
        const box = page.getByRole('region', { name: 'Service level' });
        await box.getByText('Problem resolution').waitFor();
        await box.getByText('On time').first().waitFor();
        await box.getByRole('button', { name: 'Why is it due then?' }).click();
        await box.getByText('“Strict client agreement” of Strict client applies.', { exact: false }).waitFor();
        await box.getByText(/· the strictest$/).waitFor();
        await box.getByText('due later').waitFor();
        await expectAccessible(page, 'problem SLA box (en-US)');
        await box.screenshot({ path: join(tmpdir(), 'mesa-e2e-problem-sla-box.png') });
      });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
