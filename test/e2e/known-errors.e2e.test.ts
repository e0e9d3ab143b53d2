import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPrincipal } from '../../server/modules/auth/auth.service.js';
import { systemContext } from '../../server/platform/request-context.js';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { expectAccessible } from './axe.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * Known errors at the desk. An L1 agent on an incident sees the known error its words suggest,
 * applies its workaround as a reply (the requester gets the public wording), and the ticket then
 * shows the problem behind it. On the phone, the same known error is suggested from what the caller
 * says; "Apply" writes the public workaround into the resolution notes, and the call's incident is
 * linked, gets the public workaround as a reply, and the application is counted. Screenshots go to MESA_E2E_SHOTS (known-errors-<part>-<lang>.png).
 */

const LANGUAGES = [
  {
    locale: 'en-US',
    lang: 'en',
    signInTitle: 'Sign in',
    email: 'Email',
    password: 'Password',
    knownErrors: 'Known errors',
    applyAsReply: 'Apply as reply',
    problem: 'Problem',
    unlink: 'Unlink',
    notLinked: 'This incident is not linked to a problem.',
    linkToProblem: 'Link to a problem',
    findProblem: 'Find a problem by number or text',
    link: 'Link',
    caller: 'Caller',
    subject: 'Subject',
    apply: 'Apply',
    chosen: 'Chosen',
    resolutionNotes: 'How it was resolved',
    resolve: 'Resolve',
    resolvedDone: /((?:INC)-\d+) created and resolved on first contact/,
    problemSubject: 'ERP invoices fail with error 500 when issuing',
    ticketSubject: 'Error 500 issuing invoices in the ERP',
    callSubject: 'ERP invoices error 500',
    desk: 'Restart the queue connector from the admin console',
    public: 'Save the invoice as a draft and issue it again in ten minutes',
  },
  {
    locale: 'es-ES',
    lang: 'es',
    signInTitle: 'Iniciar sesión',
    email: 'Correo electrónico',
    password: 'Contraseña',
    knownErrors: 'Errores conocidos',
    applyAsReply: 'Aplicar como respuesta',
    problem: 'Problema',
    unlink: 'Desvincular',
    notLinked: 'Este incidente no está vinculado a ningún problema.',
    linkToProblem: 'Vincular a un problema',
    findProblem: 'Buscar problema por número o texto',
    link: 'Vincular',
    caller: 'Quién llama',
    subject: 'Asunto',
    apply: 'Aplicar',
    chosen: 'Elegida',
    resolutionNotes: 'Cómo se resolvió',
    resolve: 'Resolver',
    resolvedDone: /((?:INC)-\d+) creado y resuelto en primer contacto/,
    problemSubject: 'Las facturas del ERP fallan con error 500 al emitir',
    ticketSubject: 'Error 500 al emitir facturas en el ERP',
    callSubject: 'Facturas ERP error 500',
    desk: 'Reiniciar el conector de colas desde la consola',
    public: 'Guarde la factura como borrador y vuelva a emitirla en diez minutos',
  },
] as const;

const LAPTOP = { width: 1366, height: 900 };
const eventually = <T>(check: () => Promise<T>) => expect.poll(check, { timeout: 10_000 });

