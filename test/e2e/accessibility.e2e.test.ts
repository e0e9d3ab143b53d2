import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPrincipal } from '../../server/modules/auth/auth.service.js';
import { fixedClock } from '../../server/platform/clock.js';
import { systemContext } from '../../server/platform/request-context.js';
import { makeOrganization, makeUser } from '../support/test-app.js';
import { expectAccessible } from './axe.js';
import {
  type BrowserApp,
  type OpenPage,
  openPage,
  RUN_BROWSER_TESTS,
  signInThroughApi,
  startBrowserApp,
  withScreenshots,
} from './browser.js';

/**
 * WCAG 2.2 AA on every main screen: axe-core finds no critical or serious violation on the sign-in
 * page, the requester's portal (phone and desktop), the agent's queues, ticket page, escalation
 * modal, phone console and procedures, the supervisor's board and notifications, and every
 * administration page — in Spanish, and the sign-in page, queue and portal form in English too.
 * And the keyboard: a skip link first, a 2 px ring wherever focus goes, and a modal that opens
 * with its list closed, closes with one Escape and gives focus back to the button that opened it.
 */

const MINUTE = 60_000;
const PHONE = { width: 390, height: 844 };
const SUBJECT = 'La impresora del piso 3 no imprime';
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 200 });

/** The administration pages: how the navigation names each, and where it leads. */
const ADMIN_PAGES = [
  ['Organizaciones', '/admin/organizations'],
  ['Usuarios', '/admin/users'],
  ['Categorías', '/admin/categories'],
  ['Grupos y enrutamiento', '/admin/groups'],
  ['Prioridades y cierre', '/admin/ticket-settings'],
  ['Calendarios hábiles', '/admin/calendars'],
  ['Acuerdos de servicio', '/admin/agreements'],
  ['Correo', '/admin/mail'],
  ['Tareas', '/admin/jobs'],
  ['Webhooks', '/admin/webhooks'],
  ['Registro de auditoría', '/admin/audit'],
  ['Eventos de seguridad', '/admin/security'],
] as const;

/** The page has its heading and nothing in it is still loading. */
async function settled(page: Page, heading: string | RegExp) {
  const main = page.getByRole('main');
  await eventually(() => main.getByRole('heading', { name: heading }).first().isVisible()).toBe(true);
  await eventually(() => main.locator('.mantine-Loader-root').count()).toBe(0);
}

/** The navigation link to a page, clicked as a person would. */
async function navigate(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

/** What has the keyboard, and the ring it shows (a multi-select's field shows it on its box). */
const activeElement = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const ringed = element?.closest('.mantine-Input-input') ?? element;
    const style = ringed ? getComputedStyle(ringed) : null;
    return {
      tag: element?.tagName ?? '',
      id: element?.id ?? '',
      text: element?.textContent?.trim() ?? '',
      outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
    };
  });

