import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, login, makeUser } from '../../../test/support/test-app.js';
import { PNG, raise, ticketWorld, upload } from '../../../test/support/tickets.js';
import { fixedClock } from '../../platform/clock.js';

describeOnEachDatabase('ticket visibility, search and attachments', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let other: Awaited<ReturnType<typeof ticketWorld>>;

  beforeAll(async () => {
    built = await buildTestApp(database());
    world = await ticketWorld(built);
    other = await ticketWorld(built);
  });

  it('never shows a private note to the requester, by any route', async () => {
    const ticket = await raise(world.requester);
    const url = `/api/v1/tickets/${ticket.id}`;
    await world.agent.request('POST', `${url}/replies`, { bodyHtml: '<p>Estamos revisando</p>' });
    const secret = await upload(
      world.agent,
      `${url}/attachments?internal=true`,
      'log-interno.txt',
      Buffer.from('clave interna'),
    );
    expect(secret.statusCode).toBe(201);
    const note = await world.agent.request('POST', `${url}/notes`, {
      bodyHtml: '<p>Proveedor zorrillo confirma falla</p>',
    });
    expect(note.statusCode).toBe(201);

    const timeline = JSON.stringify((await world.requester.request('GET', `${url}/timeline`)).json());
    expect(timeline).toContain('Estamos revisando');
    expect(timeline).not.toContain('zorrillo');
    expect(timeline).not.toContain('log-interno');
    const page = JSON.stringify((await world.requester.request('GET', url)).json());
    expect(page).not.toContain('log-interno');
    const search = (await world.requester.request('GET', '/api/v1/tickets?q=zorrillo')).json();
    expect(search.items).toHaveLength(0);
    expect((await world.requester.request('GET', `/api/v1/attachments/${secret.json().id}/content`)).statusCode).toBe(
      404,
    );
    expect((await world.requester.request('POST', `${url}/notes`, { bodyHtml: 'x' })).statusCode).toBe(403);

    // Staff see all of it.
    expect(
      (await world.agent.request('GET', '/api/v1/tickets?q=zorrillo')).json().items.map((t: { id: string }) => t.id),
    ).toEqual([ticket.id]);
    expect(JSON.stringify((await world.agent.request('GET', `${url}/timeline`)).json())).toContain('zorrillo');
  });

  it("gives a requester 404 for another organization's ticket, timeline, attachments and search hits", async () => {
    const ticket = await raise(other.requester, { subject: 'Fallo del lector biométrico' });
    const file = await upload(other.requester, `/api/v1/tickets/${ticket.id}/attachments`, 'foto.png', PNG);
    const url = `/api/v1/tickets/${ticket.id}`;
    for (const path of [url, `${url}/timeline`, `/api/v1/attachments/${file.json().id}/content`]) {
      expect((await world.requester.request('GET', path)).statusCode, path).toBe(404);
    }
    expect((await world.requester.request('PATCH', url, { version: 1, status: 'cancelled' })).statusCode).toBe(404);
    expect((await world.requester.request('POST', `${url}/replies`, { bodyHtml: 'hola' })).statusCode).toBe(404);
    expect((await world.requester.request('GET', '/api/v1/tickets?q=biometrico')).json().items).toHaveLength(0);
    expect(
      (await world.requester.request('GET', `/api/v1/tickets?organizationId=${other.organization.id}`)).json().items,
    ).toHaveLength(0);
  });

  it("shows a requester their colleagues' tickets only when the organization allows it", async () => {
    const colleague = await login(built, (await makeUser(built, ['requester'], world.organization.id)).email);
    const theirs = await raise(colleague, { subject: 'Impresora del tercer piso' });
    expect((await world.requester.request('GET', `/api/v1/tickets/${theirs.id}`)).statusCode).toBe(404);
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const organization = (await admin.request('GET', `/api/v1/organizations/${world.organization.id}`)).json();
    await admin.request('PATCH', `/api/v1/organizations/${organization.id}`, {
      version: organization.version,
      requestersSeeAllTickets: true,
    });
    expect((await world.requester.request('GET', `/api/v1/tickets/${theirs.id}`)).statusCode).toBe(200);
    await admin.request('PATCH', `/api/v1/organizations/${organization.id}`, {
      version: organization.version + 1,
      requestersSeeAllTickets: false,
    });
  });

  it('finds words without their accents, in subject, description and replies, and by number', async () => {
    const ticket = await raise(world.requester, {
      subject: 'Error de configuración en facturación',
      description: '<p>El módulo de conciliación falla</p>',
    });
    await world.agent.request('POST', `/api/v1/tickets/${ticket.id}/replies`, {
      bodyHtml: '<p>Revisamos la migración</p>',
    });
    const find = async (q: string) =>
      (await world.agent.request('GET', `/api/v1/tickets?queue=all&q=${encodeURIComponent(q)}`))
        .json()
        .items.map((t: { id: string }) => t.id);
    expect(await find('configuracion')).toContain(ticket.id);
    expect(await find('FACTURACIÓN conciliacion')).toContain(ticket.id);
    expect(await find('migracion')).toContain(ticket.id);
    expect(await find('concil')).toContain(ticket.id);
    expect(await find('configuracion inexistentepalabra')).not.toContain(ticket.id);
    expect(await find(ticket.number.toLowerCase())).toEqual([ticket.id]);
    // Operators and quotes are words here, never query syntax.
    expect(
      (await world.agent.request('GET', `/api/v1/tickets?q=${encodeURIComponent('"a" OR * NEAR(')}`)).statusCode,
    ).toBe(200);
  });

  it('accepts real images and documents, and refuses disguised or oversized files', async () => {
    const ticket = await raise(world.requester);
    const url = `/api/v1/tickets/${ticket.id}/attachments`;
    const png = await upload(world.requester, url, 'pantallazo.png', PNG);
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ contentType: 'image/png', size: PNG.length, internal: false });

    const download = await world.requester.request('GET', `/api/v1/attachments/${png.json().id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    // An image is shown in place (a message's body), safely: nosniff and a sandbox.
    expect(download.headers['content-disposition']).toBe("inline; filename*=UTF-8''pantallazo.png");
    expect(download.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(PNG)).toBe(true);

    // HTML is kept as text to be read, never as what its name claims.
    const html = await upload(world.requester, url, 'foto.png', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.json()).toMatchObject({ contentType: 'text/plain', fileName: 'foto.txt' });
    const exe = await upload(
      world.requester,
      url,
      'setup.pdf',
      Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({ code: 'unsupported_media_type', reason: 'executable' });
    const named = await upload(world.requester, url, 'informe.exe', Buffer.from('%PDF-1.4\n%test'));
    expect(named.statusCode).toBe(415);
    const renamed = await upload(world.requester, url, 'informe.exe.pdf', Buffer.from('%PDF-1.4\n%test'));
    expect(renamed.json()).toMatchObject({ contentType: 'application/pdf', fileName: 'informe_exe.pdf' });
    const huge = await upload(world.requester, url, 'grande.txt', Buffer.alloc(25 * 1024 * 1024 + 10, 0x61));
    expect(huge.statusCode).toBe(413);
    const attachments = (await world.requester.request('GET', `/api/v1/tickets/${ticket.id}`)).json().attachments;
    expect(attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      'pantallazo.png',
      'foto.txt',
      'informe_exe.pdf',
    ]);
  });

  it('binds uploads to a reply, only for the one who uploaded them', async () => {
    const ticket = await raise(world.requester);
    const mine = (await upload(world.requester, '/api/v1/attachments', 'evidencia.png', PNG)).json();
    const stolen = await world.agent.request('POST', `/api/v1/tickets/${ticket.id}/replies`, {
      bodyHtml: 'x',
      attachmentIds: [mine.id],
    });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().errors[0].field).toBe('attachmentIds');
    const reply = await world.requester.request('POST', `/api/v1/tickets/${ticket.id}/replies`, {
      bodyHtml: '<p>Adjunto evidencia</p>',
      attachmentIds: [mine.id],
    });
    expect(reply.json().attachments.map((a: { id: string }) => a.id)).toEqual([mine.id]);
    // The failed reply left nothing behind.
    const timeline = (await world.agent.request('GET', `/api/v1/tickets/${ticket.id}/timeline`)).json();
    expect(timeline.items.filter((e: { kind: string }) => e.kind === 'reply')).toHaveLength(1);
  });

  it('closes resolved tickets after the confirmation window, and not before', async () => {
    const clock = fixedClock(new Date('2026-11-02T09:00:00Z'));
    const timed = await buildTestApp(database(), { clock });
    let agent = await login(timed, world.agentUser.email);
    let requester = await login(timed, world.requesterUser.email);
    const ticket = await raise(requester);
    await agent.request('PATCH', `/api/v1/tickets/${ticket.id}`, {
      version: 1,
      status: 'resolved',
      resolutionCode: 'workaround',
      resolutionNotes: 'Reinicio',
    });
    clock.advance(6 * 86_400_000);
    // Sessions last hours; these days later everyone signs in again.
    agent = await login(timed, world.agentUser.email);
    requester = await login(timed, world.requesterUser.email);
    await timed.services.tickets.closeExpiredResolutions();
    expect((await agent.request('GET', `/api/v1/tickets/${ticket.id}`)).json().status).toBe('resolved');
    clock.advance(2 * 86_400_000);
    agent = await login(timed, world.agentUser.email);
    requester = await login(timed, world.requesterUser.email);
    const reopenLate = await requester.request('PATCH', `/api/v1/tickets/${ticket.id}`, {
      version: 2,
      status: 'in_progress',
    });
    expect(reopenLate.statusCode).toBe(400);
    await timed.services.tickets.closeExpiredResolutions();
    const closed = (await agent.request('GET', `/api/v1/tickets/${ticket.id}`)).json();
    expect(closed).toMatchObject({ status: 'closed' });
    const events = (await agent.request('GET', `/api/v1/tickets/${ticket.id}/timeline`)).json().items;
    expect(events.at(-1)).toMatchObject({ kind: 'status_changed', actor: null });
    await timed.app.close();
  });
});
