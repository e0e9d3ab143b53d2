import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPrincipal } from '../../server/modules/auth/auth.service.js';
import { JobRunner } from '../../server/platform/jobs.js';
import { systemContext } from '../../server/platform/request-context.js';
import { outboxOnlyMail } from '../support/mail-desk.js';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../support/test-app.js';
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
 * The whole story of a problem (issue 19), in a browser: five alike incidents of one client's VPN
 * → the candidates job proposes them → a specialist accepts the candidate in the inbox (a problem
 * with the five linked) → makes it a known error with a desk and a public workaround → finds it in
 * the known-error search → an L1 agent taking a new call in the phone console gets the workaround
 * suggested and applies it → the specialist resolves the problem and its open incidents, the job
 * resolves them in a batch, and each requester is told in their own language.
 * Screenshots go to MESA_E2E_SHOTS, or the temporary directory (problem-story-<step>.png).
 */

const ALIKE = (i: number) => ({
  subject: `Error de conexión con la VPN corporativa ${i}`,
  description: `<p>La VPN corporativa se desconecta cada pocos minutos y da un error de conexión al autenticar (${i}).</p>`,
});
const SUBJECT = 'Corporate VPN drops the connection every few minutes';
const DESK_WORKAROUND = 'Switch the VPN profile to TCP 443 from the admin console';
const PUBLIC_WORKAROUND = 'Reconnect choosing the “Backup” VPN profile';
const FIXED_ES = 'Hemos solucionado la causa de esta incidencia';
const FIXED_EN = 'We have fixed the cause of this incident';

const eventually = <T>(check: () => Promise<T>) => expect.poll(check, { timeout: 15_000 });

