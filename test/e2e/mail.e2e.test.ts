import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../server/platform/request-context.js';
import { startTestSmtp, type TestSmtp } from '../support/mail-desk.js';
import { startMailSink } from '../support/mail-sink.js';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../support/test-app.js';
import { type BrowserApp, openPage, RUN_BROWSER_TESTS, signIn, startBrowserApp, withScreenshots } from './browser.js';

/**
 * Mail in the agent's day: a requester writes to the desk, the agent answers in the browser, the
 * answer arrives by mail (over real SMTP on loopback), the requester answers it from her mail
 * client, and the answer appears on the ticket the agent has open.
 */

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 250 });

describe.runIf(RUN_BROWSER_TESTS)('mail in the browser', () => {
  let app: BrowserApp;
  let sink: Awaited<ReturnType<typeof startMailSink>>;
  let client: TestSmtp;

  beforeAll(async () => {
    sink = await startMailSink();
    app = await startBrowserApp({
      mail: {
        listenPort: 0,
        listenHost: '127.0.0.1',
        relayUrl: `smtp://127.0.0.1:${sink.port}`,
        from: 'Mesa Soporte <soporte@mesa.test>',
        inboundToken: null,
        publicUrl: null,
      },
    });
    const { services } = app.built;
    client = await startTestSmtp(services);
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    await sink?.close();
    app?.built.services.mailOutbox.close();
    await app?.close();
  });

  it('sends the agent’s reply by mail and shows the requester’s emailed answer on the ticket', async () => {
    const { services } = app.built;
    const organization = await makeOrganization(app.built, 'Clínica Andina');
    await services.mailAdmin.createMailbox(systemContext, { address: 'soporte@mesa.test', name: 'Soporte' });
    await services.mailAdmin.addDomain(systemContext, { domain: 'clinica.test', organizationId: organization.id });
    const agent = await makeUser(app.built, ['agent']);

    const first = await client.send.sendMail({
      from: 'Ana Pérez <ana@clinica.test>',
      to: 'soporte@mesa.test',
      subject: 'No llegan los resultados del laboratorio',
      text: 'Desde las 8:00 no llegan los resultados al sistema.',
    });
    // Taken in as a ticket moments after the 250.
    const arrived = async () => (await services.mailAdmin.inbound({})).items[0]?.ticketId ?? null;
    await eventually(arrived).not.toBeNull();
    const ticketId = (await arrived()) as string;
    expect((await services.mailAdmin.inbound({})).items[0]?.messageId).toBe(first.messageId.replace(/[<>]/g, ''));

    const { page, pageErrors, context } = await openPage(app.browser, 'es-ES');
    await withScreenshots('mail', { agent: page }, async () => {
      await page.goto(`${app.baseUrl}/workspace/tickets/${ticketId}`);
      await signIn(
        page,
        { signInTitle: 'Iniciar sesión', email: 'Correo electrónico', password: 'Contraseña' },
        agent.email,
        TEST_PASSWORD,
      );
      await eventually(() =>
        page.getByRole('heading', { name: 'No llegan los resultados del laboratorio' }).isVisible(),
      ).toBe(true);
      // The channel is mail.
      await eventually(() => page.getByText(/^Correo ·/).isVisible()).toBe(true);

      const replyText = 'Reiniciamos la interfaz del laboratorio; ¿puedes confirmar si ya llegan?';
      await page.getByRole('textbox', { name: 'Respuesta' }).fill(replyText);
      await page.getByRole('button', { name: 'Enviar respuesta' }).click();
      await eventually(() => page.getByText(replyText).isVisible()).toBe(true);

      // The outbox worker's run: the acknowledgment and the agent's reply go out.
      await services.mailOutbox.sendDue();
      const reply = sink.received.find(
        (m) => m.subject === 'Re: [INC-000001] No llegan los resultados del laboratorio',
      );
      expect(reply?.text).toContain(replyText);

      // Ana answers from her mail client, quoting the reply.
      await client.send.sendMail({
        from: 'Ana Pérez <ana@clinica.test>',
        to: 'soporte@mesa.test',
        subject: `Re: ${reply?.subject}`,
        inReplyTo: reply?.messageId,
        references: [first.messageId, reply?.messageId as string],
        text: `Sí, ya llegan. ¡Gracias!\n\nEl lun, 30 nov 2026 a las 10:00, Mesa Soporte <soporte@mesa.test> escribió:\n> ${replyText}`,
      });
      // Live on the page the agent has open, without the quoted history.
      await eventually(() => page.getByText('Sí, ya llegan. ¡Gracias!').isVisible()).toBe(true);
      const shot = join(tmpdir(), 'mesa-e2e-mail-timeline.png');
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`ticket with the mailed answer: ${shot}`);
      expect(pageErrors).toEqual([]);
    });
    await context.close();
  }, 120_000);
});
