import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { jobDriver } from '../../../test/support/jobs.js';
import { startTestSmtp, type TestSmtp } from '../../../test/support/mail-desk.js';
import { startMailSink } from '../../../test/support/mail-sink.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { systemContext } from '../../platform/request-context.js';

const TOKEN = 'inbound-token-for-tests-0123456789';
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 50 });

describeOnEachDatabase('mail over real SMTP on loopback', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let sink: Awaited<ReturnType<typeof startMailSink>>;
  let send: TestSmtp;
  let agent: Client;
  let organization: { id: string; name: string };

  const inbound = () => database().db.selectFrom('inbound_mail').selectAll().orderBy('id').execute();
  const ticketsOf = () => database().db.selectFrom('tickets').selectAll().orderBy('sequence').execute();
  // The outbox is sent by the mail_work job, through the job runner, as the server does.
  let mailWork: ReturnType<typeof jobDriver>;
  const deliver = async () => {
    await mailWork();
    return sink.received;
  };

  beforeAll(async () => {
    sink = await startMailSink();
    built = await buildTestApp(database(), {
      mail: {
        listenPort: 0,
        listenHost: '127.0.0.1',
        relayUrl: `smtp://127.0.0.1:${sink.port}`,
        from: 'Mesa Soporte <soporte@mesa.test>',
        inboundToken: TOKEN,
        publicUrl: 'https://mesa.test',
      },
    });
    mailWork = jobDriver(built, 'mail_work');
    organization = await makeOrganization(built, 'Clínica Andina');
    await built.services.mailAdmin.createMailbox(systemContext, {
      address: 'soporte@mesa.test',
      name: 'Soporte',
      organizationId: null,
    });
    await built.services.mailAdmin.addDomain(systemContext, {
      domain: 'clinica.test',
      organizationId: organization.id,
    });
    agent = await login(built, (await makeUser(built, ['agent'])).email);
    send = await startTestSmtp(built.services);
  });

  afterAll(async () => {
    await send?.close();
    await sink?.close();
    built?.services.mailOutbox.close();
  });

  it('turns a mail into a ticket, acknowledges it, threads the answer back and tells of the resolution', async () => {
    const first = await send.send.sendMail({
      from: 'Ana Pérez <ana@clinica.test>',
      to: 'soporte@mesa.test',
      subject: 'La impresora de admisión no imprime',
      text: 'Desde las 8:00 la impresora de admisión no responde.\n\nAna',
      html: '<p>Desde las 8:00 la impresora de admisión <b>no responde</b>.</p><script>alert(1)</script>',
      attachments: [{ filename: 'error.txt', content: 'Error 0x45 en la cola de impresión' }],
    });
    await eventually(async () => (await inbound()).map((m) => m.status)).toEqual(['processed']);
    const [ticket] = await ticketsOf();
    expect(ticket).toMatchObject({
      channel: 'email',
      subject: 'La impresora de admisión no imprime',
      number: 'INC-000001',
    });
    expect(ticket?.description_html).toContain('<b>no responde</b>');
    expect(ticket?.description_html).not.toContain('script');
    const requester = await database()
      .db.selectFrom('users')
      .selectAll()
      .where('email', '=', 'ana@clinica.test')
      .executeTakeFirstOrThrow();
    expect(requester).toMatchObject({ name: 'Ana Pérez', organization_id: organization.id });
    const attachments = (await agent.request('GET', `/api/v1/tickets/${ticket?.id}`)).json().attachments;
    expect(attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['error.txt']);

    // The acknowledgment: the number in the subject, marked automatic, threaded to Ana's message.
    const [ack] = await deliver();
    expect(ack?.subject).toBe('[INC-000001] Recibimos tu solicitud: La impresora de admisión no imprime');
    expect(ack?.to && 'text' in ack.to ? ack.to.text : '').toContain('ana@clinica.test');
    expect(ack?.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack?.inReplyTo).toBe(first.messageId);

    // Ana answers the acknowledgment from her mail client: a reply on the same ticket.
    await send.send.sendMail({
      from: 'Ana Pérez <ana@clinica.test>',
      to: 'soporte@mesa.test',
      subject: `Re: ${ack?.subject}`,
      inReplyTo: ack?.messageId,
      references: [first.messageId, ack?.messageId as string],
      text: 'Olvidé decir que es la HP del mesón 2.\n\nEl lun, 30 nov 2026 a las 10:00, Mesa Soporte <soporte@mesa.test> escribió:\n> Registramos tu caso',
    });
    await eventually(async () => (await inbound()).map((m) => [m.status, m.outcome])).toEqual([
      ['processed', 'ticket'],
      ['processed', 'reply'],
    ]);
    expect(await ticketsOf()).toHaveLength(1);
    const timeline = (await agent.request('GET', `/api/v1/tickets/${ticket?.id}/timeline`)).json().items;
    const answer = timeline.find((e: { kind: string; actor: { name: string } | null }) => e.kind === 'reply');
    expect(answer.actor.name).toBe('Ana Pérez');
    expect(answer.message.bodyHtml).toBe('<p>Olvidé decir que es la HP del mesón 2.</p>');

    // The agent's reply goes out by mail; so does the resolution.
    await agent.request('POST', `/api/v1/tickets/${ticket?.id}/replies`, { bodyHtml: '<p>Reiniciamos la cola.</p>' });
    const current = (await agent.request('GET', `/api/v1/tickets/${ticket?.id}`)).json();
    await agent.request('PATCH', `/api/v1/tickets/${ticket?.id}`, {
      version: current.version,
      status: 'resolved',
      resolutionCode: 'solved',
      resolutionNotes: 'Se reinició la cola de impresión.',
    });
    const mails = await deliver();
    expect(mails.map((m) => m.subject)).toEqual([
      '[INC-000001] Recibimos tu solicitud: La impresora de admisión no imprime',
      'Re: [INC-000001] La impresora de admisión no imprime',
      '[INC-000001] Resuelto: La impresora de admisión no imprime',
    ]);
    expect(mails[1]?.html).toContain('Reiniciamos la cola.');
    expect(mails[2]?.text).toContain('Se reinició la cola de impresión.');
    expect(mails[2]?.headers.get('auto-submitted')).toBe('auto-generated');
    // The requester's own reply by mail is not echoed back to her.
    expect(mails).toHaveLength(3);
  });

  it('stores the same message once however often it is handed over', async () => {
    const raw = [
      'From: Ana Pérez <ana@clinica.test>',
      'To: soporte@mesa.test',
      'Subject: Otra consulta',
      'Message-ID: <dup-1@clinica.test>',
      '',
      'Hola',
    ].join('\r\n');
    const before = (await ticketsOf()).length;
    for (let i = 0; i < 3; i++)
      await send.send.sendMail({ envelope: { from: 'ana@clinica.test', to: ['soporte@mesa.test'] }, raw });
    const viaHttp = await built.app.inject({
      method: 'POST',
      url: '/api/v1/mail/inbound/raw',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822' },
      payload: raw,
    });
    expect(viaHttp.statusCode).toBe(202);
    expect(viaHttp.json().duplicate).toBe(true);
    await eventually(async () => (await ticketsOf()).length).toBe(before + 1);
    expect((await inbound()).filter((m) => m.message_id === 'dup-1@clinica.test')).toHaveLength(1);
  });

  it('refuses mail for addresses that are not the desk’s, and HTTP without the token', async () => {
    await expect(
      send.send.sendMail({ from: 'ana@clinica.test', to: 'otro@mesa.test', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    const wrong = await built.app.inject({
      method: 'POST',
      url: '/api/v1/mail/inbound/raw',
      headers: { authorization: 'Bearer nope', 'content-type': 'message/rfc822' },
      payload: 'From: a@b.c\r\n\r\nx',
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('keeps what it cannot take: out-of-office replies, unknown senders, and another organization’s ticket', async () => {
    const before = (await ticketsOf()).length;
    await send.send.sendMail({
      from: 'ana@clinica.test',
      to: 'soporte@mesa.test',
      subject: 'Fuera de la oficina',
      text: 'Vuelvo el lunes',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await send.send.sendMail({
      from: 'Bob <bob@desconocido.test>',
      to: 'soporte@mesa.test',
      subject: 'Ayuda',
      text: 'Hola',
    });
    await eventually(
      async () => (await inbound()).filter((m) => m.status === 'ignored' || m.status === 'failed').length,
    ).toBe(2);
    const kept = await inbound();
    expect(kept.find((m) => m.subject === 'Fuera de la oficina')).toMatchObject({
      status: 'ignored',
      reason: 'automatic message (Auto-Submitted: auto-replied)',
    });
    const bob = kept.find((m) => m.from_address === 'bob@desconocido.test');
    expect(bob).toMatchObject({ status: 'failed' });
    expect(bob?.reason).toContain('map the domain desconocido.test');
    expect(await ticketsOf()).toHaveLength(before);

    // The admin maps the domain and takes it again: now it is a ticket.
    const other = await makeOrganization(built, 'Desconocidos SA');
    await built.services.mailAdmin.addDomain(systemContext, { domain: 'desconocido.test', organizationId: other.id });
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const again = await admin.request('POST', `/api/v1/mail/inbound/${bob?.id}/reprocess`);
    expect(again.json()).toMatchObject({ status: 'processed', outcome: 'ticket' });
    expect((await admin.request('GET', '/api/v1/mail/inbound?status=ignored')).json().items).toHaveLength(1);

    // Bob writes quoting Clínica Andina's ticket number: he gets a ticket of his own, not a reply on theirs.
    await send.send.sendMail({
      from: 'bob@desconocido.test',
      to: 'soporte@mesa.test',
      subject: 'Re: [INC-000001] Impresora',
      text: 'Yo también',
    });
    await eventually(
      async () =>
        (await inbound()).filter((m) => m.from_address === 'bob@desconocido.test' && m.status === 'processed').length,
    ).toBe(2);
    const bobs = (await inbound()).filter((m) => m.from_address === 'bob@desconocido.test');
    expect(bobs.map((m) => m.outcome)).toEqual(['ticket', 'ticket']);
    const [first] = await ticketsOf();
    expect(bobs.every((m) => m.ticket_id !== first?.id)).toBe(true);
  });
  it('mails the SLA alerts the job raises to the staff they name', async () => {
    const lead = await makeUser(built, ['agent']);
    const [ticket] = await ticketsOf();
    if (!ticket) throw new Error('no ticket');
    const before = (await deliver()).length;
    await database()
      .db.transaction()
      .execute((trx) =>
        built.services.notifications.notify(trx, [lead.id], {
          ticket_id: ticket.id,
          kind: 'sla_breach',
          target: 'resolution',
          percent: 100,
        }),
      );
    const mails = (await deliver()).slice(before);
    expect(mails.map((m) => [m.subject, m.headers.get('auto-submitted')])).toEqual([
      ['[INC-000001] Se incumplió el plazo de la resolución', 'auto-generated'],
    ]);
    expect(mails[0]?.text).toContain(`https://mesa.test/workspace/tickets/${ticket.id}`);
  });
  it('writes mail with the templates the admin edited, and checks what they may say', async () => {
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const url = '/api/v1/mail/templates/es/ticket_received';
    const unknown = await admin.request('PUT', url, { subject: '[{{number}}] {{priority}}', body: ['Hola'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({
      field: 'subject',
      message: expect.stringContaining('{{priority}}'),
    });
    const noNumber = await admin.request('PUT', url, { subject: 'Recibido', body: ['Hola'] });
    expect(noNumber.json().errors).toEqual([
      { field: 'subject', message: 'must keep [{{number}}], which threads replies back to the ticket' },
    ]);
    const saved = await admin.request('PUT', url, {
      subject: '[{{ number }}] Clínica: recibimos «{{subject}}»',
      body: ['Estimada/o {{requester}}, su caso es el {{number}}.'],
    });
    expect(saved.json()).toMatchObject({ customized: true });
    await deliver();
    const before = sink.received.length;
    await send.send.sendMail({
      from: 'Ana Pérez <ana@clinica.test>',
      to: 'soporte@mesa.test',
      subject: 'Plantilla',
      text: 'x',
    });
    await eventually(
      async () => (await inbound()).filter((m) => m.subject === 'Plantilla' && m.status === 'processed').length,
    ).toBe(1);
    const [ack] = (await deliver()).slice(before);
    expect(ack?.subject).toMatch(/^\[INC-\d{6}\] Clínica: recibimos «Plantilla»$/);
    expect(ack?.text).toContain('Estimada/o Ana Pérez, su caso es el INC-');
    const reset = await admin.request('DELETE', url);
    expect(reset.json()).toMatchObject({
      customized: false,
      subject: '[{{number}}] Recibimos tu solicitud: {{subject}}',
    });
    expect((await agent.request('GET', '/api/v1/mail/templates')).statusCode).toBe(403);
  });
  it('places what a mailbox receives in its group and service, and a stranger’s mail still lands', async () => {
    const group = await built.services.groups.create(systemContext, { name: 'Laboratorio N1', level: 'L1' });
    const service = await built.services.organizations.createService(systemContext, organization.id, { name: 'LIS' });
    await built.services.mailAdmin.createMailbox(systemContext, {
      address: 'laboratorio@mesa.test',
      name: 'Laboratorio',
      organizationId: organization.id,
      serviceId: service.id,
      groupId: group.id,
    });
    await send.send.sendMail({
      from: 'ana@clinica.test',
      to: 'laboratorio@mesa.test',
      subject: 'Resultados',
      text: 'x',
    });
    // A sender of another organization writing to the same mailbox: its group, not its service.
    await send.send.sendMail({
      from: 'bob@desconocido.test',
      to: 'laboratorio@mesa.test',
      subject: 'Consulta',
      text: 'y',
    });
    await eventually(
      async () =>
        (await inbound()).filter(
          (m) => ['Resultados', 'Consulta'].includes(m.subject ?? '') && m.status === 'processed',
        ).length,
    ).toBe(2);
    const placed = (await ticketsOf()).filter((t) => ['Resultados', 'Consulta'].includes(t.subject));
    expect(placed.map((t) => [t.subject, t.group_id, t.service_id])).toEqual([
      ['Resultados', group.id, service.id],
      ['Consulta', group.id, null],
    ]);
  });
  it('tells the admin how mail is set up, and what waits or failed', async () => {
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const status = (await admin.request('GET', '/api/v1/mail/status')).json();
    expect(status).toMatchObject({
      smtpListener: { host: '127.0.0.1', port: 0 },
      httpIntake: true,
      imap: null,
      relay: { server: `127.0.0.1:${sink.port}`, secure: false },
      from: 'Mesa Soporte <soporte@mesa.test>',
      inbox: { waiting: 0, failed: 0 },
    });
    expect(JSON.stringify(status)).not.toContain(TOKEN);
    expect((await agent.request('GET', '/api/v1/mail/status')).statusCode).toBe(403);
  });
});
