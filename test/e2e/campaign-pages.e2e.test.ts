import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionnaireDocument } from '../../domain/surveys/questionnaire.js';
import { outboxOnlyMail } from '../support/mail-desk.js';
import { type Client, login, makeOrganization, makeUser } from '../support/test-app.js';
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
 * A survey campaign, in a browser: with an approved questionnaire and a campaign made through the
 * API, the desk opens the campaign from its page (0 of 3 answered), one invited person answers by
 * the mailed link on a phone, with the keyboard, in their own language, and the desk's page then
 * reads 1 of 3. Screenshots go to MESA_E2E_SHOTS, or the temporary directory (campaign-pages-<step>.png).
 */
const eventually = <T>(check: () => Promise<T>) => expect.poll(check, { timeout: 15_000 });

const t = (es: string, en: string) => ({ es, en });
const OVERALL = '¿Qué tan satisfecho está con la mesa de ayuda?';
const DOCUMENT: QuestionnaireDocument = {
  sections: [
    {
      id: 'servicio',
      title: t('El servicio', 'The service'),
      questions: [
        {
          id: 'general',
          kind: 'rating',
          text: t(OVERALL, 'How satisfied are you with the help desk?'),
          help: t('Piense en los últimos seis meses.', 'Think of the last six months.'),
          required: true,
          dimension: 'overall',
        },
        {
          id: 'aspectos',
          kind: 'matrix',
          text: t('Califique cada aspecto', 'Rate each aspect'),
          required: false,
          notApplicable: true,
          dimension: 'reliability',
          options: [
            { id: 'plazos', label: t('Cumple los plazos', 'Meets the deadlines') },
            { id: 'trato', label: t('Trato amable', 'Kind manner') },
          ],
        },
        { id: 'comentario', kind: 'text', text: t('¿Algo más?', 'Anything else?'), required: false },
      ],
    },
  ],
};

