import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPrincipal } from '../../server/modules/auth/auth.service.js';
import { systemContext } from '../../server/platform/request-context.js';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * Support levels in two browsers: an L1 agent takes a call in the phone console (`c`), finds the
 * caller as they type, uses the procedure suggested for what they say and resolves on first
 * contact; a second call is created and escalated to an L2 group, where a specialist finds it in
 * their Unassigned queue and takes it (`a`). Once per language.
 */

const LANGUAGES = [
  {
    locale: 'en-US',
    lang: 'en',
    signInTitle: 'Sign in',
    email: 'Email',
    password: 'Password',
    phoneTitle: 'Phone console',
    recent: 'Recent tickets',
    use: 'Use',
    chosen: 'Chosen',
    resolutionNotes: 'How it was resolved',
    resolve: 'Resolve',
    escalateTab: 'Escalate to L2',
    resolvedDone: /((?:INC)-\d+) created and resolved on first contact/,
    open: 'Open the ticket',
    firstContact: 'First contact',
    applied: /applied the procedure “Printer prints blank pages en”/,
    notes: 'Call notes',
    l2group: 'L2 group',
    summary: 'Summary for the specialist',
    escalate: 'Create and escalate',
    escalatedDone: /((?:INC)-\d+) created and escalated to Networks en/,
    unassigned: 'Unassigned',
    assigned: 'Assigned',
    printer: 'The printer prints blank pages',
    vpn: 'The VPN does not connect from home',
  },
  {
    locale: 'es-ES',
    lang: 'es',
    signInTitle: 'Iniciar sesión',
    email: 'Correo electrónico',
    password: 'Contraseña',
    phoneTitle: 'Consola telefónica',
    recent: 'Tickets recientes',
    use: 'Usar',
    chosen: 'Elegido',
    resolutionNotes: 'Cómo se resolvió',
    resolve: 'Resolver',
    escalateTab: 'Escalar a L2',
    resolvedDone: /((?:INC)-\d+) creado y resuelto en primer contacto/,
    open: 'Abrir el ticket',
    firstContact: 'Primer contacto',
    applied: /aplicó el procedimiento «La impresora imprime en blanco es»/,
    notes: 'Notas de la llamada',
    l2group: 'Grupo L2',
    summary: 'Resumen para el especialista',
    escalate: 'Crear y escalar',
    escalatedDone: /((?:INC)-\d+) creado y escalado a Redes es/,
    unassigned: 'Sin asignar',
    assigned: 'Asignado',
    printer: 'La impresora imprime en blanco',
    vpn: 'La VPN no conecta desde casa',
  },
] as const;

/** A condition the page reaches after a request or two: asked again until it holds, for up to 10 s. */
const eventually = <T>(check: () => Promise<T>) => expect.poll(check, { timeout: 10_000 });

/** Focus out of whatever field has it, so single-key shortcuts reach the page. */
const leaveFields = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

const PROCEDURE_TITLES = { en: 'Printer prints blank pages en', es: 'La impresora imprime en blanco es' } as const;

