import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/platform/request-context.js';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * A ticket's life in two browsers: a requester raises it in the portal with a screenshot; an
 * agent finds it in the Unassigned queue, takes it (`a`), replies (`r`) and adds a private note
 * (`n`), then resolves it; the requester, whose page updates live, sees the reply and never the
 * note, and confirms the resolution. Once per language.
 */

const LANGUAGES = [
  {
    locale: 'en-US',
    lang: 'en',
    signInTitle: 'Sign in',
    email: 'Email',
    password: 'Password',
    incident: "Something doesn't work",
    subject: 'Subject',
    description: 'Description',
    send: 'Send ticket',
    created: /We registered your ticket ((?:INC)-\d+)/,
    unassigned: 'Unassigned',
    assigned: 'Assigned',
    reply: 'Reply',
    sendReply: 'Send reply',
    note: 'Internal note',
    addNote: 'Add note',
    status: 'Status',
    resolved: 'Resolved',
    resolutionCode: 'Resolution code',
    solved: 'Solved',
    resolutionNotes: 'How it was resolved',
    moveToResolved: 'Move to "Resolved"',
    confirm: 'Confirm resolution',
    closed: 'Closed',
  },
  {
    locale: 'es-ES',
    lang: 'es',
    signInTitle: 'Iniciar sesión',
    email: 'Correo electrónico',
    password: 'Contraseña',
    incident: 'Algo no funciona',
    subject: 'Asunto',
    description: 'Descripción',
    send: 'Enviar ticket',
    created: /Registramos tu ticket ((?:INC)-\d+)/,
    unassigned: 'Sin asignar',
    assigned: 'Asignado',
    reply: 'Respuesta',
    sendReply: 'Enviar respuesta',
    note: 'Nota interna',
    addNote: 'Agregar nota',
    status: 'Estado',
    resolved: 'Resuelto',
    resolutionCode: 'Código de resolución',
    solved: 'Solucionado',
    resolutionNotes: 'Cómo se resolvió',
    moveToResolved: 'Pasar a «Resuelto»',
    confirm: 'Confirmar la solución',
    closed: 'Cerrado',
  },
] as const;

/** A 1×1 PNG: a real image, since the server types uploads by their first bytes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A condition the page reaches after a request or two: asked again until it holds, for up to 10 s. */
const eventually = <T>(check: () => Promise<T>) => expect.poll(check, { timeout: 10_000 });

/** The element that has the keyboard, to know a shortcut landed before typing. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? '');

/** Focus out of whatever field has it, so single-key shortcuts reach the page. */
const leaveFields = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