describe.runIf(RUN_BROWSER_TESTS)('survey campaign pages', () => {
  let app: BrowserApp | undefined;
  let analystEmail = '';
  let respondentEmail = '';
  let campaignId = '';

  beforeAll(async () => {
    app = await startBrowserApp({
      mail: outboxOnlyMail({ from: 'Mesa <soporte@mesa.test>', publicUrl: 'https://mesa.example' }),
    });
    const { built } = app;
    const organization = await makeOrganization(built, 'Clínica Andina');
    analystEmail = (await makeUser(built, ['analyst'], null, { name: 'Marta Ríos' })).email;
    const manager = await makeUser(built, ['requester', 'client_manager'], organization.id, { name: 'Valentina' });
    respondentEmail = (await makeUser(built, ['requester'], organization.id, { name: 'Jorge Pinto' })).email;
    await makeUser(built, ['requester'], organization.id, { name: 'Ana Soto' });
    const desk: Client = await login(built, analystEmail);
    const client: Client = await login(built, manager.email);

    const questionnaire = (
      await desk.request('POST', '/api/v1/questionnaires', { organizationId: organization.id, title: 'Semestral 2027' })
    ).json();
    const versionPath = `/api/v1/questionnaires/${questionnaire.id}/versions/1`;
    const draft = (await desk.request('GET', versionPath)).json();
    expect((await desk.request('PATCH', versionPath, { version: draft.version, document: DOCUMENT })).statusCode).toBe(
      200,
    );
    expect((await desk.request('POST', `${versionPath}/share`)).statusCode).toBe(200);
    expect((await client.request('POST', `${versionPath}/approve`)).statusCode).toBe(200);
    const now = Date.now();
    const created = await desk.request('POST', '/api/v1/campaigns', {
      organizationId: organization.id,
      questionnaireVersionId: draft.id,
      name: 'Encuesta semestral 2027-1',
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + 14 * 86_400_000).toISOString(),
      anonymous: true,
      reminderDaysBeforeClose: 3,
    });
    expect(created.statusCode).toBe(201);
    campaignId = created.json().id;
  }, 60_000);

  afterAll(async () => {
    app?.built.services.mailOutbox.close();
    await app?.close();
  });

  const shot = screenshotSaver('campaign-pages');

  it('the desk opens the campaign, a person answers by the mailed link on a phone, the rate moves to 1 of 3', async () => {
    if (!app) throw new Error('no app');
    const { baseUrl, database } = app;
    const desk = await openPage(app.browser, 'es-CL');
    // The browser speaks English; the page follows the respondent's language (Spanish) from the start.
    const phone = await openPage(app.browser, 'en-US', { width: 375, height: 812 });

    await withScreenshots('campaign-pages-desk', { desk: desk.page }, async () => {
      const { page } = desk;
      await signInThroughApi(page, baseUrl, analystEmail);
      await page.goto(`${baseUrl}/supervision`);
      await page.getByRole('link', { name: 'Campañas' }).click();
      const row = page.getByRole('row', { name: /Encuesta semestral 2027-1/ });
      await eventually(() => row.getByText('Borrador').isVisible()).toBe(true);
      await eventually(() => row.getByText('Clínica Andina').isVisible()).toBe(true);
      await expectAccessible(page, 'the campaigns list');
      await shot(page, 'list');

      // The form offers the organization's approved version and says what it refuses on the field.
      await page.getByRole('button', { name: 'Nueva campaña' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nueva campaña' });
      await dialog.getByRole('combobox', { name: 'Organización' }).fill('Clínica');
      await page.getByRole('option', { name: 'Clínica Andina' }).click();
      await dialog.getByRole('combobox', { name: 'Cuestionario aprobado' }).click();
      await page.getByRole('option', { name: 'Semestral 2027, versión 1' }).click();
      await dialog.getByLabel('Nombre de la campaña').fill('Segundo semestre');
      await dialog.getByLabel('Abre').fill('2027-09-01T09:00');
      await dialog.getByLabel('Cierra').fill('2027-08-01T09:00');
      await dialog.getByRole('button', { name: 'Crear campaña' }).click();
      const closes = dialog.getByLabel('Cierra');
      await eventually(() => closes.getAttribute('aria-invalid')).toBe('true');
      await eventually(() => dialog.getByText('Debe cerrar después de abrir.').isVisible()).toBe(true);
      await expectAccessible(page, 'the new campaign form, a date refused');
      await shot(page, 'new-form');
      await dialog.getByRole('button', { name: 'Cancelar' }).click();
      await eventually(() => dialog.isVisible()).toBe(false);

      await row.getByRole('link', { name: 'Encuesta semestral 2027-1' }).click();
      await eventually(() => page.getByRole('heading', { name: 'Encuesta semestral 2027-1' }).isVisible()).toBe(true);
      await eventually(() => page.getByRole('link', { name: 'Semestral 2027, versión 1' }).isVisible()).toBe(true);
      await eventually(() => page.getByRole('link', { name: 'Resultados' }).getAttribute('href')).toBe(
        `/workspace/campaigns/${campaignId}/results`,
      );
      await page.getByRole('button', { name: 'Abrir ahora' }).click();
      const confirm = page.getByRole('dialog', { name: 'Abrir ahora' });
      await confirm.getByRole('button', { name: 'Abrir ahora' }).click();
      await eventually(() => confirm.isVisible()).toBe(false);
      const rate = page.getByRole('region', { name: 'Tasa de respuesta' });
      await eventually(() => rate.getByText('0 / 3').isVisible()).toBe(true);
      await eventually(() => page.getByRole('main').getByText('Abierta', { exact: true }).isVisible()).toBe(true);
      await eventually(() => rate.getByText(/Se actualiza cada 10 segundos/).isVisible()).toBe(true);
      await expectAccessible(page, 'an open campaign');
      await shot(page, 'opened');
    });

    const mail = await database.db
      .selectFrom('outbound_mail')
      .select('text_body')
      .where('event', '=', 'campaign_invitation')
      .where('to_address', '=', respondentEmail)
      .executeTakeFirstOrThrow();
    const link = /https:\/\/mesa\.example(\/campaign-survey#token=[\w-]+)/.exec(mail.text_body)?.[1];
    expect(link).toBeDefined();

    await withScreenshots('campaign-pages-phone', { phone: phone.page }, async () => {
      const { page } = phone;
      await page.goto(`${baseUrl}${link}`);
      await eventually(() => page.getByRole('heading', { name: 'Encuesta', exact: true }).isVisible()).toBe(true);
      // The secret leaves the address bar once read.
      expect(page.url()).toBe(`${baseUrl}/campaign-survey`);
      await eventually(() => page.getByText('Clínica Andina le pregunta: Encuesta semestral 2027-1').isVisible()).toBe(
        true,
      );
      await eventually(() =>
        page.getByText('Sus respuestas son anónimas: no quedan vinculadas a usted.').isVisible(),
      ).toBe(true);
      // Nothing wider than the phone: no sideways scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await expectAccessible(page, 'the campaign survey, phone');
      await shot(page, 'phone-form');

      // Sent unanswered: the required question says so, its radios described by the message.
      const send = page.getByRole('button', { name: 'Enviar respuestas' });
      await send.focus();
      await page.keyboard.press('Enter');
      await eventually(() => page.getByText('Responda esta pregunta').isVisible()).toBe(true);
      const overall = page.getByRole('radiogroup', { name: OVERALL });
      await eventually(async () => {
        const ids = (await overall.getAttribute('aria-describedby'))?.split(' ').filter(Boolean) ?? [];
        const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
        return texts.join(' | ');
      }).toContain('Responda esta pregunta');
      await expectAccessible(page, 'the campaign survey, unanswered');

      // The keyboard only: the focus lands on the first radio; arrows choose 4.
      await eventually(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('1');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await eventually(() => overall.getByRole('radio', { name: '4', exact: true }).isChecked()).toBe(true);
      const matrix = page.getByRole('group', { name: 'Califique cada aspecto' });
      await matrix
        .getByRole('radiogroup', { name: 'Cumple los plazos' })
        .getByRole('radio', { name: 'No aplica' })
        .check();
      await page.getByLabel('¿Algo más?').fill('Todo bien, gracias.');
      await send.focus();
      await page.keyboard.press('Enter');
      await eventually(() => page.getByText('¡Gracias! Recibimos sus respuestas.').isVisible()).toBe(true);
      await expectAccessible(page, 'the campaign survey, thanks');
      await shot(page, 'phone-thanks');

      await page.goto('about:blank');
      await page.goto(`${baseUrl}${link}`);
      await eventually(() => page.getByText('Esta encuesta ya fue respondida. ¡Gracias!').isVisible()).toBe(true);
      await shot(page, 'phone-answered');
    });

    await withScreenshots('campaign-pages-desk-after', { desk: desk.page }, async () => {
      const { page } = desk;
      await page.reload();
      const rate = page.getByRole('region', { name: 'Tasa de respuesta' });
      await eventually(() => rate.getByText('1 / 3').isVisible()).toBe(true);
      await expectAccessible(page, 'the campaign after one answer');
      await shot(page, 'answered');
    });

    const answered = (
      await (await login(app.built, analystEmail)).request('GET', `/api/v1/campaigns/${campaignId}`)
    ).json();
    expect(answered.responseRate).toEqual({ invited: 3, answered: 1, rate: 1 / 3 });
    expect(desk.pageErrors).toEqual([]);
    expect(phone.pageErrors).toEqual([]);
  }, 120_000);
});
