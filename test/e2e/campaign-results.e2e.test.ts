import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../domain/surveys/answers.js';
import { isShown } from '../../domain/surveys/answers.js';
import { type QuestionnaireDocument, questionsOf } from '../../domain/surveys/questionnaire.js';
import { hashSecret } from '../../server/platform/ids.js';
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
 * A campaign's results in a browser. Seeded through the API: an organization's questionnaire
 * approved by its client manager, a first campaign answered low, a second (on a shortened
 * version, so only shared questions compare) answered high, both closed; the answers go through
 * the public link with the tokens from the invitation mails. The desk reads the second campaign's
 * dashboard on a desktop and on a 375 px phone; the organization's client manager finds it from
 * the portal's surveys; a client manager of another organization gets "not found".
 * Screenshots go to MESA_E2E_SHOTS, or the temporary directory (campaign-results-<step>.png).
 */
const eventually = <T>(check: () => Promise<T>) => expect.poll(check, { timeout: 15_000 });
const DAY = 86_400_000;
const PUBLIC_URL = 'https://mesa.example';

/** Open answers that share words, so the themes have something to find. */
const COMMENTS = [
  'La respuesta por teléfono fue lenta',
  'Muy lenta la respuesta del portal',
  'El portal funciona bien',
  'Respuesta rápida y amable',
  'El portal es claro',
];

/** One person's answers to every question shown to them: `level` 0 (low) to 1 (high) moves every figure. */
function answersFor(document: QuestionnaireDocument, level: number, person: number): Answers {
  const answers: Answers = {};
  const rating = Math.max(1, Math.min(5, Math.round(1 + level * 4 + ((person % 3) - 1) * 0.5)));
  for (const question of questionsOf(document)) {
    if (!isShown(question, answers)) continue;
    switch (question.kind) {
      case 'rating':
        answers[question.id] = rating;
        break;
      case 'nps':
        answers[question.id] = Math.max(0, Math.min(10, Math.round(level * 10) - (person % 2)));
        break;
      case 'single':
        answers[question.id] = question.options?.[person % (question.options?.length ?? 1)]?.id ?? '';
        break;
      case 'multiple':
        answers[question.id] = [question.options?.[0]?.id ?? ''];
        break;
      case 'matrix':
        answers[question.id] = Object.fromEntries((question.options ?? []).map((item) => [item.id, rating]));
        break;
      case 'text':
        answers[question.id] = COMMENTS[person % COMMENTS.length] ?? 'Bien';
        break;
    }
  }
  return answers;
}