describe.runIf(RUN_BROWSER_TESTS)('support levels in a browser', () => {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  for (const text of LANGUAGES) {
    it(`an L1 agent resolves a call on first contact and escalates another to L2 [${text.locale}]`, async () => {
      if (!app) throw new Error('setup did not finish');
      const { built, baseUrl } = app;
      const organization = await makeOrganization(built, `Clínica Andina ${text.lang}`);
      const caller = await makeUser(built, ['requester'], organization.id, { name: `Rosa Quispe ${text.lang}` });
      const agent = await makeUser(built, ['agent'], null, { name: `Ana Agente ${text.lang}` });
      const specialist = await makeUser(built, ['specialist'], null, { name: `Sergio Redes ${text.lang}` });
      const supervisor = await makeUser(built, ['supervisor'], null, { name: `Carmen Supervisora ${text.lang}` });
      // Manual groups: nothing is handed out automatically, so the escalated ticket waits in the queue.
      await built.services.groups.create(systemContext, {
        name: `Desk ${text.lang}`,
        level: 'L1',
        assignment: 'manual',
        memberIds: [agent.id],
        coverage: [{ organizationId: organization.id }],
      });
      await built.services.groups.create(systemContext, {
        name: text.lang === 'es' ? 'Redes es' : 'Networks en',
        level: 'L2',
        specialty: text.lang === 'es' ? 'Redes' : 'Networking',
        assignment: 'manual',
        memberIds: [specialist.id],
      });
      const asSupervisor = { principal: toPrincipal(supervisor, 'session'), requestId: null, ip: null };
      const draft = await built.services.procedures.create(asSupervisor, {
        audience: 'L1',
        title: PROCEDURE_TITLES[text.lang],
        summary: 'Blank pages: toner and driver.',
        steps: ['Check the toner', 'Reinstall the printer driver', 'Print a test page'],
      });
      const submitted = await built.services.procedures.act(asSupervisor, draft.id, {
        version: draft.version,
        action: 'submit',
      });
      await built.services.procedures.act(asSupervisor, draft.id, { version: submitted.version, action: 'publish' });

      const ana = await openPage(app.browser, text.locale);
      const sergio = await openPage(app.browser, text.locale);
      try {
        await withScreenshots(`support-${text.locale}`, { agent: ana.page, specialist: sergio.page }, async () => {
          // The agent opens the phone console with `c`; the caller search has the keyboard.
          const desk = ana.page;
          await desk.goto(`${baseUrl}/`);
          await signIn(desk, text, agent.email, TEST_PASSWORD);
          await desk.waitForURL(/\/workspace\/tickets/);
          await leaveFields(desk);
          await desk.keyboard.press('c');
          await desk.waitForURL(/\/workspace\/phone$/);
          await eventually(() => desk.getByRole('heading', { name: text.phoneTitle }).isVisible()).toBe(true);

          // First call: the caller is found as the agent types; Enter picks them, then the subject.
          await eventually(() => desk.evaluate(() => document.activeElement?.tagName ?? '')).toBe('INPUT');
          await desk.keyboard.type(caller.name);
          await eventually(() => desk.getByRole('option', { name: new RegExp(caller.name) }).isVisible()).toBe(true);
          await desk.keyboard.press('Enter');
          await eventually(() => desk.getByText(text.recent).isVisible()).toBe(true);
          await desk.keyboard.type(text.printer);
          const card = desk.locator('[data-procedure]').filter({ hasText: PROCEDURE_TITLES[text.lang] });
          await eventually(() => card.isVisible()).toBe(true);
          await card.getByRole('button', { name: text.use }).click();
          await eventually(() => card.getByRole('button', { name: text.chosen }).isVisible()).toBe(true);
          await desk.getByLabel(text.resolutionNotes).fill('Reinstalled the driver; the test page prints.');
          await desk.getByRole('button', { name: text.resolve, exact: true }).click();
          const resolved = desk.getByText(text.resolvedDone);
          await eventually(() => resolved.isVisible()).toBe(true);
          const first = text.resolvedDone.exec((await resolved.textContent()) ?? '')?.[1];
          expect(first).toMatch(/^INC-\d+$/);

          const firstHref = await desk.getByRole('link', { name: text.open }).getAttribute('href');
          expect(firstHref).toMatch(/^\/workspace\/tickets\/[^/]+$/);

          // Second call: created and escalated to the L2 group with a summary.
          await eventually(() => desk.evaluate(() => document.activeElement?.tagName ?? '')).toBe('INPUT');
          await desk.keyboard.type(caller.name);
          await eventually(() => desk.getByRole('option', { name: new RegExp(caller.name) }).isVisible()).toBe(true);
          await desk.keyboard.press('Enter');
          await eventually(() => desk.getByText(text.recent).isVisible()).toBe(true);
          await desk.keyboard.type(text.vpn);
          await desk.getByLabel(text.notes).fill('Restarted the router; still failing.');
          await desk.getByText(text.escalateTab, { exact: true }).click();
          await desk.getByRole('combobox', { name: text.l2group }).click();
          await desk
            .getByRole('option', { name: new RegExp(text.lang === 'es' ? '^Redes es' : '^Networks en') })
            .click();
          await desk.getByLabel(text.summary).fill('Checked credentials and router; the tunnel never comes up.');
          await desk.getByRole('button', { name: text.escalate }).click();
          const escalated = desk.getByText(text.escalatedDone);
          await eventually(() => escalated.isVisible()).toBe(true);

          // The specialist finds it in their Unassigned queue and takes it with `a`.
          const l2 = sergio.page;
          await l2.goto(`${baseUrl}/`);
          await signIn(l2, text, specialist.email, TEST_PASSWORD);
          await l2.waitForURL(/\/workspace\/tickets/);
          await l2.getByRole('tab', { name: text.unassigned }).click();
          const link = l2.getByRole('link', { name: text.vpn });
          await eventually(() => link.isVisible()).toBe(true);
          expect(await l2.getByRole('link', { name: text.printer }).count()).toBe(0);
          await link.click();
          await l2.waitForURL(/\/workspace\/tickets\/[^/?]+$/);
          await eventually(() => l2.getByRole('heading', { name: text.vpn }).isVisible()).toBe(true);
          await leaveFields(l2);
          await l2.keyboard.press('a');
          await eventually(() =>
            l2.getByRole('main').getByText(text.assigned, { exact: true }).first().isVisible(),
          ).toBe(true);

          // Back at the first ticket, its timeline says which procedure was applied.
          await desk.goto(`${baseUrl}${firstHref}`);
          await eventually(() => desk.getByText(text.firstContact, { exact: true }).isVisible()).toBe(true);
          await eventually(() => desk.getByText(text.applied).isVisible()).toBe(true);

          expect(ana.pageErrors).toEqual([]);
          expect(sergio.pageErrors).toEqual([]);
        });
      } finally {
        await ana.context.close();
        await sergio.context.close();
      }
    }, 180_000);
  }
});