describe.runIf(RUN_BROWSER_TESTS)('the story of a problem', () => {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp({ mail: outboxOnlyMail({ from: 'Mesa Soporte <soporte@mesa.test>' }) });
  }, 60_000);

  afterAll(async () => {
    app?.built.services.mailOutbox.close();
    await app?.close();
  });

  const shot = screenshotSaver('problem-story');

  /**
   * One run of the named job, through the job runner as the server runs it; `slotsLater` asks for
   * a later slot (a slot runs once across runners, and the first test took this hour's).
   */
  const runJob = async (name: string, slotsLater = 0) => {
    if (!app) throw new Error('setup did not finish');
    const jobs = app.built.jobs.filter((job) => job.name === name);
    expect(jobs).toHaveLength(1);
    const schedule = jobs[0]?.schedule;
    const period = schedule?.kind === 'interval' ? schedule.everySeconds * 1000 : 0;
    const clock = { now: () => new Date(Date.now() + slotsLater * period) };
    await new JobRunner(jobs, app.built.services.jobs, clock, { instance: 'e2e' }).tick();
  };

  it('goes from recurring incidents to a resolved problem with every requester told [en-US]', async () => {
    if (!app) throw new Error('setup did not finish');
    const { built, baseUrl } = app;
    const { services } = built;
    const organization = await makeOrganization(built, 'Naviera del Sur');
    const vpn = await services.organizations.createService(systemContext, organization.id, { name: 'VPN' });
    const requesters = await Promise.all(
      (['es', 'en', 'es', 'en', 'es'] as const).map((locale, i) =>
        services.users.create(systemContext, {
          email: `crew-${i}-${locale}@naviera.test`,
          name: `Crew ${i} ${locale}`,
          roles: ['requester'],
          organizationId: organization.id,
          password: TEST_PASSWORD,
          locale,
        }),
      ),
    );
    const caller = await makeUser(built, ['requester'], organization.id, { name: 'Paula Caller' });
    const agent = await makeUser(built, ['agent'], null, { name: 'Luis L1' });
    const specialist = await makeUser(built, ['specialist'], null, { name: 'Sara L2' });
    const asAgent = { principal: toPrincipal(agent, 'session'), requestId: null, ip: null };
    const raise = (requesterId: string, body: { subject: string; description: string }, serviceId?: string) =>
      services.tickets.create(asAgent, { requesterId, type: 'incident', channel: 'portal', serviceId, ...body });
    const planted: Awaited<ReturnType<typeof raise>>[] = [];
    for (const [i, requester] of requesters.entries()) planted.push(await raise(requester.id, ALIKE(i), vpn.id));
    // Noise: another failure of the same client and service.
    await raise(
      requesters[0]?.id ?? '',
      { subject: 'La impresora del tercer piso no imprime', description: '<p>Atasco de papel</p>' },
      vpn.id,
    );

    await runJob('problem_candidates');

    const { page, context, pageErrors } = await openPage(app.browser, 'en-US', { width: 1366, height: 900 });
    const l1 = await openPage(app.browser, 'en-US', { width: 1366, height: 900 });
    try {
      await withScreenshots('problem-story', { specialist: page, agent: l1.page }, async () => {
        // The inbox, from the problems list: the planted cluster and its evidence.
        await signInThroughApi(page, baseUrl, specialist.email);
        await page.goto(`${baseUrl}/workspace/problems`);
        await page.getByRole('heading', { name: 'Problems', exact: true }).waitFor();
        await shot(page, 'problems-list');
        await page.getByRole('main').getByRole('link', { name: 'Candidates' }).click();
        await page.getByRole('heading', { name: 'Problem candidates' }).waitFor();
        // In the menu, the inbox is lit alone (not "Problems" above it).
        const lit = page.getByRole('navigation').locator('[data-status="active"]');
        expect(await lit.allTextContents()).toEqual(['Problem candidates']);
        const card = page.getByRole('article', { name: /^Candidate:/ });
        await card.waitFor();
        expect(await card.count()).toBe(1);
        const evidence = (await card.textContent()) ?? '';
        expect(evidence).toContain('Naviera del Sur');
        expect(evidence).toContain('VPN');
        expect(evidence).toContain('5 incidents');
        for (const ticket of planted) expect(evidence).toContain(ticket.number);
        expect(evidence).not.toContain('impresora');
        expect(await card.getByRole('link', { name: planted[0]?.number ?? '' }).getAttribute('href')).toBe(
          `/workspace/tickets/${planted[0]?.id}`,
        );
        await expectAccessible(page, 'candidates inbox');
        await shot(page, 'inbox');

        // Accepted: the form is prefilled from the shared terms; the problem opens with the five linked.
        await card.getByRole('button', { name: 'Accept' }).click();
        const accept = page.getByRole('dialog', { name: 'Record the candidate’s problem' });
        const subject = accept.getByRole('textbox', { name: 'Subject' });
        expect((await subject.inputValue()).length).toBeGreaterThan(0);
        await expectAccessible(page, 'accept dialog');
        await shot(page, 'accept');
        await subject.fill(SUBJECT);
        await accept.getByRole('button', { name: 'Record problem' }).click();
        await page.getByRole('heading', { name: SUBJECT }).waitFor();
        const problemId = page.url().split('/').pop() ?? '';
        for (const ticket of planted) await page.getByRole('link', { name: ticket.number }).first().waitFor();
        expect(await services.problems.get(systemContext, problemId)).toMatchObject({ incidentCount: 5 });
        expect((await services.problemCandidates.pending(systemContext)).length).toBe(0);

        // A known error, with the desk's and the requesters' workaround.
        await page.getByRole('button', { name: 'Move to “Known error”' }).click();
        const editor = page.getByRole('dialog');
        await editor.getByLabel('Workaround (for the desk)').fill(DESK_WORKAROUND);
        await editor.getByLabel('Workaround (for requesters)').fill(PUBLIC_WORKAROUND);
        await editor.getByRole('button', { name: 'Save' }).click();
        await editor.waitFor({ state: 'hidden' });
        await page.getByText(DESK_WORKAROUND).waitFor();

        // The known-error search finds it, and keeps the words in the address.
        await page.getByRole('link', { name: 'Known errors', exact: true }).click();
        await page.getByRole('heading', { name: 'Known errors' }).waitFor();
        await page.getByRole('searchbox', { name: 'Search known errors' }).fill('VPN drops');
        await page.waitForURL(/\/workspace\/known-errors\?q=VPN(\+|%20)drops/);
        const found = page.locator(`[data-known-error="${problemId}"]`);
        await found.waitFor();
        expect(await found.textContent()).toContain(DESK_WORKAROUND);
        expect(await found.getByRole('link', { name: /PRB-\d+/ }).getAttribute('href')).toBe(
          `/workspace/problems/${problemId}`,
        );
        await expectAccessible(page, 'known-error search');
        await shot(page, 'known-errors');
        await page.getByRole('searchbox', { name: 'Search known errors' }).fill('printer jam');
        await page.getByText('No known error matches “printer jam”').waitFor();

        // The L1 agent takes a new call: the workaround is suggested from what the caller says.
        await signInThroughApi(l1.page, baseUrl, agent.email);
        await l1.page.goto(`${baseUrl}/workspace/phone`);
        await l1.page.getByRole('combobox', { name: 'Caller' }).fill('Paula');
        await l1.page.getByRole('option', { name: new RegExp(caller.name) }).click();
        await l1.page.getByRole('textbox', { name: 'Subject' }).fill('The corporate VPN drops every few minutes');
        const suggestion = l1.page
          .getByRole('region', { name: 'Known errors' })
          .locator(`[data-known-error="${problemId}"]`);
        await eventually(() => suggestion.isVisible()).toBe(true);
        expect(await suggestion.textContent()).toContain(PUBLIC_WORKAROUND);
        await suggestion.getByRole('button', { name: 'Apply', exact: true }).click();
        await eventually(() => l1.page.getByRole('textbox', { name: 'How it was resolved' }).inputValue()).toContain(
          PUBLIC_WORKAROUND,
        );
        await shot(l1.page, 'phone');
        await l1.page.getByRole('button', { name: 'Resolve', exact: true }).click();
        await eventually(() => l1.page.getByText(/created and resolved on first contact/).isVisible()).toBe(true);
        expect(await services.problems.get(systemContext, problemId)).toMatchObject({
          incidentCount: 6,
          workaroundApplications: 1,
        });
        expect(l1.pageErrors).toEqual([]);

        // Resolved: the page offers to resolve the five still open (the call's is resolved already).
        await page.goto(`${baseUrl}/workspace/problems/${problemId}`);
        await page.getByRole('button', { name: 'Move to “Resolved”' }).click();
        const resolving = page.getByRole('dialog');
        await resolving.getByLabel('Root cause').fill('The VPN concentrator’s certificate had expired.');
        await resolving.getByLabel('Permanent fix').fill('Certificate renewed and its expiry monitored.');
        await resolving.getByRole('button', { name: 'Save' }).click();
        await resolving.waitFor({ state: 'hidden' });
        await page.getByRole('button', { name: 'Resolve its 5 open incidents' }).click();
        const message = page.getByRole('dialog', { name: 'Resolve the problem’s incidents' });
        expect(await message.getByRole('textbox', { name: 'Message in Spanish' }).inputValue()).toContain(FIXED_ES);
        expect(await message.getByRole('textbox', { name: 'Message in English' }).inputValue()).toContain(FIXED_EN);
        await expectAccessible(page, 'resolve incidents dialog');
        await shot(page, 'resolve-dialog');
        await message.getByRole('button', { name: 'Resolve incidents' }).click();
        await message.waitFor({ state: 'hidden' });
        const progress = page.getByRole('region', { name: 'Resolving the incidents' });
        await progress.getByText('Resolving the incidents…').waitFor();
        expect(await progress.textContent()).toContain('0 of 5 incidents');
        await expectAccessible(page, 'resolve progress');
        await shot(page, 'resolving');

        // The job's batch; the page follows until it ends, then the incidents panel reloads.
        await runJob('problem_resolutions');
        await progress.getByText('Incidents resolved: 5 of 5.').waitFor();
        expect(await progress.textContent()).toContain('5 of 5 incidents');
        // The incidents panel reloaded: the problem's status and its six incidents all read "Resolved".
        await eventually(() => page.getByRole('main').getByText('Resolved', { exact: true }).count()).toBe(7);
        await expectAccessible(page, 'resolve progress, done');
        await shot(page, 'resolved');

        const incidents = await services.problemIncidents.incidents(systemContext, problemId);
        expect(incidents.items.map((incident) => incident.status)).toEqual(Array(6).fill('resolved'));
        const mail = await app?.database.db
          .selectFrom('outbound_mail')
          .select(['ticket_id', 'to_address', 'event', 'text_body'])
          .where(
            'ticket_id',
            'in',
            planted.map((ticket) => ticket.id),
          )
          .execute();
        // Each requester: one reply with the message and one "resolved" notice, both in their language only.
        for (const [i, requester] of requesters.entries()) {
          const theirs = (mail ?? []).filter((m) => m.ticket_id === planted[i]?.id && m.to_address === requester.email);
          const [said, other] = requester.locale === 'en' ? [FIXED_EN, FIXED_ES] : [FIXED_ES, FIXED_EN];
          for (const event of ['agent_reply', 'resolved']) {
            const told = theirs.filter((m) => m.event === event && m.text_body.includes(said));
            expect(told, `${requester.email} ${event}`).toHaveLength(1);
          }
          expect(
            theirs.some((m) => m.text_body.includes(other)),
            requester.email,
          ).toBe(false);
        }
        expect(pageErrors).toEqual([]);
      });
    } finally {
      await context.close();
      await l1.context.close();
    }
  }, 240_000);

  it('explains an empty inbox, saves the search settings and says when nothing matches [es-ES]', async () => {
    if (!app) throw new Error('setup did not finish');
    const { built, baseUrl } = app;
    const specialist = await makeUser(built, ['specialist'], null, { name: 'Marta L2' });
    const asSpecialist = { principal: toPrincipal(specialist, 'session'), requestId: null, ip: null };
    const created = await built.services.problems.create(asSpecialist, {
      subject: 'El portal de nóminas no carga los recibos',
      description: '<p>Error al abrir los recibos</p>',
    });
    const knownError = await built.services.problems.update(asSpecialist, created.id, {
      version: created.version,
      status: 'known_error',
      workaroundDesk: '<p>Vaciar la caché del portal de nóminas</p>',
    });
    const { page, context, pageErrors } = await openPage(app.browser, 'es-ES');
    try {
      await withScreenshots('problem-story-es', { specialist: page }, async () => {
        await signInThroughApi(page, baseUrl, specialist.email);
        await page.goto(`${baseUrl}/workspace/problems`);
        await page.getByRole('link', { name: 'Candidatos a problema', exact: true }).click();
        await page.getByRole('heading', { name: 'Candidatos a problema' }).waitFor();
        await page.getByText('No hay candidatos pendientes').waitFor();
        await page.getByText(/de los últimos 7 días .* cuando 5 o más del mismo cliente/).waitFor();

        const needed = page.getByRole('textbox', { name: 'Incidentes parecidos necesarios' });
        await needed.fill('4');
        await page.getByRole('button', { name: 'Guardar ajustes' }).click();
        await page.getByText('Ajustes guardados.').waitFor();
        await page.getByText(/cuando 4 o más del mismo cliente/).waitFor();
        expect(await built.services.problemCandidates.candidateSettings()).toMatchObject({ minIncidents: 4 });
        await expectAccessible(page, 'empty candidates inbox (es-ES)');
        await shot(page, 'inbox-empty-es');

        // Four alike incidents are enough now; dismissed after asking, the candidate leaves the inbox.
        const organization = await makeOrganization(built, 'Hospital Norte');
        const requester = await makeUser(built, ['requester'], organization.id);
        const agent = await makeUser(built, ['agent']);
        const asAgent = { principal: toPrincipal(agent, 'session'), requestId: null, ip: null };
        for (let i = 0; i < 4; i++) {
          await built.services.tickets.create(asAgent, {
            requesterId: requester.id,
            type: 'incident',
            channel: 'phone',
            subject: `La impresora de recepción no imprime etiquetas ${i}`,
            description: `<p>La impresora de etiquetas de recepción se atasca y no imprime (${i}).</p>`,
          });
        }
        await runJob('problem_candidates', 1);
        await page.reload();
        const card = page.getByRole('article', { name: /^Candidato:/ });
        await card.waitFor();
        expect(await card.textContent()).toContain('4 incidentes');
        await card.getByRole('button', { name: 'Descartar' }).click();
        const confirm = page.getByRole('dialog', { name: 'Descartar el candidato' });
        await confirm.getByText(/Volverá solo si crece/).waitFor();
        await expectAccessible(page, 'dismiss confirmation (es-ES)');
        await shot(page, 'dismiss-es');
        await confirm.getByRole('button', { name: 'Descartar' }).click();
        await confirm.waitFor({ state: 'hidden' });
        await page.getByText('No hay candidatos pendientes').waitFor();
        expect(await built.services.problemCandidates.pending(systemContext)).toEqual([]);

        // The search's words come from the address, and a search that finds nothing says so.
        await page.goto(`${baseUrl}/workspace/known-errors?q=impresora`);
        const box = page.getByRole('searchbox', { name: 'Buscar errores conocidos' });
        await eventually(() => box.inputValue()).toBe('impresora');
        await page.getByText('Ningún error conocido coincide con «impresora»').waitFor();
        await expectAccessible(page, 'known-error search without results (es-ES)');
        await shot(page, 'known-errors-none-es');
        await box.fill('');
        await page.waitForURL(`${baseUrl}/workspace/known-errors`);
        await page.getByText('Los más recientes').waitFor();
        await page.locator(`[data-known-error="${knownError.id}"]`).waitFor();
        expect(pageErrors).toEqual([]);
      });
    } finally {
      await context.close();
    }
  }, 120_000);
});
