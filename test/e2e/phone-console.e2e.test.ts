import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPrincipal } from '../../server/modules/auth/auth.service.js';
import { systemContext } from '../../server/platform/request-context.js';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { expectAccessible } from './axe.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';
import { InteractionBudget } from './interactions.js';

/**
 * The phone console on a laptop screen (1366×900), counting what the agent does. A known caller,
 * found by phone number however it is typed, gets their usual service and category from their
 * recent tickets; "Use" on a procedure writes the resolution notes and sets its category; the
 * call is resolved on first contact in at most 8 interactions, with "Resolve" in sight without
 * scrolling. A second call, found by name, is created and escalated to L2 in at most 10. Both
 * carry the impact and urgency the caller described. MESA_E2E_SHOTS=<dir> saves the filled
 * console as phone-<lang>.png there.
 */

const LANGUAGES = [
  {
    locale: 'en-US',
    lang: 'en',
    signInTitle: 'Sign in',
    email: 'Email',
    password: 'Password',
    phoneTitle: 'Phone console',
    caller: 'Caller',
    subject: 'Subject',
    service: 'Service',
    category: 'Category',
    impact: 'Impact',
    urgency: 'Urgency',
    highImpact: 'High',
    highUrgency: 'High',
    notes: 'Call notes',
    use: 'Use',
    resolutionNotes: 'How it was resolved',
    resolve: 'Resolve',
    resolvedDone: /((?:INC)-\d+) created and resolved on first contact/,
    escalateTab: 'Escalate to L2',
    l2group: 'L2 group',
    summary: 'Summary for the specialist',
    escalate: 'Create and escalate',
    escalatedDone: /((?:INC)-\d+) created and escalated to Networks en/,
    fromHistory: 'Service and category from their last 3 tickets.',
    storedPhone: '+56 9 1234 5678',
    typedPhone: '+56 9 1234 5678',
    names: { mail: 'Mail', erp: 'ERP', sending: 'Sending mail', quota: 'Mailbox full', group: 'Networks en' },
    procedure: 'Mailbox full: archive old mail',
    mailboxFull: 'The mailbox is full, cannot receive mail',
    vpn: 'The VPN does not connect from home',
  },
  {
    locale: 'es-ES',
    lang: 'es',
    signInTitle: 'Iniciar sesión',
    email: 'Correo electrónico',
    password: 'Contraseña',
    phoneTitle: 'Consola telefónica',
    caller: 'Quién llama',
    subject: 'Asunto',
    service: 'Servicio',
    category: 'Categoría',
    impact: 'Impacto',
    urgency: 'Urgencia',
    highImpact: 'Alto',
    highUrgency: 'Alta',
    notes: 'Notas de la llamada',
    use: 'Usar',
    resolutionNotes: 'Cómo se resolvió',
    resolve: 'Resolver',
    resolvedDone: /((?:INC)-\d+) creado y resuelto en primer contacto/,
    escalateTab: 'Escalar a L2',
    l2group: 'Grupo L2',
    summary: 'Resumen para el especialista',
    escalate: 'Crear y escalar',
    escalatedDone: /((?:INC)-\d+) creado y escalado a Redes es/,
    fromHistory: 'Servicio y categoría de sus últimos 3 tickets.',
    // Stored with the country code; typed without it, and without spaces.
    storedPhone: '+56 9 8765 4321',
    typedPhone: '987654321',
    names: { mail: 'Correo', erp: 'ERP', sending: 'Envío de correo', quota: 'Buzón lleno', group: 'Redes es' },
    procedure: 'Buzón lleno: archivar correo antiguo',
    mailboxFull: 'El buzón está lleno, no recibe correo',
    vpn: 'La VPN no conecta desde casa',
  },
] as const;

const LAPTOP = { width: 1366, height: 900 };

/** A condition the page reaches after a request or two: asked again until it holds, for up to 10 s. */
const eventually = <T>(check: () => Promise<T>) => expect.poll(check, { timeout: 10_000 });

const timerState = (page: Page) => page.getByRole('timer').getAttribute('data-state');