// Each test visits several screens and runs axe on each: more than the default 30 s on a busy machine.
describe.runIf(RUN_BROWSER_TESTS)('accessibility of every main screen', { timeout: 90_000 }, () => {
  // The ticket is raised an hour and a minute before the server's clock catches up with the
  // browser's, so its resolution target is missed and the SLA box and the bell have something to say.
  const clock = fixedClock(new Date(Date.now() - 61 * MINUTE));
  let app: BrowserApp;
  const opened: OpenPage[] = [];
  const people = {} as Record<'requester' | 'agent' | 'supervisor' | 'admin', { email: string; name: string }>;

  beforeAll(async () => {
    app = await startBrowserApp({ clock });
    const { built } = app;
    const { services } = built;
    const organization = await makeOrganization(built, 'Clínica Andina');
    const service = await services.organizations.createService(systemContext, organization.id, { name: 'Impresión' });
    const requester = await makeUser(built, ['requester'], organization.id, { name: 'Rosa Quispe' });
    const agent = await makeUser(built, ['agent'], null, { name: 'Ana Agente' });
    const supervisor = await makeUser(built, ['supervisor'], null, { name: 'Carmen Supervisora' });
    const admin = await makeUser(built, ['admin'], null, { name: 'Adela Admin' });
    Object.assign(people, { requester, agent, supervisor, admin });
    await services.groups.create(systemContext, {
      name: 'Mesa N1',
      level: 'L1',
      isDefault: true,
      assignment: 'manual',
      memberIds: [agent.id],
    });
    await services.groups.create(systemContext, {
      name: 'Redes N2',
      level: 'L2',
      specialty: 'Redes',
      assignment: 'manual',
      memberIds: [],
    });
    const calendar = await services.agreements.createCalendar(systemContext, {
      name: 'Todo el día',
      timeZone: 'America/Lima',
      weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
    });
    await services.agreements.createAgreement(systemContext, {
      organizationId: organization.id,
      name: 'Acuerdo Clínica Andina',
      calendarId: calendar.id,
      targets: [{ priority: 3, firstResponseMinutes: 30, resolutionMinutes: 60 }],
    });
    const asAgent = { principal: toPrincipal(agent, 'session'), requestId: null, ip: null };
    const ticket = await services.tickets.create(asAgent, {
      type: 'incident',
      subject: SUBJECT,
      description: '<p>Sale la hoja en blanco desde esta mañana.</p>',
      serviceId: service.id,
      requesterId: requester.id,
      channel: 'phone',
    });
    await services.tickets.apply(asAgent, ticket.id, { version: ticket.version, assigneeId: agent.id });
    await services.conversation.post(asAgent, ticket.id, 'reply', { bodyHtml: '<p>Lo estamos revisando.</p>' });
    // An hour later: the resolution target is missed and the supervisor is told.
    clock.set(new Date());
    await services.watchServiceLevels();
  }, 60_000);

  afterAll(async () => {
    for (const page of opened) await page.context.close();
    await app?.close();
  });

  const sessions = new Map<string, OpenPage>();
  /**
   * A browser in a language, signed in as one of the people and kept for the next test that needs
   * them (the sign-in form itself is checked once per language, below). Signs in through the API,
   * whose session cookie the page then carries.
   */
  async function signedIn(who: keyof typeof people, locale: 'es-ES' | 'en-US', path: string) {
    let open = sessions.get(`${who} ${locale}`);
    if (!open) {
      open = await openPage(app.browser, locale);
      opened.push(open);
      sessions.set(`${who} ${locale}`, open);
      await signInThroughApi(open.page, app.baseUrl, people[who].email);
    }
    await open.page.goto(`${app.baseUrl}${path}`);
    return open;
  }

  it('the sign-in page, in Spanish and English', async () => {
    for (const [locale, title] of [
      ['es-ES', 'Iniciar sesión'],
      ['en-US', 'Sign in'],
    ] as const) {
      const open = await openPage(app.browser, locale);
      opened.push(open);
      await withScreenshots(`a11y-login-${locale}`, { visitor: open.page }, async () => {
        await open.page.goto(`${app.baseUrl}/login`);
        await eventually(() => open.page.getByRole('heading', { name: title }).isVisible()).toBe(true);
        await expectAccessible(open.page, `sign-in (${locale})`);
      });
    }
  });

  it("the requester's portal, my tickets and ticket page, on a phone and a desktop", async () => {
    for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
      const size = `${viewport.width}px`;
      const { page, pageErrors } = await signedIn('requester', 'es-ES', '/portal');
      await page.setViewportSize(viewport);
      await withScreenshots(`a11y-portal-${size}`, { requester: page }, async () => {
        await settled(page, /^Hola, Rosa/);
        await expectAccessible(page, `portal home (${size})`);

        await page.getByRole('radio', { name: /Algo no funciona/ }).click();
        await eventually(() => page.getByLabel('Asunto').isVisible()).toBe(true);
        await expectAccessible(page, `new-ticket form (${size})`);

        await page.goto(`${app.baseUrl}/portal/tickets`);
        await eventually(() => page.getByRole('link', { name: SUBJECT }).isVisible()).toBe(true);
        await settled(page, 'Mis tickets');
        await expectAccessible(page, `my tickets (${size})`);

        await page.getByRole('link', { name: SUBJECT }).click();
        await settled(page, SUBJECT);
        await eventually(() => page.getByText('Lo estamos revisando.').isVisible()).toBe(true);
        await expectAccessible(page, `portal ticket page (${size})`);
        expect(pageErrors).toEqual([]);
      });
    }
  });

  it("the agent's queue, ticket page with its SLA box, escalation modal, phone console and procedures", async () => {
    const { page, pageErrors } = await signedIn('agent', 'es-ES', '/workspace/tickets');
    await withScreenshots('a11y-agent', { agent: page }, async () => {
      await eventually(() => page.getByRole('link', { name: SUBJECT }).isVisible()).toBe(true);
      await settled(page, 'Tickets');
      await expectAccessible(page, 'queue');

      await page.getByRole('link', { name: SUBJECT }).click();
      await settled(page, SUBJECT);
      const sla = page.getByRole('region', { name: 'Acuerdo de servicio' });
      await eventually(() => sla.getByText('Incumplido').first().isVisible()).toBe(true);
      await expectAccessible(page, 'ticket page with the SLA box');

      // The escalation modal opens with its group list closed, passes axe, and one Escape closes
      // it and gives focus back to the button that opened it.
      const escalate = page.getByRole('button', { name: 'Escalar', exact: true });
      await escalate.click();
      const dialog = page.getByRole('dialog', { name: /Escalar/ });
      await eventually(() => dialog.isVisible()).toBe(true);
      const groupList = dialog.getByRole('combobox', { name: 'Grupo destino' });
      await eventually(() => groupList.evaluate((input) => input === document.activeElement)).toBe(true);
      expect(await groupList.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('listbox').count()).toBe(0);
      await expectAccessible(page, 'escalation modal');
      await page.keyboard.press('Escape');
      await eventually(() => dialog.count()).toBe(0);
      await eventually(() => escalate.evaluate((button) => button === document.activeElement)).toBe(true);

      await navigate(page, 'Consola telefónica');
      await settled(page, 'Consola telefónica');
      await expectAccessible(page, 'phone console');
      // With the caller list open, the option the field points at exists.
      await page.getByRole('combobox', { name: 'Quién llama' }).fill('Rosa');
      await eventually(() => page.getByRole('option', { name: /Rosa Quispe/ }).isVisible()).toBe(true);
      await expectAccessible(page, 'phone console, caller list open');

      await navigate(page, 'Procedimientos');
      await settled(page, 'Procedimientos');
      await expectAccessible(page, 'procedures');
      expect(pageErrors).toEqual([]);
    });
  });

  it('the keyboard finds a skip link first and a 2 px ring on every stop after it', async () => {
    // A fresh load starts the keyboard at the top of the document.
    const { page } = await signedIn('agent', 'es-ES', '/workspace/tickets');
    await withScreenshots('a11y-keyboard', { agent: page }, async () => {
      await settled(page, 'Tickets');
      await page.keyboard.press('Tab');
      const first = await activeElement(page);
      expect(first).toMatchObject({ tag: 'A', text: 'Saltar al contenido', outline: 'solid 2px' });
      expect(await page.getByRole('link', { name: 'Saltar al contenido' }).isVisible()).toBe(true);

      // Tab onwards through the header, the navigation and into the page: every stop shows its ring.
      const stops: { tag: string; text: string; outline: string }[] = [];
      for (let step = 0; step < 14; step += 1) {
        await page.keyboard.press('Tab');
        stops.push(await activeElement(page));
      }
      expect(stops.filter((stop) => stop.outline !== 'solid 2px')).toEqual([]);

      // The skip link again, after a reload: Enter puts the keyboard in the page's main region.
      await page.reload();
      await settled(page, 'Tickets');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await eventually(async () => (await activeElement(page)).tag).toBe('MAIN');
    });
  });

  it("the supervisor's board and the notifications", async () => {
    const { page, pageErrors } = await signedIn('supervisor', 'es-ES', '/supervision?view=breached');
    await withScreenshots('a11y-supervisor', { supervisor: page }, async () => {
      await settled(page, 'Supervisión');
      await eventually(() => page.getByRole('link', { name: SUBJECT }).isVisible()).toBe(true);
      await expectAccessible(page, 'supervision board');

      await page.getByRole('button', { name: /notificaciones/i }).click();
      await eventually(() => page.getByText('Notificaciones', { exact: true }).isVisible()).toBe(true);
      await eventually(() =>
        page
          .getByRole('button', { name: new RegExp(SUBJECT) })
          .first()
          .isVisible(),
      ).toBe(true);
      await expectAccessible(page, 'notifications (bell open)');
      expect(pageErrors).toEqual([]);
    });
  });

  it('every administration page', { timeout: 120_000 }, async () => {
    const { page, pageErrors } = await signedIn('admin', 'es-ES', '/account');
    await withScreenshots('a11y-admin', { admin: page }, async () => {
      for (const [name, path] of ADMIN_PAGES) {
        await navigate(page, name);
        await page.waitForURL((url) => url.pathname === path);
        await settled(page, /./);
        await expectAccessible(page, `admin: ${name}`);
      }
      await navigate(page, 'Organizaciones');
      await page.getByRole('main').getByRole('link', { name: 'Clínica Andina' }).click();
      await settled(page, /^Clínica Andina/);
      await expectAccessible(page, 'admin: an organization');
      expect(pageErrors).toEqual([]);
    });
  });

  it('in English: the queue and the portal form', async () => {
    const agent = await signedIn('agent', 'en-US', '/workspace/tickets');
    await withScreenshots('a11y-english-agent', { agent: agent.page }, async () => {
      await eventually(() => agent.page.getByRole('link', { name: SUBJECT }).isVisible()).toBe(true);
      await settled(agent.page, 'Tickets');
      await expectAccessible(agent.page, 'queue (en)');
    });
    const requester = await signedIn('requester', 'en-US', '/portal');
    await withScreenshots('a11y-english-portal', { requester: requester.page }, async () => {
      await requester.page.getByRole('radio', { name: /Something doesn't work/ }).click();
      await eventually(() => requester.page.getByLabel('Subject').isVisible()).toBe(true);
      await expectAccessible(requester.page, 'new-ticket form (en)');
    });
  });
});