describe.runIf(RUN_BROWSER_TESTS)('tickets in a browser', () => {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the desk new-ticket form sent empty focuses its first invalid field, whose error clears once filled', async () => {
    if (!app) throw new Error('setup did not finish');
    const { built, baseUrl } = app;
    const organization = await makeOrganization(built, 'Clínica Empty Form');
    await makeUser(built, ['requester'], organization.id, { name: 'Teodoro Vacío' });
    const agent = await makeUser(built, ['agent'], null, { name: 'Ana Empty Form' });
    const opened = await openPage(app.browser, 'en-US');
    try {
      const desk = opened.page;
      await desk.goto(`${baseUrl}/`);
      await signIn(desk, LANGUAGES[0], agent.email, TEST_PASSWORD);
      await desk.waitForURL(/\/workspace\/tickets/);
      await desk.goto(`${baseUrl}/workspace/tickets/new`);
      const requester = desk.getByRole('combobox', { name: 'Requester' });
      const required = desk.getByText('This field is required.');
      await requester.waitFor();
      await desk.getByRole('button', { name: 'Register ticket' }).click();

      // Requester, subject and description are each required; the cursor goes to the first.
      await eventually(() => required.count()).toBe(3);
      await eventually(() => requester.evaluate((input) => input === document.activeElement)).toBe(true);
      expect(await requester.getAttribute('aria-invalid')).toBe('true');

      // Choosing the requester clears its error at once, before any new submit; the others stay.
      await requester.fill('Teodoro');
      await desk.getByRole('option', { name: /Teodoro Vacío/ }).click();
      await eventually(() => required.count()).toBe(2);
      expect(await requester.getAttribute('aria-invalid')).not.toBe('true');
      await desk.getByLabel('Subject').fill('Printer');
      await eventually(() => required.count()).toBe(1);
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });

  for (const text of LANGUAGES) {
    it(`a requester raises a ticket, an agent works it, the requester confirms [${text.locale}]`, async () => {
      if (!app) throw new Error('setup did not finish');
      const { built, baseUrl } = app;
      const organization = await makeOrganization(built, `Clínica Andina ${text.lang}`);
      await built.services.organizations.createService(systemContext, organization.id, {
        name: 'Historia clínica',
        description: 'El sistema de historias clínicas',
      });
      const requester = await makeUser(built, ['requester'], organization.id, { name: `Rosa Quispe ${text.lang}` });
      const agent = await makeUser(built, ['agent'], null, { name: `Ana Agente ${text.lang}` });
      const subject = `The printer on floor 3 jams [${text.lang}]`;
      const replyText = `Please restart it and tell us [${text.lang}]`;
      const noteText = `Vendor contract expires soon [${text.lang}]`;

      const rosa = await openPage(app.browser, text.locale, { width: 390, height: 844 });
      const ana = await openPage(app.browser, text.locale);
      try {
        await withScreenshots(text.locale, { requester: rosa.page, agent: ana.page }, async () => {
          // The requester raises an incident from the portal, on a phone, with a screenshot.
          const portal = rosa.page;
          await portal.goto(`${baseUrl}/`);
          await signIn(portal, text, requester.email, TEST_PASSWORD);
          await portal.waitForURL(/\/portal$/);
          await portal.getByRole('radio', { name: new RegExp(text.incident) }).click();
          await portal.getByLabel(text.subject).fill(subject);
          await portal.getByLabel(text.description).fill('It jams on every page.\n\nSince this morning.');
          await portal.locator('input[type=file]').setInputFiles({
            name: 'jam.png',
            mimeType: 'image/png',
            buffer: PNG,
          });
          await eventually(() => portal.getByText('jam.png').isVisible()).toBe(true);
          await portal.getByRole('button', { name: text.send }).click();
          await portal.waitForURL(/\/portal\/tickets\/[^/?]+/);
          const created = portal.getByText(text.created);
          await eventually(() => created.isVisible()).toBe(true);
          const number = text.created.exec((await created.textContent()) ?? '')?.[1];
          expect(number).toMatch(/^INC-\d+$/);
          expect(await portal.getByRole('link', { name: 'jam.png' }).isVisible()).toBe(true);

          // The agent finds it in the Unassigned queue and opens it from the keyboard.
          const desk = ana.page;
          await desk.goto(`${baseUrl}/`);
          await signIn(desk, text, agent.email, TEST_PASSWORD);
          await desk.waitForURL(/\/workspace\/tickets/);
          await desk.getByRole('tab', { name: text.unassigned }).click();
          await eventually(() => desk.getByRole('link', { name: subject }).isVisible()).toBe(true);
          await desk.keyboard.press('/');
          await desk.keyboard.type(number ?? '');
          await desk.waitForURL(/[?&]q=/);
          await eventually(() => desk.getByRole('row').count()).toBe(2);
          await leaveFields(desk);
          await desk.keyboard.press('j');
          await desk.keyboard.press('Enter');
          await desk.waitForURL(/\/workspace\/tickets\/[^/?]+$/);
          await eventually(() => desk.getByRole('heading', { name: subject }).isVisible()).toBe(true);

          // `a` assigns it to the agent.
          await desk.keyboard.press('a');
          await eventually(() =>
            desk.getByRole('main').getByText(text.assigned, { exact: true }).first().isVisible(),
          ).toBe(true);

          // `r` replies in public, `n` writes a private note.
          await desk.keyboard.press('r');
          await eventually(() => focused(desk)).toBe('TEXTAREA');
          await desk.keyboard.type(replyText);
          await desk.getByRole('button', { name: text.sendReply }).click();
          await eventually(() => desk.getByText(replyText).isVisible()).toBe(true);
          await eventually(() => desk.getByRole('textbox', { name: text.reply }).inputValue()).toBe('');
          await leaveFields(desk);
          await desk.keyboard.press('n');
          await eventually(() => focused(desk)).toBe('TEXTAREA');
          await desk.keyboard.type(noteText);
          await desk.getByRole('button', { name: text.addNote }).click();
          await eventually(() => desk.locator('[data-kind="note"]').getByText(noteText).isVisible()).toBe(true);

          // The requester's open page shows the reply without a reload, and never the note.
          await eventually(() => portal.getByText(replyText).isVisible()).toBe(true);
          expect(await portal.getByText(noteText).count()).toBe(0);

          // The agent resolves it, saying how.
          await desk.getByRole('complementary').getByLabel(text.status, { exact: true }).click();
          await desk.getByRole('option', { name: text.resolved, exact: true }).click();
          const dialog = desk.getByRole('dialog');
          await dialog.getByLabel(text.resolutionCode).click();
          await desk.getByRole('option', { name: text.solved, exact: true }).click();
          await dialog.getByLabel(text.resolutionNotes).fill('Cleaned the rollers.');
          await dialog.getByRole('button', { name: text.moveToResolved }).click();
          await dialog.waitFor({ state: 'hidden' });

          // The requester confirms the resolution; the ticket closes.
          await portal.reload();
          await eventually(() => portal.getByText('Cleaned the rollers.', { exact: true }).isVisible()).toBe(true);
          expect(await portal.getByText(noteText).count()).toBe(0);
          await portal.getByRole('button', { name: text.confirm }).click();
          await portal.getByRole('dialog').getByRole('button', { name: text.confirm }).click();
          await eventually(() => portal.getByText(text.closed, { exact: true }).first().isVisible()).toBe(true);

          expect(rosa.pageErrors).toEqual([]);
          expect(ana.pageErrors).toEqual([]);
        });
      } finally {
        await rosa.context.close();
        await ana.context.close();
      }
    }, 180_000);
  }
});
