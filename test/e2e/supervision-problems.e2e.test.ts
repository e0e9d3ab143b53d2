import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPrincipal } from '../../server/modules/auth/auth.service.js';
import { systemContext } from '../../server/platform/request-context.js';
import { makeOrganization, makeUser } from '../support/test-app.js';
import { expectAccessible } from './axe.js';
import {
  type BrowserApp,
  openPage,
  RUN_BROWSER_TESTS,
  signInThroughApi,
  startBrowserApp,
  withScreenshots,
} from './browser.js';

/**
 * The supervisor's watch over problem reports, in a browser: the board's Problems view lists the
 * breached and at-risk problems with their counts, passes axe, and a commitment is promised from
 * a row's menu; the month's compliance shows the problems as a block of their own. The deadlines
 * are set on the rows as the problem SLA computation leaves them.
 */

const HOUR = 3_600_000;
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

describe.runIf(RUN_BROWSER_TESTS)('the Problems view of the supervisor board in the browser', () => {
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('lists breached and at-risk problems, passes axe, and promises a date from the row menu', async () => {
    const { services } = app.built;
    const db = app.database.db;
    const clinic = await makeOrganization(app.built, 'Clínica Sur');
    const port = await makeOrganization(app.built, 'Puerto Austral');
    const supervisor = await makeUser(app.built, ['supervisor']);
    const owner = await makeUser(app.built, ['specialist'], null, { name: 'Marta Ríos' });
    const group = await services.groups.create(systemContext, {
      name: 'Bases de datos',
      level: 'L2',
      specialty: 'Bases de datos',
      isDefault: false,
      memberIds: [owner.id],
    });
    const asSupervisor = { principal: toPrincipal(supervisor, 'session'), requestId: null, ip: null };
    const breached = await services.problems.create(asSupervisor, {
      subject: 'El ERP se cae al emitir facturas',
      description: '<p>Caídas repetidas del conector de facturación.</p>',
      impact: 'high',
      urgency: 'high',
      organizationIds: [clinic.id, port.id],
      groupId: group.id,
      ownerId: owner.id,
    });
    const atRisk = await services.problems.create(asSupervisor, {
      subject: 'Lentitud del correo por las tardes',
      description: '<p>La cola de salida crece después de las 15:00.</p>',
      organizationIds: [clinic.id],
    });
    const fixed = await services.problems.create(asSupervisor, {
      subject: 'Certificado del portal vencido',
      description: '<p>El portal rechazaba conexiones.</p>',
      organizationIds: [port.id],
    });
    const now = Date.now();
    // Resolved this month within its standard: the compliance block counts it.
    await db
      .updateTable('problems')
      .set({ status: 'resolved', resolved_at: new Date(now).toISOString(), resolution_met: 1, sla_state: 'met' })
      .where('id', '=', fixed.id)
      .execute();
    await db
      .updateTable('problems')
      .set({ sla_state: 'breached', resolution_due_at: new Date(now - 3 * HOUR).toISOString() })
      .where('id', '=', breached.id)
      .execute();
    await db
      .updateTable('problems')
      .set({ sla_state: 'warning', resolution_due_at: new Date(now + 5 * HOUR).toISOString() })
      .where('id', '=', atRisk.id)
      .execute();

    const { page, pageErrors, context } = await openPage(app.browser, 'es-ES', { width: 1366, height: 1000 });
    await withScreenshots('supervision-problems', { supervisor: page }, async () => {
      await signInThroughApi(page, app.baseUrl, supervisor.email);
      await page.goto(`${app.baseUrl}/supervision?board=problems&view=breached`);
      const row = page.getByRole('row', { name: /El ERP se cae al emitir facturas/ });
      await row.waitFor();
      expect(await row.textContent()).toContain('Clínica Sur, Puerto Austral');
      expect(await row.textContent()).toContain('Marta Ríos');
      await eventually(() => page.getByRole('tab', { name: /Incumplidos/ }).textContent()).toContain('1');
      await eventually(() => page.getByRole('tab', { name: /En riesgo/ }).textContent()).toContain('1');
      await page.getByRole('heading', { name: 'Problemas, aparte de los tickets' }).waitFor();
      await expectAccessible(page, 'supervision board, Problems view (es-ES)');
      const shot = join(tmpdir(), 'mesa-e2e-supervision-problems.png');
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`problems view: ${shot}`);

      // A date promised from the row's menu, with the board's dialog (no requester to tell).
      await row.getByRole('button', { name: `Acciones de ${breached.number}` }).click();
      await page.getByRole('menuitem', { name: 'Registrar un compromiso' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.getByLabel('Avisar al solicitante').count()).toBe(0);
      const tomorrow = new Date(now + 24 * HOUR);
      const pad = (n: number) => String(n).padStart(2, '0');
      await dialog
        .getByLabel('Fecha y hora prometidas')
        .fill(
          `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T${pad(tomorrow.getHours())}:00`,
        );
      await dialog.getByLabel('Nota').fill('El proveedor entrega el parche del conector mañana.');
      await expectAccessible(page, 'problem commitment dialog (es-ES)');
      await dialog.getByRole('button', { name: 'Registrar compromiso' }).click();
      await eventually(() => dialog.isVisible()).toBe(false);

      await page.getByRole('tab', { name: /Con compromiso/ }).click();
      const promised = page.getByRole('row', { name: /El ERP se cae al emitir facturas/ });
      await promised.waitFor();
      await eventually(() => page.getByRole('tab', { name: /Con compromiso/ }).textContent()).toContain('1');
      await expectAccessible(page, 'supervision board, problems with a commitment (es-ES)');
      const promisedShot = join(tmpdir(), 'mesa-e2e-supervision-problems-commitment.png');
      await page.screenshot({ path: promisedShot, fullPage: true });
      console.log(`problems with a commitment: ${promisedShot}`);

      // From the problem page: the same dialog, behind a button for supervisors.
      await page.goto(`${app.baseUrl}/workspace/problems/${atRisk.id}`);
      await page.getByRole('heading', { name: 'Lentitud del correo por las tardes' }).waitFor();
      await page.getByRole('button', { name: 'Registrar compromiso' }).click();
      const fromPage = page.getByRole('dialog');
      await fromPage.waitFor();
      await fromPage
        .getByLabel('Fecha y hora prometidas')
        .fill(
          `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T${pad(tomorrow.getHours())}:30`,
        );
      await fromPage.getByLabel('Nota').fill('Se amplía la cola de salida esta noche.');
      const pageShot = join(tmpdir(), 'mesa-e2e-problem-page-commitment.png');
      await page.screenshot({ path: pageShot, fullPage: true });
      console.log(`problem page commitment: ${pageShot}`);
      await fromPage.getByRole('button', { name: 'Registrar compromiso' }).click();
      await eventually(() => fromPage.isVisible()).toBe(false);
      expect(await services.commitments.listOfProblem(atRisk.id)).toMatchObject([{ state: 'open' }]);
      // The problem's history says it in a sentence.
      await eventually(() =>
        page.getByText('registró un compromiso con el cliente para el', { exact: false }).isVisible(),
      ).toBe(true);
      await expectAccessible(page, 'problem page with a commitment (es-ES)');
      const historyShot = join(tmpdir(), 'mesa-e2e-problem-page-commitment-made.png');
      await page.screenshot({ path: historyShot, fullPage: true });
      console.log(`problem page after the commitment: ${historyShot}`);

      const commitments = await services.commitments.listOfProblem(breached.id);
      expect(commitments).toMatchObject([{ state: 'open', problemId: breached.id, ticketId: null }]);
      expect(pageErrors).toEqual([]);
    });
    await context.close();
  }, 120_000);
});
