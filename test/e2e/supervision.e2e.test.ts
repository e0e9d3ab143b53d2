import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPrincipal } from '../../server/modules/auth/auth.service.js';
import { fixedClock } from '../../server/platform/clock.js';
import { systemContext } from '../../server/platform/request-context.js';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * The supervisor's day, in a browser: the console is open when a ticket breaches its agreement;
 * the ticket appears on the board without a reload, the supervisor opens it, reads why it is due
 * when it is, records a commitment told to the requester, and reassigns it to another agent.
 * The server's clock is moved by the test; the SLA job runs as it would every 15 seconds.
 */

const MINUTE = 60_000;
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

describe.runIf(RUN_BROWSER_TESTS)('supervisor console in the browser', () => {
  // The ticket is raised an hour and a minute ago on the server's clock, which then catches up
  // with the browser's, so what the page shows is as it would be on the day.
  const clock = fixedClock(new Date(Date.now() - 61 * MINUTE));
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp({ clock });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('sees a breached ticket appear, reads why it is due, records a commitment and reassigns it', async () => {
    const { services } = app.built;
    const organization = await makeOrganization(app.built, 'Clínica Sur');
    const service = await services.organizations.createService(systemContext, organization.id, { name: 'Laboratorio' });
    const requester = await makeUser(app.built, ['requester'], organization.id);
    const ana = await makeUser(app.built, ['agent']);
    const luis = await makeUser(app.built, ['agent'], null, { name: 'Luis Pérez' });
    const supervisor = await makeUser(app.built, ['supervisor']);
    await services.groups.create(systemContext, {
      name: 'Mesa N1',
      level: 'L1',
      isDefault: true,
      memberIds: [ana.id, luis.id],
    });
    const calendar = await services.agreements.createCalendar(systemContext, {
      name: 'Laboratorio 24×7',
      timeZone: 'America/Santiago',
      weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
    });
    await services.agreements.createAgreement(systemContext, {
      organizationId: organization.id,
      name: 'Acuerdo Clínica Sur',
      calendarId: calendar.id,
      targets: [{ priority: 3, firstResponseMinutes: 30, resolutionMinutes: 60 }],
    });
    const subject = 'El analizador del laboratorio no envía resultados';
    const asAna = { principal: toPrincipal(ana, 'session'), requestId: null, ip: null };
    const ticket = await services.tickets.create(asAna, {
      type: 'incident',
      subject,
      description: '<p>Desde las 8:00 los resultados no llegan al sistema.</p>',
      serviceId: service.id,
      requesterId: requester.id,
      channel: 'phone',
    });
    await services.tickets.apply(asAna, ticket.id, { version: ticket.version, assigneeId: ana.id });
    await services.conversation.post(asAna, ticket.id, 'reply', { bodyHtml: '<p>Lo estamos revisando.</p>' });

    const { page, pageErrors, context } = await openPage(app.browser, 'es-ES');
    await withScreenshots('supervision', { supervisor: page }, async () => {
      await page.goto(`${app.baseUrl}/supervision?view=breached`);
      await signIn(
        page,
        { signInTitle: 'Iniciar sesión', email: 'Correo electrónico', password: 'Contraseña' },
        supervisor.email,
        TEST_PASSWORD,
      );
      await eventually(() => page.getByRole('heading', { name: 'Supervisión' }).isVisible()).toBe(true);
      await eventually(() => page.getByText('Ningún ticket ha incumplido su acuerdo.').isVisible()).toBe(true);

      // An hour and a minute later the resolution target is missed; the job finds it.
      clock.set(new Date());
      const watched = await services.watchServiceLevels();
      expect(watched.fired).toBeGreaterThan(0);
      const row = page.getByRole('row', { name: new RegExp(subject) });
      await eventually(() => row.isVisible()).toBe(true);
      await eventually(() => row.getByText('Incumplido').isVisible()).toBe(true);
      const board = join(tmpdir(), 'mesa-e2e-supervision-board.png');
      await page.screenshot({ path: board, fullPage: true });
      console.log(`supervision board: ${board}`);

      await row.getByRole('link', { name: subject }).click();
      await eventually(() => page.getByRole('heading', { name: subject }).isVisible()).toBe(true);
      await page.getByRole('button', { name: '¿Por qué vence entonces?' }).click();
      const why = page.getByRole('region', { name: 'Acuerdo de servicio' });
      await eventually(() => why.getByText('«Laboratorio 24×7», zona America/Santiago.').isVisible()).toBe(true);
      await eventually(() => why.getByText('+ 1 h hábiles del calendario').isVisible()).toBe(true);
      await eventually(() => why.getByText('Acuerdo Clínica Sur', { exact: false }).first().isVisible()).toBe(true);
      const explanation = join(tmpdir(), 'mesa-e2e-supervision-why.png');
      await page.screenshot({ path: explanation, fullPage: true });
      console.log(`why is it due: ${explanation}`);

      await page.getByRole('button', { name: 'Registrar compromiso' }).click();
      const dialog = page.getByRole('dialog');
      const tomorrow = new Date(Date.now() + 24 * 60 * MINUTE);
      const pad = (n: number) => String(n).padStart(2, '0');
      await dialog
        .getByLabel('Fecha y hora prometidas')
        .fill(
          `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T${pad(tomorrow.getHours())}:00`,
        );
      await dialog.getByLabel('Nota').fill('El proveedor reemplaza la interfaz del analizador mañana temprano.');
      await dialog.getByLabel('Avisar al solicitante').check();
      await dialog.getByRole('button', { name: 'Registrar compromiso' }).click();
      await eventually(() => dialog.isVisible()).toBe(false);
      await eventually(() => page.getByText('Abierto', { exact: true }).isVisible()).toBe(true);
      // The requester's reply with the promise is on the timeline.
      await eventually(() => page.getByText('Nos comprometemos', { exact: false }).isVisible()).toBe(true);

      const assignee = page
        .getByRole('complementary', { name: 'Datos del ticket' })
        .getByLabel('Asignado a', { exact: true });
      await assignee.click();
      await assignee.fill('Luis');
      await page.getByRole('option', { name: 'Luis Pérez' }).click();
      await eventually(async () => (await services.ticketReads.findVisible(systemContext, ticket.id)).assignee_id).toBe(
        luis.id,
      );

      const commitments = await services.commitments.list(
        { principal: toPrincipal(supervisor, 'session'), requestId: null, ip: null },
        ticket.id,
      );
      expect(commitments).toMatchObject([{ state: 'open', toldRequester: true }]);
      expect(pageErrors).toEqual([]);
    });
    await context.close();
  }, 120_000);
});