describe.runIf(RUN_BROWSER_TESTS)('a campaign’s results', () => {
  let app: BrowserApp | undefined;
  let deskEmail = '';
  let englishDeskEmail = '';
  let managerEmail = '';
  let strangerEmail = '';
  let latestId = '';
  let emptyId = '';

  beforeAll(async () => {
    app = await startBrowserApp({ mail: outboxOnlyMail({ from: 'Mesa <soporte@mesa.test>', publicUrl: PUBLIC_URL }) });
    const { built, database } = app;
    const organization = await makeOrganization(built, 'Clínica Andina');
    const other = await makeOrganization(built, 'Minera Norte');
    deskEmail = (await makeUser(built, ['analyst'], null, { name: 'Marta Ríos' })).email;
    const englishDesk = await makeUser(built, ['analyst'], null, { name: 'Grace Hill' });
    englishDeskEmail = englishDesk.email;
    const manager = await makeUser(built, ['requester', 'client_manager'], organization.id, {
      name: 'Valentina Cortés',
    });
    managerEmail = manager.email;
    strangerEmail = (await makeUser(built, ['requester', 'client_manager'], other.id)).email;
    // Seven requesters and one client manager: the role breakdown shows one group and hides the other.
    const requesters = [];
    for (let i = 0; i < 7; i++) requesters.push(await makeUser(built, ['requester'], organization.id));
    const english = [englishDesk.id, ...requesters.slice(0, 2).map((user) => user.id)];
    await database.db.updateTable('users').set({ locale: 'en' }).where('id', 'in', english).execute();

    const desk = await login(built, deskEmail);
    const managerClient = await login(built, managerEmail);
    const questionnaireId = (
      await desk.request('POST', '/api/v1/questionnaires', { organizationId: organization.id, title: 'Semestral' })
    ).json().id;
    const approve = async (number: number) => {
      await desk.request('POST', `/api/v1/questionnaires/${questionnaireId}/versions/${number}/share`);
      const approved = await managerClient.request(
        'POST',
        `/api/v1/questionnaires/${questionnaireId}/versions/${number}/approve`,
      );
      expect(approved.statusCode).toBe(200);
      return (await desk.request('GET', `/api/v1/questionnaires/${questionnaireId}/versions/${number}`)).json();
    };
    const v1 = await approve(1);

    const mailed = new Set<string>();
    /** Creates, opens, answers through the public link and (unless told) closes a campaign. */
    const runCampaign = async (
      version: { id: string; document: QuestionnaireDocument },
      name: string,
      daysAgo: number,
      level: number,
      respondents: number,
      close = true,
    ) => {
      const now = Date.now();
      const created = await desk.request('POST', '/api/v1/campaigns', {
        organizationId: organization.id,
        questionnaireVersionId: version.id,
        name,
        opensAt: new Date(now - daysAgo * DAY).toISOString(),
        closesAt: new Date(now + DAY).toISOString(),
        anonymous: true,
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as string;
      expect((await desk.request('POST', `/api/v1/campaigns/${id}/open`)).statusCode).toBe(200);
      const tokens = await invitationTokens(app as BrowserApp, id, mailed);
      expect(tokens.length).toBe(8);
      for (const [person, token] of tokens.slice(0, respondents).entries()) {
        const answered = await answerByLink(desk, token, answersFor(version.document, level, person));
        expect(answered.statusCode, answered.body).toBe(200);
      }
      if (close) expect((await desk.request('POST', `/api/v1/campaigns/${id}/close`)).statusCode).toBe(200);
      return id;
    };
    await runCampaign(v1, 'Primer semestre 2026', 200, 0.25, 6);

    // Version 2 leaves out the first rating: the next comparison covers the shared questions only.
    await desk.request('POST', `/api/v1/questionnaires/${questionnaireId}/versions`, { fromNumber: 1 });
    const draft = (await desk.request('GET', `/api/v1/questionnaires/${questionnaireId}/versions/2`)).json();
    const document = draft.document as QuestionnaireDocument;
    const firstRating = questionsOf(document).find((q) => q.kind === 'rating' && !q.showIf)?.id;
    const shortened = {
      sections: document.sections.map((section) => ({
        ...section,
        questions: section.questions.filter((q) => q.id !== firstRating && q.showIf?.questionId !== firstRating),
      })),
    };
    const patched = await desk.request('PATCH', `/api/v1/questionnaires/${questionnaireId}/versions/2`, {
      version: draft.version,
      document: shortened,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const v2 = await approve(2);
    latestId = await runCampaign(v2, 'Segundo semestre 2026', 20, 0.95, 8);
    emptyId = await runCampaign(v2, 'Encuesta de cierre de año', 1, 0.5, 0, false);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  const shot = screenshotSaver('campaign-results');

  it('the desk reads the dashboard on a desktop and a phone, and downloads the exports', async () => {
    if (!app) throw new Error('no app');
    const { baseUrl } = app;
    const desktop = await openPage(app.browser, 'es-CL');
    const phone = await openPage(app.browser, 'en-GB', { width: 375, height: 812 });

    await withScreenshots('campaign-results-desk', { desktop: desktop.page }, async () => {
      const { page } = desktop;
      await signInThroughApi(page, baseUrl, deskEmail);
      await page.goto(`${baseUrl}/workspace/campaigns/${latestId}/results`);
      await eventually(() => page.getByRole('heading', { name: 'Segundo semestre 2026' }).isVisible()).toBe(true);
      await eventually(() => page.getByTestId('response-rate').textContent()).toBe(
        '8 respondieron de 8 invitados (100\u00a0%)',
      );
      const cards = page.getByRole('region', { name: 'Cifras principales' });
      await eventually(() => cards.getByText('Índice global').isVisible()).toBe(true);
      await eventually(() => cards.getByText('n = 8 personas').first().isVisible()).toBe(true);
      await eventually(() => page.getByTestId('partial-comparison').textContent()).toMatch(
        /^Comparado con «Primer semestre 2026» en las \d+ preguntas que comparten ambos cuestionarios\.$/,
      );
      // Low then high: the shared dimensions rose, marked with an arrow and explained to screen readers.
      const dimensions = page.getByRole('region', { name: 'Por dimensión' });
      await eventually(() => dimensions.locator('[data-change="up"]').count()).toBeGreaterThan(0);
      await eventually(() => dimensions.getByRole('img').getAttribute('aria-label')).toMatch(
        /^Índice por dimensión, de 0 a 100: /,
      );
      const breakdowns = page.getByRole('region', { name: 'Por grupo' });
      await breakdowns.getByText('Rol', { exact: true }).first().click();
      // Seven requesters are shown; the one client manager is withheld, by name only.
      await eventually(() => breakdowns.getByRole('row', { name: /^Solicitante 7 / }).isVisible()).toBe(true);
      await eventually(() =>
        breakdowns
          .getByRole('row', { name: /Responsable del cliente/ })
          .getByText('menos de 5 respuestas — oculto para proteger el anonimato')
          .isVisible(),
      ).toBe(true);
      await eventually(() => page.getByRole('region', { name: 'Lo que escribieron' }).isVisible()).toBe(true);
      await expectAccessible(page, 'a campaign’s results at the desk');
      await shot(page, 'desk');

      // The export buttons are plain links: the session cookie makes them download.
      for (const [name, type] of [
        ['Descargar CSV', /text\/csv/],
        ['Descargar Excel (XLSX)', /spreadsheetml/],
      ] as const) {
        const href = await page.getByRole('link', { name }).getAttribute('href');
        expect(href).toMatch(new RegExp(`^/api/v1/campaigns/${latestId}/export\\?format=`));
        const file = await page.request.get(`${baseUrl}${href}`);
        expect(file.status()).toBe(200);
        expect(file.headers()['content-type']).toMatch(type);
      }

      await page.goto(`${baseUrl}/workspace/campaigns/${emptyId}/results`);
      await eventually(() => page.getByText('Todavía no hay respuestas').isVisible()).toBe(true);
      await eventually(() => page.getByRole('link', { name: 'Descargar CSV' }).count()).toBe(0);
      await expectAccessible(page, 'a campaign without responses');
      await shot(page, 'desk-empty');
    });

    await withScreenshots('campaign-results-phone', { phone: phone.page }, async () => {
      const { page } = phone;
      await signInThroughApi(page, baseUrl, englishDeskEmail);
      await page.goto(`${baseUrl}/workspace/campaigns/${latestId}/results`);
      await eventually(() => page.getByRole('heading', { name: 'Segundo semestre 2026' }).isVisible()).toBe(true);
      await eventually(() => page.getByTestId('response-rate').textContent()).toBe('8 answered of 8 invited (100%)');
      await eventually(() =>
        page.getByRole('region', { name: 'By group' }).getByText('Role', { exact: true }).first().isVisible(),
      ).toBe(true);
      await expectAccessible(page, 'a campaign’s results on a phone');
      await shot(page, 'desk-375');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });

    expect(desktop.pageErrors).toEqual([]);
    expect(phone.pageErrors).toEqual([]);
  }, 120_000);

  it('the organization’s client manager finds the results in the portal; another organization’s does not', async () => {
    if (!app) throw new Error('no app');
    const { baseUrl } = app;
    const manager = await openPage(app.browser, 'es-CL', { width: 375, height: 812 });
    const stranger = await openPage(app.browser, 'es-CL');

    await withScreenshots('campaign-results-portal', { manager: manager.page }, async () => {
      const { page } = manager;
      await signInThroughApi(page, baseUrl, managerEmail);
      await page.goto(`${baseUrl}/portal/questionnaires`);
      await page.getByRole('link', { name: 'Ver los resultados de las campañas' }).click();
      await eventually(() => page.getByRole('heading', { name: 'Resultados de encuestas' }).isVisible()).toBe(true);
      await expectAccessible(page, 'the client manager’s campaigns');
      await shot(page, 'portal-list');
      await page.getByRole('link', { name: 'Ver resultados: Segundo semestre 2026' }).click();
      await eventually(() => page.getByRole('heading', { name: 'Segundo semestre 2026' }).isVisible()).toBe(true);
      await eventually(() => page.getByText('Clínica Andina', { exact: false }).first().isVisible()).toBe(true);
      await expectAccessible(page, 'a campaign’s results in the portal');
      await shot(page, 'portal-375');
    });

    await withScreenshots('campaign-results-stranger', { stranger: stranger.page }, async () => {
      const { page } = stranger;
      await signInThroughApi(page, baseUrl, strangerEmail);
      await page.goto(`${baseUrl}/portal/surveys/results/${latestId}`);
      await eventually(() => page.getByText('No se encontró la campaña').isVisible()).toBe(true);
      await eventually(() => page.getByText('Segundo semestre 2026').count()).toBe(0);
      await expectAccessible(page, 'another organization’s campaign');
      await shot(page, 'stranger');
    });

    expect(manager.pageErrors).toEqual([]);
    expect(stranger.pageErrors).toEqual([]);
  }, 120_000);
});

/** The invitation tokens of a campaign, read from the mails in the outbox (only hashes are stored). */
async function invitationTokens(app: BrowserApp, campaignId: string, seen: Set<string>): Promise<string[]> {
  const mails = await app.database.db
    .selectFrom('outbound_mail')
    .select(['id', 'text_body'])
    .where('event', '=', 'campaign_invitation')
    .orderBy('id')
    .execute();
  const tokens: string[] = [];
  for (const mail of mails) {
    if (seen.has(String(mail.id))) continue;
    const token = /campaign-survey#token=([\w-]+)/.exec(mail.text_body)?.[1];
    if (!token) continue;
    const invitation = await app.database.db
      .selectFrom('campaign_invitations')
      .select('id')
      .where('campaign_id', '=', campaignId)
      .where('token_hash', '=', hashSecret(token))
      .executeTakeFirst();
    if (invitation) {
      seen.add(String(mail.id));
      tokens.push(token);
    }
  }
  return tokens;
}

const answerByLink = (client: Client, token: string, answers: Answers) =>
  client.request('POST', '/api/v1/campaign-surveys/by-link/answers', { token, answers });
