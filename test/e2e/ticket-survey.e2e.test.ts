import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/platform/request-context.js';
import { outboxOnlyMail } from '../support/mail-desk.js';
import { type Client, login, makeOrganization, makeUser } from '../support/test-app.js';
import { raise } from '../support/tickets.js';
import { expectAccessible } from './axe.js';
import {
  type BrowserApp,
  openPage,
  RUN_BROWSER_TESTS,
  screenshotSaver,
  signInThroughApi,
  startBrowserApp,
  withScreenshots,
} from './browser.js';

/**
 * Satisfaction after a ticket, in a browser: the resolution mail's link opens the survey at phone
 * width without signing in, a low rating reaches the desk's ticket page where the follow-up is
 * recorded, and a requester answers another ticket's survey on the portal.
 * Screenshots go to MESA_E2E_SHOTS, or the temporary directory (ticket-survey-<step>.png).
 */
const eventually = <T>(check: () => Promise<T>) => expect.poll(check, { timeout: 15_000 });

describe.runIf(RUN_BROWSER_TESTS)('satisfaction after a ticket', () => {
  let app: BrowserApp | undefined;
  let requesterEmail = '';
  let agentEmail = '';
  let requester: Client;
  let agent: Client;

  beforeAll(async () => {
    app = await startBrowserApp({
      mail: outboxOnlyMail({ from: 'Mesa Soporte <soporte@mesa.test>', publicUrl: 'https://mesa.example' }),
    });
    const { built } = app;
    const organization = await makeOrganization(built, 'Clínica Andina');
    const calendar = await built.services.agreements.createCalendar(systemContext, {
      name: '24x7',
      timeZone: 'America/Santiago',
      weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
    });
    await built.services.agreements.createAgreement(systemContext, {
      organizationId: organization.id,
      name: 'Acuerdo Clínica',
      calendarId: calendar.id,
      targets: [{ priority: 3, firstResponseMinutes: 60, resolutionMinutes: 480 }],
    });
    requesterEmail = (await makeUser(built, ['requester'], organization.id, { name: 'Valentina Cortés' })).email;
    agentEmail = (await makeUser(built, ['agent'], null, { name: 'Andrés Soto' })).email;
    requester = await login(built, requesterEmail);
    agent = await login(built, agentEmail);
  }, 60_000);

  afterAll(async () => {
    app?.built.services.mailOutbox.close();
    await app?.close();
  });

  const shot = screenshotSaver('ticket-survey');

  async function raiseAndResolve(subject: string) {
    const ticket = await raise(requester, { subject });
    const current = (await agent.request('GET', `/api/v1/tickets/${ticket.id}`)).json();
    const resolved = await agent.request('PATCH', `/api/v1/tickets/${ticket.id}`, {
      version: current.version,
      status: 'resolved',
      resolutionCode: 'solved',
      resolutionNotes: 'Se reinició la cola de impresión.',
    });
    expect(resolved.statusCode).toBe(200);
    return ticket as { id: string; number: string };
  }

  it('a low rating by the mailed link, at phone width, reaches the desk, which records its follow-up', async () => {
    if (!app) throw new Error('no app');
    const { baseUrl, database } = app;
    const ticket = await raiseAndResolve('La impresora del piso 3 no imprime');
    const mail = await database.db
      .selectFrom('outbound_mail')
      .select('text_body')
      .where('ticket_id', '=', ticket.id)
      .where('event', '=', 'resolved')
      .executeTakeFirstOrThrow();
    const link = /https:\/\/mesa\.example(\/survey#token=[\w-]+)/.exec(mail.text_body)?.[1];
    expect(link).toBeDefined();

    const phone = await openPage(app.browser, 'es-CL', { width: 390, height: 844 });
    const desk = await openPage(app.browser, 'es-CL');
    await withScreenshots('ticket-survey', { phone: phone.page, desk: desk.page }, async () => {
      const { page } = phone;
      await page.goto(`${baseUrl}${link}`);
      await expect.poll(() => page.getByRole('heading', { name: 'Encuesta de satisfacción' }).isVisible()).toBe(true);
      // The secret leaves the address bar once read.
      expect(page.url()).toBe(`${baseUrl}/survey`);
      await expect.poll(() => page.getByText(ticket.number, { exact: false }).isVisible()).toBe(true);
      await expectAccessible(page, 'survey by link, phone');
      await shot(page, 'phone-form');

      await page.getByRole('button', { name: 'Enviar respuestas' }).click();
      await eventually(() => page.getByText('Responda esta pregunta').isVisible()).toBe(true);
      await eventually(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('1');
      await expectAccessible(page, 'survey by link, unanswered');

      await page.getByRole('radio', { name: '2', exact: true }).check();
      await page.getByLabel('¿Quiere contarnos algo más?').fill('Tardaron tres días en venir.');
      await page.getByRole('button', { name: 'Enviar respuestas' }).click();
      await eventually(() => page.getByText('¡Gracias! Recibimos sus respuestas.').isVisible()).toBe(true);
      await expectAccessible(page, 'survey by link, thanks');
      await shot(page, 'phone-thanks');

      // Opened again later (a fresh load; the same page would only see the fragment change).
      await page.goto('about:blank');
      await page.goto(`${baseUrl}${link}`);
      await eventually(() => page.getByText('Esta encuesta ya fue respondida. ¡Gracias!').isVisible()).toBe(true);

      await signInThroughApi(desk.page, baseUrl, agentEmail);
      await desk.page.goto(`${baseUrl}/workspace/tickets/${ticket.id}`);
      const box = desk.page.getByRole('region', { name: 'Satisfacción' });
      await eventually(() => box.getByText('2 de 5').isVisible()).toBe(true);
      await eventually(() => box.getByText('Calificación baja').isVisible()).toBe(true);
      await eventually(() => box.getByText('“Tardaron tres días en venir.”').isVisible()).toBe(true);
      await box
        .getByLabel('Qué se acordó con el solicitante')
        .fill('Llamé a Valentina; revisamos la impresora el lunes.');
      await box.getByRole('button', { name: 'Registrar seguimiento' }).click();
      await eventually(() => box.getByText('Seguimiento registrado en la historia del ticket.').isVisible()).toBe(true);
      await eventually(() =>
        desk.page.getByText('Seguimiento de la encuesta con el solicitante').first().isVisible(),
      ).toBe(true);
      await expectAccessible(desk.page, 'ticket page with a low rating');
      await shot(desk.page, 'desk-box');
    });
    const notified = await database.db
      .selectFrom('notifications')
      .select('kind')
      .where('ticket_id', '=', ticket.id)
      .execute();
    // No supervisor and no group lead in this desk: nobody to tell, and nothing fails for it.
    expect(notified).toEqual([]);
    expect(phone.pageErrors).toEqual([]);
    expect(desk.pageErrors).toEqual([]);
  });

  it('the requester answers on the portal ticket page', async () => {
    if (!app) throw new Error('no app');
    const { baseUrl } = app;
    const ticket = await raiseAndResolve('No puedo entrar al sistema de turnos');
    const { page, pageErrors } = await openPage(app.browser, 'en-US');
    await withScreenshots('ticket-survey-portal', { requester: page }, async () => {
      await signInThroughApi(page, baseUrl, requesterEmail);
      await page.goto(`${baseUrl}/portal/tickets/${ticket.id}`);
      const card = page.getByRole('region', { name: 'Your opinion of this case' });
      await eventually(() => card.isVisible()).toBe(true);
      await expectAccessible(page, 'portal ticket with its survey');
      await card.getByRole('radio', { name: '5', exact: true }).check();
      await card.getByRole('button', { name: 'Send answers' }).click();
      await eventually(() => page.getByText('You rated the service 5 of 5').isVisible()).toBe(true);
      await shot(page, 'portal-answered');
    });
    expect(pageErrors).toEqual([]);
  });
});
