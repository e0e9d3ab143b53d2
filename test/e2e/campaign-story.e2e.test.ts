import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * A survey campaign from design to results, in a browser: the desk creates a questionnaire for an
 * organization from the default, rewords a question and adds one shown only after a low rating,
 * and shares the draft; the organization's client manager, on a phone, comments and approves it in
 * the portal; the desk reads the comment, sees the version approved, and sends a campaign of it
 * (the invitations captured in the outbox); a person answers by the mailed link at phone width;
 * the desk closes the campaign and reads its results.
 * Screenshots go to MESA_E2E_SHOTS, or the temporary directory (questionnaire-review-<step>.png).
 */
const eventually = <T>(check: () => Promise<T>) => expect.poll(check, { timeout: 15_000 });

const REWORDED = 'Cuando reporta un caso, lo resolvemos bien a la primera.';
const FOLLOW_UP = '¿Qué faltó para resolverlo a la primera?';
const COMMENT = 'Nos gustaría una pregunta sobre el portal móvil.';

describe.runIf(RUN_BROWSER_TESTS)('a survey campaign designed with the client, answered and read', () => {
  let app: BrowserApp | undefined;
  let supervisorEmail = '';
  let managerEmail = '';
  let respondentEmail = '';
  let supervisor: Client;

  beforeAll(async () => {
    app = await startBrowserApp({
      mail: outboxOnlyMail({ from: 'Mesa <soporte@mesa.test>', publicUrl: 'https://mesa.example' }),
    });
    const { built } = app;
    const organization = await makeOrganization(built, 'Clínica Andina');
    await makeOrganization(built, 'Minera Norte');
    supervisorEmail = (await makeUser(built, ['supervisor'], null, { name: 'Marta Ríos' })).email;
    managerEmail = (
      await makeUser(built, ['requester', 'client_manager'], organization.id, { name: 'Valentina Cortés' })
    ).email;
    respondentEmail = (await makeUser(built, ['requester'], organization.id, { name: 'Jorge Pinto' })).email;
    supervisor = await login(built, supervisorEmail);
  }, 60_000);

  afterAll(async () => {
    app?.built.services.mailOutbox.close();
    await app?.close();
  });

  const shot = screenshotSaver('questionnaire-review');

  it('the desk drafts and shares; the client manager approves on a phone; a campaign goes out, is answered and read', async () => {
    if (!app) throw new Error('no app');
    const { baseUrl } = app;
    const desk = await openPage(app.browser, 'es-CL');
    const phone = await openPage(app.browser, 'es-CL', { width: 390, height: 844 });
    let questionnaireId = '';

    await withScreenshots('questionnaire-review-desk', { desk: desk.page }, async () => {
      const { page } = desk;
      await signInThroughApi(page, baseUrl, supervisorEmail);
      await page.goto(`${baseUrl}/workspace/tickets`);
      await page.getByRole('link', { name: 'Cuestionarios' }).click();
      await eventually(() => page.getByText('Aún no hay cuestionarios.').isVisible()).toBe(true);
      await expectAccessible(page, 'questionnaires, none yet');

      await page.getByRole('combobox', { name: 'Organización' }).fill('Clínica');
      await page.getByRole('option', { name: 'Clínica Andina' }).click();
      await page.getByRole('textbox', { name: 'Título' }).fill('Encuesta semestral 2027');
      await page.getByRole('button', { name: 'Crear cuestionario' }).click();
      await eventually(() => page.getByRole('heading', { name: 'Encuesta semestral 2027' }).isVisible()).toBe(true);
      questionnaireId = page.url().split('/').pop()?.split('?')[0] ?? '';
      await eventually(() => page.getByRole('heading', { name: 'Versión 1' }).isVisible()).toBe(true);
      const preview = page.getByRole('region', { name: 'Vista previa' });
      await eventually(() => preview.getByText('La mesa cumple los plazos que le comunica.').isVisible()).toBe(true);
      await expectAccessible(page, 'a questionnaire, its first draft');
      await shot(page, 'draft');

      await page.getByRole('button', { name: 'Editar el borrador' }).click();
      const section = page.getByRole('region', { name: 'Sección 1' });
      const first = section.getByRole('group', { name: 'Pregunta 1' });
      await first.getByLabel('Texto en español').fill(REWORDED);
      await eventually(() => preview.getByText(REWORDED).isVisible()).toBe(true);

      await section.getByRole('button', { name: 'Agregar pregunta a la sección 1' }).click();
      const added = section.getByRole('group', { name: 'Pregunta 9' });
      await added.getByLabel('Texto en español').fill(FOLLOW_UP);
      await added.getByLabel('Mostrar solo si').click();
      await page.getByRole('option', { name: REWORDED }).click();
      // A multi-select opens from the keyboard, as a person without a mouse would.
      await added.getByLabel('Con alguna de estas respuestas').focus();
      await page.keyboard.press('ArrowDown');
      await page.getByRole('option', { name: '1', exact: true }).click();
      await page.getByRole('option', { name: '2', exact: true }).click();
      await page.keyboard.press('Escape');
      // Hidden in the preview until the first question is rated low.
      await eventually(() => preview.getByText(FOLLOW_UP).count()).toBe(0);
      await preview.getByRole('radiogroup', { name: REWORDED }).getByRole('radio', { name: '2', exact: true }).check();
      await eventually(() => preview.getByText(FOLLOW_UP).isVisible()).toBe(true);
      await expectAccessible(page, 'a questionnaire, editing the draft');
      await shot(page, 'editing');

      // Without its English text the server refuses the draft and says so on that field.
      await page.getByRole('button', { name: 'Guardar cambios' }).click();
      const english = added.getByLabel('Texto en inglés');
      await eventually(() => english.getAttribute('aria-invalid')).toBe('true');
      await eventually(() => added.getByText('Este campo es obligatorio.').isVisible()).toBe(true);
      await expectAccessible(page, 'a questionnaire, a save refused');
      await english.fill('What was missing to solve it the first time?');
      await page.getByRole('button', { name: 'Guardar cambios' }).click();
      await eventually(() => page.getByText('Borrador guardado.').isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Compartir con el cliente' }).click();
      const dialog = page.getByRole('dialog', { name: 'Compartir con el cliente' });
      await dialog.getByRole('button', { name: 'Compartir con el cliente' }).click();
      await eventually(() => dialog.isVisible()).toBe(false);
      await eventually(() => page.getByRole('main').getByText('Compartida').first().isVisible()).toBe(true);
    });

    const shared = (await supervisor.request('GET', `/api/v1/questionnaires/${questionnaireId}/versions/1`)).json();
    expect(shared.state).toBe('shared');
    const questions = shared.document.sections[0].questions;
    expect(questions[0].text.es).toBe(REWORDED);
    expect(questions[8]).toMatchObject({
      kind: 'text',
      text: { es: FOLLOW_UP },
      showIf: { questionId: questions[0].id, anyOf: ['1', '2'] },
    });

    await withScreenshots('questionnaire-review-portal', { phone: phone.page }, async () => {
      const { page } = phone;
      await signInThroughApi(page, baseUrl, managerEmail);
      await page.goto(`${baseUrl}/portal`);
      await page
        .getByRole('button', { name: /navegación|menú/i })
        .first()
        .click();
      await page.getByRole('link', { name: 'Encuestas' }).click();
      await eventually(() => page.getByRole('heading', { name: 'Encuesta semestral 2027' }).isVisible()).toBe(true);
      await expectAccessible(page, 'the client manager’s surveys');
      await shot(page, 'portal-list');

      await page.getByRole('link', { name: 'Versión 1' }).click();
      await eventually(() => page.getByRole('region', { name: 'Vista previa' }).getByText(REWORDED).isVisible()).toBe(
        true,
      );
      await page.getByRole('textbox', { name: 'Su comentario' }).fill(COMMENT);
      await page.getByRole('button', { name: 'Enviar comentario' }).click();
      await eventually(() => page.getByRole('listitem').filter({ hasText: COMMENT }).isVisible()).toBe(true);
      await expectAccessible(page, 'a shared version in the portal');
      await shot(page, 'portal-version');

      await page.getByRole('button', { name: 'Aprobar' }).click();
      const dialog = page.getByRole('dialog', { name: 'Aprobar' });
      await eventually(() => dialog.getByText('¿Aprobar la versión 1?', { exact: false }).isVisible()).toBe(true);
      await dialog.getByRole('button', { name: 'Aprobar' }).click();
      await eventually(() => dialog.isVisible()).toBe(false);
      await eventually(() => page.getByText('Aprobó esta versión.').isVisible()).toBe(true);
      await eventually(() => page.getByText('Aprobada', { exact: true }).first().isVisible()).toBe(true);
      await eventually(() => page.getByRole('button', { name: 'Aprobar' }).count()).toBe(0);
      // Approved, the thread is closed: no box to add to it.
      await eventually(() => page.getByRole('textbox', { name: 'Su comentario' }).count()).toBe(0);
      await expectAccessible(page, 'an approved version in the portal');
      await shot(page, 'portal-approved');
    });

    await withScreenshots('questionnaire-review-back', { desk: desk.page }, async () => {
      const { page } = desk;
      await page.goto(`${baseUrl}/workspace/questionnaires/${questionnaireId}`);
      await eventually(() => page.getByRole('listitem').filter({ hasText: COMMENT }).isVisible()).toBe(true);
      await eventually(() => page.getByText('Valentina Cortés').first().isVisible()).toBe(true);
      await eventually(() => page.getByText('Aprobada', { exact: true }).first().isVisible()).toBe(true);
      await eventually(() => page.getByRole('button', { name: 'Nuevo borrador desde esta versión' }).isVisible()).toBe(
        true,
      );
      await expectAccessible(page, 'an approved questionnaire at the desk');
      await shot(page, 'desk-approved');
      await page.goto(`${baseUrl}/workspace/questionnaires`);
      const row = page.getByRole('row', { name: /Encuesta semestral 2027/ });
      await eventually(() => row.getByText('Aprobada').isVisible()).toBe(true);
      await eventually(() => row.getByText('Clínica Andina').isVisible()).toBe(true);
      await expectAccessible(page, 'the desk’s questionnaires');
      await shot(page, 'desk-list');
    });

    const approved = (await supervisor.request('GET', `/api/v1/questionnaires/${questionnaireId}`)).json();
    expect(approved.versions).toEqual([expect.objectContaining({ number: 1, state: 'approved' })]);

    await withScreenshots('campaign-story-desk', { desk: desk.page }, async () => {
      const { page } = desk;
      await page.getByRole('link', { name: 'Campañas' }).click();
      await page.getByRole('button', { name: 'Nueva campaña' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nueva campaña' });
      await dialog.getByRole('combobox', { name: 'Organización' }).fill('Clínica');
      await page.getByRole('option', { name: 'Clínica Andina' }).click();
      await dialog.getByRole('combobox', { name: 'Cuestionario aprobado' }).click();
      await page.getByRole('option', { name: 'Encuesta semestral 2027, versión 1' }).click();
      await eventually(() => dialog.getByRole('combobox', { name: 'Cuestionario aprobado' }).inputValue()).toBe(
        'Encuesta semestral 2027, versión 1',
      );
      await dialog.getByLabel('Nombre de la campaña').fill('Primer semestre 2027');
      const local = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);
      await dialog.getByLabel('Abre').fill(local(-1));
      await dialog.getByLabel('Cierra').fill(local(14));
      await dialog.getByRole('button', { name: 'Crear campaña' }).click();
      await eventually(() => page.getByRole('heading', { name: 'Primer semestre 2027' }).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Abrir ahora' }).click();
      const confirm = page.getByRole('dialog', { name: 'Abrir ahora' });
      await confirm.getByRole('button', { name: 'Abrir ahora' }).click();
      await eventually(() => confirm.isVisible()).toBe(false);
      // Invited: the client manager and the organization's requester.
      await eventually(() =>
        page.getByRole('region', { name: 'Tasa de respuesta' }).getByText('0 / 2').isVisible(),
      ).toBe(true);
      await shot(page, 'campaign-open');
    });

    const mail = await app.database.db
      .selectFrom('outbound_mail')
      .select('text_body')
      .where('event', '=', 'campaign_invitation')
      .where('to_address', '=', respondentEmail)
      .executeTakeFirstOrThrow();
    const link = /https:\/\/mesa\.example(\/campaign-survey#token=[\w-]+)/.exec(mail.text_body)?.[1];
    expect(link).toBeDefined();

    const respondent = await openPage(app.browser, 'es-CL', { width: 375, height: 812 });
    await withScreenshots('campaign-story-respondent', { phone: respondent.page }, async () => {
      const { page } = respondent;
      await page.goto(`${baseUrl}${link}`);
      await eventually(() => page.getByText('Clínica Andina le pregunta: Primer semestre 2027').isVisible()).toBe(true);
      await expectAccessible(page, 'the campaign survey on a phone');
      await shot(page, 'respondent');
      // A 4 on every scale (the 0–10 too), the reworded question first: the low-rating follow-up stays hidden.
      await eventually(() => page.getByRole('radiogroup', { name: REWORDED }).isVisible()).toBe(true);
      for (const group of await page.getByRole('radiogroup').all())
        await group.getByRole('radio', { name: '4', exact: true }).check();
      expect(await page.getByText(FOLLOW_UP).count()).toBe(0);
      await page.getByRole('button', { name: 'Enviar respuestas' }).click();
      await eventually(() => page.getByText('¡Gracias! Recibimos sus respuestas.').isVisible()).toBe(true);
      await expectAccessible(page, 'the campaign survey, thanks');
      await shot(page, 'respondent-thanks');
    });

    await withScreenshots('campaign-story-results', { desk: desk.page }, async () => {
      const { page } = desk;
      await page.reload();
      await eventually(() =>
        page.getByRole('region', { name: 'Tasa de respuesta' }).getByText('1 / 2').isVisible(),
      ).toBe(true);
      await page.getByRole('button', { name: 'Cerrar la campaña' }).click();
      const confirm = page.getByRole('dialog', { name: 'Cerrar la campaña' });
      await confirm.getByRole('button', { name: 'Cerrar la campaña' }).click();
      await eventually(() => confirm.isVisible()).toBe(false);
      await eventually(() => page.getByRole('main').getByText('Cerrada', { exact: true }).isVisible()).toBe(true);
      await page.getByRole('link', { name: 'Resultados' }).click();
      await eventually(() => page.getByText(/^1 respondió de 2 invitados \(50\s?%\)$/).isVisible()).toBe(true);
      // Every rating a 4: the index is (4 − 1) / 4 × 100 = 75, and every rating is in the top two boxes.
      await eventually(() => page.getByText('75', { exact: true }).first().isVisible()).toBe(true);
      await eventually(() =>
        page
          .getByText(/^100\s?%$/)
          .first()
          .isVisible(),
      ).toBe(true);
      await expectAccessible(page, 'the campaign results');
      await shot(page, 'results');
    });

    expect(desk.pageErrors).toEqual([]);
    expect(phone.pageErrors).toEqual([]);
    expect(respondent.pageErrors).toEqual([]);
  }, 240_000);
});