describe.runIf(RUN_BROWSER_TESTS)('known errors at the desk', () => {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  const shot = async (page: import('playwright-core').Page, name: string) => {
    const dir = process.env.MESA_E2E_SHOTS;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `known-errors-${name}.png`), fullPage: true });
  };

  for (const text of LANGUAGES) {
    it(`suggests a known error on the ticket page and in the phone console, and applies it [${text.locale}]`, async () => {
      if (!app) throw new Error('setup did not finish');
      const { built, baseUrl, database } = app;
      const { services } = built;
      const organization = await makeOrganization(built, `Transportes Sur ${text.lang}`);
      const erp = await services.organizations.createService(systemContext, organization.id, { name: 'ERP' });
      const requester = await makeUser(built, ['requester'], organization.id, { name: `Marta Soto ${text.lang}` });
      const agent = await makeUser(built, ['agent'], null, { name: `Luis Agente ${text.lang}` });
      const specialist = await makeUser(built, ['specialist'], null);
      const asSpecialist = { principal: toPrincipal(specialist, 'session'), requestId: null, ip: null };
      const asAgent = { principal: toPrincipal(agent, 'session'), requestId: null, ip: null };
      const created = await services.problems.create(asSpecialist, {
        subject: text.problemSubject,
        description: `<p>${text.problemSubject}</p>`,
        serviceIds: [erp.id],
        organizationIds: [organization.id],
      });
      const problem = await services.problems.update(asSpecialist, created.id, {
        version: created.version,
        status: 'known_error',
        workaroundDesk: `<p>${text.desk}</p>`,
        workaroundPublic: `<p>${text.public}</p>`,
      });
      const ticket = await services.tickets.create(asAgent, {
        requesterId: requester.id,
        type: 'incident',
        channel: 'portal',
        subject: text.ticketSubject,
        description: `<p>${text.ticketSubject}</p>`,
        serviceId: erp.id,
      });

      const { page, context, pageErrors } = await openPage(app.browser, text.locale, LAPTOP);
      try {
        await withScreenshots(`known-errors-${text.locale}`, { agent: page }, async () => {
          await page.goto(`${baseUrl}/`);
          await signIn(page, text, agent.email, TEST_PASSWORD);
          await page.waitForURL(/\/workspace\/tickets/);

          // The ticket page: the known error is suggested from the incident's words, with the desk's wording.
          await page.goto(`${baseUrl}/workspace/tickets/${ticket.id}`);
          const box = page.getByRole('region', { name: text.knownErrors });
          const card = box.locator(`[data-known-error="${problem.id}"]`);
          await eventually(() => card.isVisible()).toBe(true);
          expect(await card.textContent()).toContain(text.desk);
          expect(await card.textContent()).toContain(problem.number);
          await expectAccessible(page, 'ticket page with a known error');
          await card.getByRole('button', { name: text.applyAsReply }).click();

          // Applied: the reply carries the public wording, and the ticket shows its problem.
          const problemBox = page.getByRole('region', { name: text.problem, exact: true });
          await eventually(() => problemBox.getByRole('link', { name: problem.number }).isVisible()).toBe(true);
          expect(await problemBox.getByRole('link', { name: problem.number }).getAttribute('href')).toBe(
            `/workspace/problems/${problem.id}`,
          );
          await eventually(() => page.getByText(text.public).first().isVisible()).toBe(true);
          expect(await problemBox.getByRole('button', { name: text.unlink }).isVisible()).toBe(true);
          await expectAccessible(page, 'ticket page after applying');
          await shot(page, `ticket-${text.lang}`);
          const afterReply = await services.problems.get(systemContext, problem.id);
          expect(afterReply).toMatchObject({ incidentCount: 1, workaroundApplications: 1 });

          // Unlinked, then linked again by its number from the ticket.
          await problemBox.getByRole('button', { name: text.unlink }).click();
          await eventually(() => problemBox.getByText(text.notLinked).isVisible()).toBe(true);
          await problemBox.getByRole('button', { name: text.linkToProblem }).click();
          await problemBox.getByRole('textbox', { name: text.findProblem }).fill(problem.number);
          await problemBox.getByRole('button', { name: `${text.link} ${problem.number}` }).click();
          await eventually(() => problemBox.getByRole('link', { name: problem.number }).isVisible()).toBe(true);
          expect((await services.problems.get(systemContext, problem.id)).incidentCount).toBe(1);

          // The phone console: a caller describes the same failure.
          await page.goto(`${baseUrl}/workspace/phone`);
          const search = page.getByRole('combobox', { name: text.caller });
          await search.fill(requester.name.split(' ')[0] as string);
          await page.getByRole('option', { name: new RegExp(requester.name) }).click();
          await page.getByRole('textbox', { name: text.subject }).fill(text.callSubject);
          const phoneCard = page
            .getByRole('region', { name: text.knownErrors })
            .locator(`[data-known-error="${problem.id}"]`);
          await eventually(() => phoneCard.isVisible()).toBe(true);
          // The caller hears the public wording; the desk's is not shown here.
          expect(await phoneCard.textContent()).toContain(text.public);
          expect(await phoneCard.textContent()).not.toContain(text.desk);
          await phoneCard.getByRole('button', { name: text.apply, exact: true }).click();
          const notes = page.getByRole('textbox', { name: text.resolutionNotes });
          await eventually(() => notes.inputValue()).toContain(text.public);
          expect(await phoneCard.getByRole('button', { name: text.chosen }).getAttribute('aria-pressed')).toBe('true');
          await expectAccessible(page, 'phone console with a known error chosen');
          await shot(page, `phone-${text.lang}`);
          await page.getByRole('button', { name: text.resolve, exact: true }).click();
          const resolved = page.getByText(text.resolvedDone);
          await eventually(() => resolved.isVisible()).toBe(true);

          // The call's incident is behind the problem, and the application counted.
          const number = text.resolvedDone.exec((await resolved.textContent()) ?? '')?.[1];
          const incidents = await services.problemIncidents.incidents(systemContext, problem.id);
          expect(incidents.items.map((item) => item.number).sort()).toEqual([ticket.number, number].sort());
          const afterCall = await services.problems.get(systemContext, problem.id);
          expect(afterCall).toMatchObject({ incidentCount: 2, workaroundApplications: 2 });
          // What the agent said on the phone is on the caller's ticket as a reply: the public wording only.
          const callTicket = incidents.items.find((item) => item.number === number);
          const messages = await database.db
            .selectFrom('ticket_messages')
            .select(['kind', 'body_html'])
            .where('ticket_id', '=', callTicket?.id ?? '')
            .execute();
          expect(messages).toEqual([{ kind: 'reply', body_html: `<p>${text.public}</p>` }]);
          expect(pageErrors).toEqual([]);
        });
      } finally {
        await context.close();
      }
    }, 180_000);
  }

  it('links ticked incidents from the queue to a problem, all or none, naming the refused ones [en-US]', async () => {
    if (!app) throw new Error('setup did not finish');
    const { built, baseUrl } = app;
    const { services } = built;
    const text = LANGUAGES[0];
    const organization = await makeOrganization(built, 'Puerto Austral');
    const requester = await makeUser(built, ['requester'], organization.id);
    const agent = await makeUser(built, ['agent'], null);
    const specialist = await makeUser(built, ['specialist'], null);
    const asSpecialist = { principal: toPrincipal(specialist, 'session'), requestId: null, ip: null };
    const asAgent = { principal: toPrincipal(agent, 'session'), requestId: null, ip: null };
    const problem = await services.problems.create(asSpecialist, {
      subject: 'Crane telemetry drops every night',
      description: '<p>Telemetry gaps</p>',
    });
    const raise = (type: 'incident' | 'request', subject: string) =>
      services.tickets.create(asAgent, {
        requesterId: requester.id,
        type,
        channel: 'portal',
        subject,
        description: `<p>${subject}</p>`,
      });
    const first = await raise('incident', 'Crane 3 telemetry gap');
    const second = await raise('incident', 'Crane 5 telemetry gap');
    const request = await raise('request', 'New badge for the crane operator');

    const { page, context, pageErrors } = await openPage(app.browser, text.locale, LAPTOP);
    try {
      await withScreenshots('known-errors-bulk', { agent: page }, async () => {
        await page.goto(`${baseUrl}/`);
        await signIn(page, text, agent.email, TEST_PASSWORD);
        await page.waitForURL(/\/workspace\/tickets/);
        await page.goto(`${baseUrl}/workspace/tickets?queue=all`);
        for (const ticket of [first, second, request]) {
          const box = page.getByRole('checkbox', { name: `Select ${ticket.number}` });
          await eventually(() => box.isVisible()).toBe(true);
          await box.check();
        }
        await page.getByRole('button', { name: 'Link to problem' }).click();
        const dialog = page.getByRole('dialog', { name: 'Link 3 incidents to a problem' });
        await dialog.getByRole('textbox', { name: 'Find a problem by number or text' }).fill(problem.number);
        await dialog.getByRole('radio', { name: new RegExp(problem.number) }).check();
        await dialog.getByRole('button', { name: 'Link', exact: true }).click();

        // The request is refused, by number, and nothing is linked.
        const refused = dialog.getByRole('alert');
        await eventually(() => refused.textContent()).toContain(request.number);
        expect(await refused.textContent()).not.toContain(first.number);
        // Said in the reader's words from the refusal's reason, not the server's English sentence.
        expect(await refused.textContent()).toContain(
          `${request.number} is of type “Request”: only incidents go behind a problem.`,
        );
        expect(await refused.textContent()).not.toContain('ticketIds');
        await expectAccessible(page, 'bulk link refused');
        await shot(page, 'bulk-refused-en');
        expect((await services.problems.get(systemContext, problem.id)).incidentCount).toBe(0);

        // Without the request, both incidents go behind the problem.
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await page.getByRole('checkbox', { name: `Select ${request.number}` }).uncheck();
        await page.getByRole('button', { name: 'Link to problem' }).click();
        const again = page.getByRole('dialog', { name: 'Link 2 incidents to a problem' });
        await again.getByRole('textbox', { name: 'Find a problem by number or text' }).fill(problem.number);
        await again.getByRole('radio', { name: new RegExp(problem.number) }).check();
        await again.getByRole('button', { name: 'Link', exact: true }).click();
        await eventually(() => page.getByText(`2 incidents linked to ${problem.number}`).isVisible()).toBe(true);
        expect((await services.problems.get(systemContext, problem.id)).incidentCount).toBe(2);
        expect(pageErrors).toEqual([]);
      });
    } finally {
      await context.close();
    }
  }, 120_000);
});
