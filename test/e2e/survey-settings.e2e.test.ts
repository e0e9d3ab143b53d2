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
 * The agreement's survey after each ticket, in a browser: a supervisor turns it off for queries,
 * rewords the rating, adds a single-choice question (watching the preview follow), has a save
 * refused on the field the server names, saves; the next resolved ticket's survey on the portal
 * asks the new question, and the satisfaction figures show the answer.
 * Screenshots go to MESA_E2E_SHOTS, or the temporary directory (survey-settings-<step>.png).
 */
const eventually = <T>(check: () => Promise<T>) => expect.poll(check, { timeout: 15_000 });

const NEW_RATING = '¿Cómo evalúa la atención que recibió?';
const NEW_QUESTION = '¿Por dónde prefiere que lo contactemos?';

describe.runIf(RUN_BROWSER_TESTS)('the agreement’s survey after each ticket', () => {
  let app: BrowserApp | undefined;
  let agreementId = '';
  let requesterEmail = '';
  let supervisorEmail = '';
  let requester: Client;
  let agent: Client;
  let supervisor: Client;

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
    const agreement = await built.services.agreements.createAgreement(systemContext, {
      organizationId: organization.id,
      name: 'Acuerdo Clínica',
      calendarId: calendar.id,
      targets: [{ priority: 3, firstResponseMinutes: 60, resolutionMinutes: 480 }],
    });
    agreementId = agreement.id;
    requesterEmail = (await makeUser(built, ['requester'], organization.id, { name: 'Valentina Cortés' })).email;
    const agentEmail = (await makeUser(built, ['agent'], null, { name: 'Andrés Soto' })).email;
    supervisorEmail = (await makeUser(built, ['supervisor'], null, { name: 'Marta Ríos' })).email;
    requester = await login(built, requesterEmail);
    agent = await login(built, agentEmail);
    supervisor = await login(built, supervisorEmail);
  }, 60_000);

  afterAll(async () => {
    app?.built.services.mailOutbox.close();
    await app?.close();
  });

  const shot = screenshotSaver('survey-settings');

  it('a supervisor reshapes the survey; the next ticket asks it and the figures count the answer', async () => {
    if (!app) throw new Error('no app');
    const { baseUrl } = app;
    const desk = await openPage(app.browser, 'es-CL');
    const portal = await openPage(app.browser, 'es-CL');
    await withScreenshots('survey-settings', { desk: desk.page, portal: portal.page }, async () => {
      const { page } = desk;
      await signInThroughApi(page, baseUrl, supervisorEmail);
      await page.goto(`${baseUrl}/admin/agreements`);
      await page.getByRole('link', { name: 'Encuesta de satisfacción del acuerdo Acuerdo Clínica' }).click();
      await eventually(() => page.getByRole('heading', { name: 'Encuesta después de cada ticket' }).isVisible()).toBe(
        true,
      );
      const preview = page.getByRole('region', { name: 'Vista previa' });
      await eventually(() =>
        preview.getByText('¿Qué tan satisfecho está con la atención de este caso?').isVisible(),
      ).toBe(true);
      await expectAccessible(page, 'survey settings');

      await page.getByRole('checkbox', { name: 'Consulta' }).uncheck();
      const first = page.getByRole('group', { name: 'Pregunta 1' });
      await first.getByLabel('Texto en español').fill(NEW_RATING);
      await eventually(() => preview.getByText(NEW_RATING).isVisible()).toBe(true);

      await page.getByRole('button', { name: 'Agregar pregunta' }).click();
      const third = page.getByRole('group', { name: 'Pregunta 3' });
      await third.getByLabel('Tipo de respuesta').click();
      await page.getByRole('option', { name: 'Una opción de una lista' }).click();
      await third.getByLabel('Texto en español').fill(NEW_QUESTION);
      await third.getByLabel('Opción 1 en español').fill('Teléfono');
      await third.getByLabel('Opción 1 en inglés').fill('Phone');
      await third.getByLabel('Opción 2 en español').fill('Correo');
      await third.getByLabel('Opción 2 en inglés').fill('Email');
      await third.getByRole('checkbox', { name: 'Obligatoria' }).check();
      // Moved above the comment with the keyboard-usable buttons.
      await page.getByRole('button', { name: 'Subir la pregunta 3' }).click();
      await eventually(() => preview.getByRole('radio', { name: 'Correo' }).isVisible()).toBe(true);
      await eventually(() => preview.getByText(NEW_QUESTION).isVisible()).toBe(true);
      await shot(page, 'editing');

      // The English text is missing: the server refuses and says so on that field.
      await page.getByRole('button', { name: 'Guardar cambios' }).click();
      const second = page.getByRole('group', { name: 'Pregunta 2' });
      const english = second.getByLabel('Texto en inglés');
      await eventually(() => english.getAttribute('aria-invalid')).toBe('true');
      await eventually(() => second.getByText('Este campo es obligatorio.').isVisible()).toBe(true);
      await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
      await expectAccessible(page, 'survey settings, refused');
      await shot(page, 'refused');

      await english.fill('How would you like us to contact you?');
      // Campaigns in March and November instead of May and November.
      await page.getByRole('checkbox', { name: 'marzo' }).check();
      await page.getByRole('checkbox', { name: 'mayo' }).uncheck();
      // The preview at a phone's width, as most respondents open the link.
      await preview.getByRole('radiogroup', { name: 'Vista previa en' }).getByText('Teléfono').click();
      await eventually(() =>
        preview
          .locator('[lang]')
          .first()
          .evaluate((box) => box.getBoundingClientRect().width),
      ).toBeLessThanOrEqual(375);
      await shot(page, 'phone-preview');
      await page.getByRole('button', { name: 'Guardar cambios' }).click();
      await eventually(() => page.getByText('Encuesta guardada.').isVisible()).toBe(true);
    });

    const saved = (await supervisor.request('GET', `/api/v1/agreements/${agreementId}/ticket-survey`)).json();
    expect(saved.version).toBe(1);
    expect(saved.ticketTypes).toEqual(['incident', 'request']);
    expect(saved.campaignMonths).toEqual([3, 11]);
    const questions = saved.questionnaire.sections[0].questions;
    expect(questions.map((q: { kind: string }) => q.kind)).toEqual(['rating', 'single', 'text']);
    expect(questions[0].text.es).toBe(NEW_RATING);

    // A ticket resolved now asks the new questions on the portal.
    const ticket = await raise(requester, { subject: 'El monitor parpadea' });
    const current = (await agent.request('GET', `/api/v1/tickets/${ticket.id}`)).json();
    const resolved = await agent.request('PATCH', `/api/v1/tickets/${ticket.id}`, {
      version: current.version,
      status: 'resolved',
      resolutionCode: 'solved',
      resolutionNotes: 'Se cambió el cable de video.',
    });
    expect(resolved.statusCode).toBe(200);

    await withScreenshots('survey-settings-answer', { desk: desk.page, portal: portal.page }, async () => {
      const { page } = portal;
      await signInThroughApi(page, baseUrl, requesterEmail);
      await page.goto(`${baseUrl}/portal/tickets/${ticket.id}`);
      const card = page.getByRole('region', { name: 'Su opinión sobre este caso' });
      await eventually(() => card.getByText(NEW_QUESTION).isVisible()).toBe(true);
      await card.getByRole('radio', { name: '4', exact: true }).check();
      await card.getByRole('radio', { name: 'Correo' }).check();
      await card.getByRole('button', { name: 'Enviar respuestas' }).click();
      await eventually(() => page.getByText('Calificó la atención con 4 de 5').isVisible()).toBe(true);

      const desktop = desk.page;
      await desktop.goto(`${baseUrl}/workspace/satisfaction`);
      await eventually(() => desktop.getByRole('heading', { name: 'Satisfacción', level: 2 }).isVisible()).toBe(true);
      // A segmented control: its radios are drawn as labels.
      await desktop.locator('label[for$="-organization"]').click();
      await eventually(() => desktop.getByRole('radio', { name: 'Organización' }).isChecked()).toBe(true);
      const table = desktop.getByRole('table', { name: 'Satisfacción por grupo de tickets' });
      const row = table.getByRole('row', { name: /Clínica Andina/ });
      await eventually(() => row.isVisible()).toBe(true);
      await eventually(() => row.getByRole('cell').nth(1).textContent()).toBe('1');
      await eventually(() => row.getByText('n = 1').isVisible()).toBe(true);
      // Narrowed to the organization, the answer is still there; the rate is 1 of 1 sent.
      await desktop.getByRole('combobox', { name: 'Organización' }).fill('Clínica');
      await desktop.getByRole('option', { name: 'Clínica Andina' }).click();
      await eventually(() => row.isVisible()).toBe(true);
      await eventually(() => desktop.getByText('1 de 1').isVisible()).toBe(true);
      await expectAccessible(desktop, 'satisfaction figures');
      await shot(desktop, 'figures');
    });
    expect(desk.pageErrors).toEqual([]);
    expect(portal.pageErrors).toEqual([]);
  }, 120_000);
  it('a save over someone else’s change says so and reloads their version; at phone width the preview follows', async () => {
    if (!app) throw new Error('no app');
    const { baseUrl } = app;
    const phone = await openPage(app.browser, 'es-CL', { width: 390, height: 844 });
    await withScreenshots('survey-settings-conflict', { phone: phone.page }, async () => {
      const { page } = phone;
      await signInThroughApi(page, baseUrl, supervisorEmail);
      await page.goto(`${baseUrl}/admin/agreements/${agreementId}/survey`);
      const mark = page.getByRole('combobox', { name: 'Calificación baja' });
      await eventually(() => mark.inputValue()).toBe('2');
      await expectAccessible(page, 'survey settings, phone');
      await shot(page, 'phone');

      // Someone else saves meanwhile.
      const read = (await supervisor.request('GET', `/api/v1/agreements/${agreementId}/ticket-survey`)).json();
      const { agreementId: _, updatedAt: __, ...body } = read;
      const other = await supervisor.request('PUT', `/api/v1/agreements/${agreementId}/ticket-survey`, {
        ...body,
        lowRating: 3,
      });
      expect(other.statusCode).toBe(200);

      await page.getByRole('checkbox', { name: 'Preguntar de nuevo si el ticket se reabre' }).check();
      await page.getByRole('button', { name: 'Guardar cambios' }).click();
      await eventually(() => page.getByText('Otra persona cambió esta encuesta', { exact: false }).isVisible()).toBe(
        true,
      );
      await page.getByRole('button', { name: 'Recargar' }).click();
      await eventually(() => mark.inputValue()).toBe('3');
      await eventually(() => page.getByText('Otra persona cambió esta encuesta', { exact: false }).count()).toBe(0);
    });
    const saved = (await supervisor.request('GET', `/api/v1/agreements/${agreementId}/ticket-survey`)).json();
    expect(saved).toMatchObject({ version: 2, lowRating: 3, askAgainAfterReopen: false });
    expect(phone.pageErrors).toEqual([]);
  }, 120_000);
  it('an analyst finds an agreement’s survey from the figures, whose empty month says so, and previews it in English', async () => {
    if (!app) throw new Error('no app');
    const { baseUrl, built } = app;
    const analystEmail = (await makeUser(built, ['analyst'], null, { name: 'Elena Paz' })).email;
    const { page, pageErrors } = await openPage(app.browser, 'es-CL');
    await withScreenshots('survey-settings-analyst', { analyst: page }, async () => {
      await signInThroughApi(page, baseUrl, analystEmail);
      await page.goto(`${baseUrl}/workspace/satisfaction`);
      const month = page.getByRole('combobox', { name: 'Mes' });
      await eventually(() => month.isVisible()).toBe(true);
      await month.click();
      await page.getByRole('option').nth(1).click();
      await eventually(() => page.getByText('Sin respuestas este mes').isVisible()).toBe(true);
      await expectAccessible(page, 'satisfaction figures, an empty month');
      await shot(page, 'figures-empty');

      await page.getByRole('button', { name: 'Encuesta de un acuerdo' }).click();
      await page.getByRole('menuitem', { name: 'Acuerdo Clínica' }).click();
      const preview = page.getByRole('region', { name: 'Vista previa' });
      await eventually(() => preview.getByText(NEW_QUESTION).isVisible()).toBe(true);
      await preview.locator('label', { hasText: 'Inglés' }).click();
      await eventually(() => preview.getByText('How would you like us to contact you?').isVisible()).toBe(true);
      await eventually(() => preview.getByRole('radio', { name: 'Email' }).isVisible()).toBe(true);
    });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
