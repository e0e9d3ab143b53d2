import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPrincipal } from '../../server/modules/auth/auth.service.js';
import { fixedClock } from '../../server/platform/clock.js';
import { systemContext } from '../../server/platform/request-context.js';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { expectAccessible } from './axe.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * The SLA in the queues, in a browser at 1366 × 900: an agent's "My tickets" opens by due, the
 * breached P1 on top with its badge in the Due column, the tabs with their counts, the table
 * without sideways scrolling and without an assignee column; "All open" shows the assignee.
 * Once per language. The server's clock is moved back while the tickets are raised, then to now.
 */

const MINUTE = 60_000;
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 250 });
/** Where the screenshots go: MESA_E2E_SHOTS names a folder, else the temporary one. */
const SHOTS = process.env.MESA_E2E_SHOTS || tmpdir();

const LANGUAGES = [
  {
    locale: 'es-ES',
    lang: 'es',
    signIn: { signInTitle: 'Iniciar sesión', email: 'Correo electrónico', password: 'Contraseña' },
    mine: 'Mis tickets',
    open: 'Todos los abiertos',
    due: 'Vence',
    assignee: 'Asignado a',
    breached: 'Incumplido',
    warning: 'En riesgo',
    running: 'En plazo',
    paused: 'En pausa',
    subjects: {
      breached: 'Caída del ERP en todas las sucursales',
      warning: 'La impresora del piso 3 no imprime en color',
      running: 'Solicitud de acceso a la carpeta de Finanzas',
      paused: 'El correo no sincroniza en el teléfono',
      unassigned: 'Consulta sobre el horario de la mesa de ayuda',
    },
  },
  {
    locale: 'en-US',
    lang: 'en',
    signIn: { signInTitle: 'Sign in', email: 'Email', password: 'Password' },
    mine: 'My tickets',
    open: 'All open',
    due: 'Due',
    assignee: 'Assignee',
    breached: 'Breached',
    warning: 'At risk',
    running: 'On time',
    paused: 'Paused',
    subjects: {
      breached: 'ERP down in every branch office',
      warning: 'The printer on floor 3 does not print in colour',
      running: 'Access request to the Finance share',
      paused: 'Mail does not sync on the phone',
      unassigned: 'Question about the service desk hours',
    },
  },
] as const;