describe.runIf(RUN_BROWSER_TESTS)('the phone console on a laptop screen', () => {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  for (const text of LANGUAGES) {
    it(`resolves a known caller in at most 8 interactions and escalates in at most 10 [${text.locale}]`, async () => {
      if (!app) throw new Error('setup did not finish');
      const { built, baseUrl } = app;
      const { services } = built;
      const organization = await makeOrganization(built, `Clínica Andina ${text.lang}`);
      const mail = await services.organizations.createService(systemContext, organization.id, {
        name: text.names.mail,
      });
      const erp = await services.organizations.createService(systemContext, organization.id, { name: text.names.erp });
      const sending = await services.categories.create(systemContext, { name: text.names.sending, serviceId: mail.id });
      const quota = await services.categories.create(systemContext, { name: text.names.quota, serviceId: mail.id });
      const rosa = await services.users.create(systemContext, {
        email: `rosa.${text.lang}@clinica.test`,
        name: `Rosa Quispe ${text.lang}`,
        roles: ['requester'],
        organizationId: organization.id,
        phone: text.storedPhone,
      });
      const tomas = await makeUser(built, ['requester'], organization.id, { name: `Tomás Ríos ${text.lang}` });
      const agent = await makeUser(built, ['agent'], null, { name: `Ana Agente ${text.lang}` });
      const supervisor = await makeUser(built, ['supervisor'], null);
      await services.groups.create(systemContext, {
        name: text.names.group,
        level: 'L2',
        specialty: 'Redes',
        assignment: 'manual',
        memberIds: [],
      });
      const asAgent = { principal: toPrincipal(agent, 'session'), requestId: null, ip: null };
      // Rosa's history: mostly mail, about sending; so the console starts her call there.
      for (const serviceId of [erp.id, mail.id, mail.id]) {
        await services.tickets.create(asAgent, {
          requesterId: rosa.id,
          type: 'incident',
          channel: 'phone',
          subject: 'Earlier call',
          description: '<p>Earlier call</p>',
          serviceId,
          categoryId: serviceId === mail.id ? sending.id : null,
        });
      }
      const asSupervisor = { principal: toPrincipal(supervisor, 'session'), requestId: null, ip: null };
      const draft = await services.procedures.create(asSupervisor, {
        audience: 'L1',
        title: text.procedure,
        summary: 'Archive to free space.',
        steps: ['Open the archive settings', 'Archive mail older than a year', 'Send a test message'],
        serviceIds: [mail.id],
        categoryIds: [quota.id],
      });
      const submitted = await services.procedures.act(asSupervisor, draft.id, {
        version: draft.version,
        action: 'submit',
      });
      await services.procedures.act(asSupervisor, draft.id, { version: submitted.version, action: 'publish' });

      const { page, context, pageErrors } = await openPage(app.browser, text.locale, LAPTOP);
      try {
        await withScreenshots(`phone-${text.locale}`, { agent: page }, async () => {
          await page.goto(`${baseUrl}/`);
          await signIn(page, text, agent.email, TEST_PASSWORD);
          await page.waitForURL(/\/workspace\/tickets/);
          await page.goto(`${baseUrl}/workspace/phone`);
          await eventually(() => page.getByRole('heading', { name: text.phoneTitle }).isVisible()).toBe(true);
          // No call yet: the clock waits.
          expect(await timerState(page)).toBe('idle');

          // First call, resolved on first contact: found by phone number, picked with Enter.
          const resolveCall = new InteractionBudget(page, `resolve on first contact [${text.locale}]`, 8);
          const search = page.getByRole('combobox', { name: text.caller });
          await resolveCall.fill(search, text.typedPhone, 'the caller search with a phone number');
          // The answer to the number typed (the list is busy while it loads): her alone.
          const results = page.getByRole('listbox', { name: text.caller });
          await eventually(() => results.getAttribute('aria-busy')).toBe('false');
          expect(await results.getByRole('option').allTextContents()).toEqual([expect.stringContaining(rosa.name)]);
          await resolveCall.press('Enter', 'pick the caller');
          expect(await timerState(page)).toBe('running');
          // Her usual service and category, from her recent tickets.
          await eventually(() => page.getByRole('combobox', { name: text.service }).inputValue()).toBe(text.names.mail);
          await eventually(() => page.getByRole('combobox', { name: text.category }).inputValue()).toBe(
            text.names.sending,
          );
          await eventually(() => page.getByText(text.fromHistory).isVisible()).toBe(true);
          await resolveCall.fill(page.getByRole('textbox', { name: text.subject }), text.mailboxFull, 'the subject');
          await resolveCall.click(
            page.getByRole('radiogroup', { name: text.urgency }).getByText(text.highUrgency, { exact: true }),
            'urgency high',
          );
          const card = page.locator('[data-procedure]').filter({ hasText: text.procedure });
          await eventually(() => card.isVisible()).toBe(true);
          await resolveCall.click(card.getByRole('button', { name: text.use }), 'use the procedure');
          // The notes say what was done, and the ticket takes the procedure's category.
          const notes = page.getByRole('textbox', { name: text.resolutionNotes });
          await eventually(() => notes.inputValue()).toContain('2. Archive mail older than a year');
          await eventually(() => page.getByRole('combobox', { name: text.category }).inputValue()).toBe(
            text.names.quota,
          );
          expect(await notes.isEditable()).toBe(true);

          // "Resolve" is in sight on a 1366×900 screen, and nothing has scrolled the page.
          const resolve = page.getByRole('button', { name: text.resolve, exact: true });
          const inView = await resolve.evaluate((button) => {
            const box = button.getBoundingClientRect();
            const scrolled = (document.scrollingElement?.scrollTop ?? 0) + window.scrollY;
            return { top: box.top, bottom: box.bottom, height: window.innerHeight, scrolled };
          });
          expect(inView.scrolled).toBe(0);
          expect(inView.top).toBeGreaterThanOrEqual(0);
          expect(inView.bottom).toBeLessThanOrEqual(inView.height);
          await expectAccessible(page, 'phone console');
          if (process.env.MESA_E2E_SHOTS) {
            mkdirSync(process.env.MESA_E2E_SHOTS, { recursive: true });
            await page.screenshot({ path: join(process.env.MESA_E2E_SHOTS, `phone-${text.lang}.png`) });
          }
          await resolveCall.click(resolve, 'resolve');
          const resolved = page.getByText(text.resolvedDone);
          await eventually(() => resolved.isVisible()).toBe(true);
          expect(resolveCall.count).toBeLessThanOrEqual(8);
          expect(await timerState(page)).toBe('ended');

          const firstNumber = text.resolvedDone.exec((await resolved.textContent()) ?? '')?.[1];
          const [first] = (await services.ticketReads.list(systemContext, { q: firstNumber, queue: 'all' })).items;
          expect(first).toMatchObject({
            number: firstNumber,
            status: 'resolved',
            channel: 'phone',
            priority: 2,
            service: { id: mail.id },
            category: { id: quota.id },
          });

          // Second call, created and escalated: found by name, picked with the mouse.
          const escalateCall = new InteractionBudget(page, `create and escalate [${text.locale}]`, 10);
          await escalateCall.fill(search, tomas.name.split(' ')[0] as string, 'the caller search with a name');
          await escalateCall.click(page.getByRole('option', { name: new RegExp(tomas.name) }), 'pick the caller');
          expect(await timerState(page)).toBe('running');
          await escalateCall.fill(page.getByRole('textbox', { name: text.subject }), text.vpn, 'the subject');
          await escalateCall.fill(page.getByRole('textbox', { name: text.notes }), 'Router restarted.', 'the notes');
          await escalateCall.click(
            page.getByRole('radiogroup', { name: text.impact }).getByText(text.highImpact, { exact: true }),
            'impact high',
          );
          await escalateCall.click(page.getByText(text.escalateTab, { exact: true }), 'the escalation');
          // The specialist's summary starts from the call notes.
          expect(await page.getByRole('textbox', { name: text.summary }).inputValue()).toBe('Router restarted.');
          await escalateCall.click(page.getByRole('combobox', { name: text.l2group }), 'open the L2 groups');
          await escalateCall.click(page.getByRole('option', { name: new RegExp(`^${text.names.group}`) }), 'the group');
          await escalateCall.fill(
            page.getByRole('textbox', { name: text.summary }),
            'Credentials and router checked; the tunnel never comes up.',
            'the summary',
          );
          await escalateCall.click(page.getByRole('button', { name: text.escalate }), 'create and escalate');
          const escalated = page.getByText(text.escalatedDone);
          await eventually(() => escalated.isVisible()).toBe(true);
          expect(escalateCall.count).toBeLessThanOrEqual(10);
          expect(await timerState(page)).toBe('ended');
          const secondNumber = text.escalatedDone.exec((await escalated.textContent()) ?? '')?.[1];
          const [second] = (await services.ticketReads.list(systemContext, { q: secondNumber, queue: 'all' })).items;
          expect(second).toMatchObject({ requester: { id: tomas.id }, level: 'L2', priority: 2 });

          expect(pageErrors).toEqual([]);
        });
      } finally {
        await context.close();
      }
    }, 180_000);
  }

  it('puts the cursor on the first thing a call still lacks, and clears each error once it is given [en-US]', async () => {
    if (!app) throw new Error('setup did not finish');
    const { built, baseUrl } = app;
    const text = LANGUAGES[0];
    const organization = await makeOrganization(built, 'Minera Norte');
    const caller = await makeUser(built, ['requester'], organization.id, { name: 'Julia Paredes' });
    const agent = await makeUser(built, ['agent'], null);
    await built.services.groups.create(systemContext, {
      name: 'Databases',
      level: 'L2',
      specialty: 'Bases de datos',
      assignment: 'manual',
      memberIds: [],
    });
    const { page, context, pageErrors } = await openPage(app.browser, text.locale, LAPTOP);
    try {
      await withScreenshots('phone-errors', { agent: page }, async () => {
        await page.goto(`${baseUrl}/`);
        await signIn(page, text, agent.email, TEST_PASSWORD);
        await page.waitForURL(/\/workspace\/tickets/);
        await page.goto(`${baseUrl}/workspace/phone`);
        const focused = (locator: ReturnType<Page['getByRole']>) =>
          eventually(() => locator.evaluate((element) => element === document.activeElement));
        const invalid = (locator: ReturnType<Page['getByRole']>) =>
          eventually(() => locator.getAttribute('aria-invalid'));
        const search = page.getByRole('combobox', { name: text.caller });
        const subject = page.getByRole('textbox', { name: text.subject });
        const notes = page.getByRole('textbox', { name: text.resolutionNotes });
        const resolve = page.getByRole('button', { name: text.resolve, exact: true });

        // Nothing written: caller, subject and notes are marked, the cursor back in the caller search.
        await search.evaluate((element) => (element as HTMLElement).blur());
        await resolve.click();
        await invalid(search).toBe('true');
        await invalid(subject).toBe('true');
        await invalid(notes).toBe('true');
        expect(await page.getByText('Pick the caller').isVisible()).toBe(true);
        await focused(search).toBe(true);
        await expectAccessible(page, 'phone console with errors');

        // The caller picked: that error goes, the others stay, and the next click lands on the subject.
        await search.fill('Julia');
        await page.getByRole('option', { name: new RegExp(caller.name) }).click();
        // The search gives way to the caller's card, and its error with it.
        await eventually(() => page.getByText('Pick the caller').count()).toBe(0);
        await resolve.click();
        await focused(subject).toBe(true);
        await subject.fill('The report server is down');
        await invalid(subject).not.toBe('true');

        // Then the ending's own fields: the notes, and after switching to escalate, the group.
        await resolve.click();
        await focused(notes).toBe(true);
        await notes.fill('Restarted the report service.');
        await invalid(notes).not.toBe('true');
        await page.getByText(text.escalateTab, { exact: true }).click();
        await page.getByRole('button', { name: text.escalate }).click();
        const group = page.getByRole('combobox', { name: text.l2group });
        await invalid(group).toBe('true');
        await focused(group).toBe(true);
        // No half-made ticket behind the refusals.
        const made = await built.services.ticketReads.list(systemContext, { q: 'report server', queue: 'all' });
        expect(made.items).toEqual([]);
      });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