/** The queue's table is no wider than any box around it, and the page does not scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const overflowing = await page.evaluate(() => {
    const wider: string[] = [];
    for (let box = document.querySelector('table')?.parentElement; box; box = box.parentElement) {
      if (box.scrollWidth > box.clientWidth + 1) wider.push(`${box.className} ${box.scrollWidth} > ${box.clientWidth}`);
    }
    return wider;
  });
  expect(overflowing).toEqual([]);
}

describe.runIf(RUN_BROWSER_TESTS)('SLA in the queues, in the browser', () => {
  const clock = fixedClock(new Date());
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp({ clock });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  for (const text of LANGUAGES) {
    it(`shows when each of my tickets is due, the breached P1 first [${text.locale}]`, async () => {
      const { services } = app.built;
      const now = Date.now();
      const organization = await makeOrganization(app.built, `Clínica Norte ${text.lang}`);
      const service = await services.organizations.createService(systemContext, organization.id, { name: 'ERP' });
      const requester = await makeUser(app.built, ['requester'], organization.id, { name: `Rosa Quispe ${text.lang}` });
      const agent = await makeUser(app.built, ['agent'], null, { name: `Ana Agente ${text.lang}` });
      const calendar = await services.agreements.createCalendar(systemContext, {
        name: `Todo el día ${text.lang}`,
        timeZone: 'America/Santiago',
        weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
      });
      await services.agreements.createAgreement(systemContext, {
        organizationId: organization.id,
        name: `Acuerdo ${text.lang}`,
        calendarId: calendar.id,
        warnAt: [0.5],
        targets: [1, 2, 3, 4].map((priority) => ({ priority, firstResponseMinutes: 30, resolutionMinutes: 240 })),
      });
      const asAgent = { principal: toPrincipal(agent, 'session'), requestId: null, ip: null };
      const raise = async (
        subject: string,
        minutesAgo: number,
        options: { assign?: boolean; urgent?: boolean } = {},
      ) => {
        clock.set(new Date(now - minutesAgo * MINUTE));
        const ticket = await services.tickets.create(asAgent, {
          type: 'incident',
          subject,
          description: `<p>${subject}.</p>`,
          serviceId: service.id,
          requesterId: requester.id,
          channel: 'phone',
          ...(options.urgent ? { impact: 'high', urgency: 'high' } : {}),
        });
        if (options.assign === false) return ticket;
        return services.tickets.apply(asAgent, ticket.id, { version: ticket.version, assigneeId: agent.id });
      };
      // First response due 30 minutes after each is raised: 40 minutes ago (breached), in 10
      // minutes (past half, at risk), in 28 minutes (on time); one waits on the requester.
      const paused = await raise(text.subjects.paused, 65);
      await raise(text.subjects.running, 2);
      const breached = await raise(text.subjects.breached, 70, { urgent: true });
      await raise(text.subjects.warning, 20);
      await raise(text.subjects.unassigned, 1, { assign: false });
      clock.set(new Date(now - 60 * MINUTE));
      await services.tickets.apply(asAgent, paused.id, {
        version: paused.version,
        status: 'pending',
        pendingReason: 'requester',
      });
      clock.set(new Date(now));
      expect((await services.watchServiceLevels()).fired).toBeGreaterThan(0);
      expect(breached.priority).toBe(1);

      const { page, pageErrors, context } = await openPage(app.browser, text.locale, { width: 1366, height: 900 });
      try {
        await withScreenshots(`queues-${text.lang}`, { agent: page }, async () => {
          await page.goto(`${app.baseUrl}/`);
          await signIn(page, text.signIn, agent.email, TEST_PASSWORD);
          await page.waitForURL(/\/workspace\/tickets/);
          const table = page.getByRole('table');
          await eventually(() => table.getByRole('row').count()).toBe(5);

          // My tickets, by due: the breached P1 first, then at risk, on time, and the paused one last.
          expect(await table.getByRole('columnheader', { name: text.due, exact: true }).isVisible()).toBe(true);
          expect(await table.getByRole('columnheader', { name: text.assignee }).count()).toBe(0);
          const rows = table.getByRole('row');
          const expected: [string, string][] = [
            [text.subjects.breached, text.breached],
            [text.subjects.warning, text.warning],
            [text.subjects.running, text.running],
            [text.subjects.paused, text.paused],
          ];
          for (const [index, [subject, state]] of expected.entries()) {
            const row = rows.nth(index + 1);
            expect(await row.getByRole('link', { name: subject }).isVisible()).toBe(true);
            expect(await row.getByText(state, { exact: true }).isVisible()).toBe(true);
          }

          // The tabs say how many each holds.
          expect(await page.getByRole('tab', { name: text.mine }).textContent()).toContain('4');
          await eventually(async () => (await page.getByRole('tab', { name: text.open }).textContent()) ?? '').toMatch(
            /\d/,
          );

          // No sideways scrolling at 1366 px: the table ends inside the window.
          await expectNoSidewaysScroll(page);

          const shot = join(SHOTS, `queue-${text.lang}.png`);
          await page.screenshot({ path: shot });
          console.log(`queue with the Due column [${text.locale}]: ${shot}`);
          await expectAccessible(page, `queue: ${text.mine}`);

          // All open shows who holds each ticket, and the Due column too.
          await page.getByRole('tab', { name: text.open }).click();
          await eventually(() => table.getByRole('columnheader', { name: text.assignee }).count()).toBe(1);
          expect(await table.getByRole('columnheader', { name: text.due, exact: true }).isVisible()).toBe(true);
          await expectNoSidewaysScroll(page);
          await page.screenshot({ path: join(SHOTS, `queue-open-${text.lang}.png`) });
          await expectAccessible(page, `queue: ${text.open}`);
          expect(pageErrors).toEqual([]);
        });
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
