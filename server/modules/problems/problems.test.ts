import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { PNG, raise, ticketWorld, upload } from '../../../test/support/tickets.js';
import { systemContext } from '../../platform/request-context.js';
import { unboundAttachmentsOlderThan } from '../tickets/conversation.repository.js';

const API = '/api/v1';

describeOnEachDatabase('problems', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let specialist: Client;
  let otherRequester: Client;
  let otherOrganizationId: string;

  beforeAll(async () => {
    built = await buildTestApp(database());
    world = await ticketWorld(built);
    specialist = await login(built, (await makeUser(built, ['specialist'])).email);
    const other = await makeOrganization(built);
    otherOrganizationId = other.id;
    otherRequester = await login(built, (await makeUser(built, ['requester'], other.id)).email);
  });

  const create = async (body: Record<string, unknown> = {}) => {
    const response = await specialist.request('POST', `${API}/problems`, {
      subject: 'El ERP se cae al facturar',
      description: '<p>Varias caídas al emitir facturas.</p><script>alert(1)</script>',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const patch = (id: string, body: Record<string, unknown>) =>
    specialist.request('PATCH', `${API}/problems/${id}`, body);

  it('records a problem numbered from the counters, its priority from the matrix, with timeline and audit', async () => {
    const problem = await create({
      impact: 'high',
      urgency: 'high',
      organizationIds: [world.organization.id, otherOrganizationId],
      serviceIds: [world.service.id],
      fixReferences: [{ kind: 'vendor_case', reference: 'SAP-4411', url: 'https://vendor.example/cases/4411' }],
    });
    expect(problem.number).toMatch(/^PRB-\d{6}$/);
    expect(problem).toMatchObject({
      status: 'new',
      priority: 1,
      descriptionHtml: '<p>Varias caídas al emitir facturas.</p>',
      services: [{ id: world.service.id, name: 'ERP' }],
      incidentCount: 0,
      allowedStatuses: ['investigating', 'known_error', 'cancelled'],
      version: 1,
    });
    expect(problem.organizations.map((o: { id: string }) => o.id).sort()).toEqual(
      [world.organization.id, otherOrganizationId].sort(),
    );
    const next = await create();
    expect(Number(next.number.slice(4))).toBe(Number(problem.number.slice(4)) + 1);

    const timeline = (await specialist.request('GET', `${API}/problems/${problem.id}/timeline`)).json();
    expect(timeline.items.map((e: { kind: string }) => e.kind)).toEqual(['created']);
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const audit = (await admin.request('GET', `${API}/audit-events?entityType=problem&entityId=${problem.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('problem.created');
  });

  it('moves through the lifecycle only as the table allows, and refuses a stale version', async () => {
    const problem = await create();
    const skip = await patch(problem.id, { version: 1, status: 'resolved' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().errors).toEqual([
      {
        field: 'status',
        message: 'a new problem cannot become resolved',
        reason: 'transition_forbidden',
        params: { from: 'new', to: 'resolved' },
      },
    ]);

    const investigating = (await patch(problem.id, { version: 1, status: 'investigating' })).json();
    expect(investigating).toMatchObject({ status: 'investigating', version: 2 });
    const bare = await patch(problem.id, { version: 2, status: 'known_error' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors.map((e: { field: string }) => e.field)).toEqual(['workaroundDesk']);

    const known = await patch(problem.id, {
      version: 2,
      status: 'known_error',
      symptom: '<p>Error 500 al facturar</p>',
      workaroundDesk: '<p>Reiniciar el conector de colas desde la consola</p>',
    });
    expect(known.json()).toMatchObject({ status: 'known_error', version: 3, knownErrorAt: expect.any(String) });

    const stale = await patch(problem.id, { version: 2, subject: 'Otro asunto' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');

    const badUrl = await patch(problem.id, {
      version: 3,
      fixReferences: [{ kind: 'change', reference: 'CHG-1', url: 'javascript:alert(1)' }],
    });
    expect(badUrl.json().errors).toEqual([
      { field: 'fixReferences[0].url', message: 'must be an http(s) address', reason: 'fix_url' },
    ]);

    const unresolved = await patch(problem.id, { version: 3, status: 'resolved' });
    expect(unresolved.json().errors.map((e: { field: string }) => e.field)).toEqual(['cause', 'permanentFix']);
    const resolved = await patch(problem.id, {
      version: 3,
      status: 'resolved',
      cause: '<p>Fuga de memoria en el conector</p>',
      permanentFix: '<p>Conector 4.2 instalado</p>',
    });
    expect(resolved.json()).toMatchObject({ status: 'resolved', allowedStatuses: ['closed', 'investigating'] });
    const kinds = (await specialist.request('GET', `${API}/problems/${problem.id}/timeline`))
      .json()
      .items.map((e: { kind: string; changes: { field: string; to: unknown }[] }) =>
        e.kind === 'status_changed' ? `status:${e.changes.find((c) => c.field === 'status')?.to}` : e.kind,
      );
    expect(kinds).toEqual(['created', 'status:investigating', 'status:known_error', 'status:resolved']);
  });

  it('lets agents read, link and write notes, but only specialists record problems', async () => {
    const refused = await world.agent.request('POST', `${API}/problems`, { subject: 'x', description: '<p>x</p>' });
    expect(refused.statusCode).toBe(403);
    const problem = await create();
    expect((await world.agent.request('GET', `${API}/problems/${problem.id}`)).statusCode).toBe(200);
    const note = await world.agent.request('POST', `${API}/problems/${problem.id}/notes`, {
      bodyHtml: '<p>Lo vimos otra vez en el cierre</p>',
    });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ kind: 'note', bodyHtml: '<p>Lo vimos otra vez en el cierre</p>' });
    const stillVersion1 = (await world.agent.request('GET', `${API}/problems/${problem.id}`)).json();
    expect(stillVersion1.version).toBe(1);
  });

  it('links incidents all or none, one problem per incident, through the tickets timeline', async () => {
    const problem = await create();
    const first = await raise(world.requester);
    const second = await raise(otherRequester, { subject: 'Facturación caída' });
    const request = await raise(world.requester, { type: 'request', subject: 'Quiero una cuenta' });
    const url = `${API}/problems/${problem.id}/incidents`;

    const mixed = await world.agent.request('POST', url, { ticketIds: [first.id, second.id, request.id, 'nope'] });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors.map((e: { field: string }) => e.field)).toEqual(['ticketIds[2]', 'ticketIds[3]']);
    // Each refusal has a stable reason and names what it concerns, for the web to say in its own words.
    expect(mixed.json().errors.map((e: { reason: string; params: unknown }) => [e.reason, e.params])).toEqual([
      ['not_an_incident', { number: request.number, type: 'request' }],
      ['no_such_ticket', { number: 'nope' }],
    ]);
    expect((await world.agent.request('GET', url)).json().items).toEqual([]);

    const linked = (await world.agent.request('POST', url, { ticketIds: [first.id, second.id] })).json();
    expect(linked.items.map((i: { number: string }) => i.number).sort()).toEqual([first.number, second.number].sort());
    expect(linked.organizations.map((o: { count: number }) => o.count)).toEqual([1, 1]);
    expect(linked.trend).toEqual([{ start: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), count: 2 }]);
    // Linking again is harmless; linking to another problem is refused.
    expect((await world.agent.request('POST', url, { ticketIds: [first.id] })).statusCode).toBe(200);
    const elsewhere = await create();
    const taken = await world.agent.request('POST', `${API}/problems/${elsewhere.id}/incidents`, {
      ticketIds: [first.id],
    });
    expect(taken.json().errors).toEqual([
      {
        field: 'ticketIds[0]',
        message: `${first.number}: is already behind ${problem.number}`,
        reason: 'behind_another_problem',
        params: { number: first.number, problem: problem.number },
      },
    ]);

    const ticket = (await world.agent.request('GET', `${API}/tickets/${first.id}`)).json();
    expect(ticket.problems).toEqual([
      { id: problem.id, number: problem.number, subject: problem.subject, status: 'new' },
    ]);
    const events = (await world.agent.request('GET', `${API}/tickets/${first.id}/timeline`)).json().items;
    expect(events.at(-1)).toMatchObject({
      kind: 'problem_linked',
      internal: true,
      changes: [{ field: 'problem', from: null, to: problem.number }],
    });
    expect((await world.agent.request('GET', `${API}/problems/${problem.id}`)).json().incidentCount).toBe(2);
    const byOrganization = (
      await world.agent.request('GET', `${API}/problems?organizationId=${otherOrganizationId}`)
    ).json();
    expect(byOrganization.items.map((p: { id: string }) => p.id)).toContain(problem.id);

    const unlinked = (await world.agent.request('DELETE', `${url}/${first.id}`)).json();
    expect(unlinked.items.map((i: { number: string }) => i.number)).toEqual([second.number]);
    expect((await world.agent.request('DELETE', `${url}/${first.id}`)).statusCode).toBe(404);
    const after = (await world.agent.request('GET', `${API}/tickets/${first.id}/timeline`)).json().items;
    expect(after.at(-1)).toMatchObject({ kind: 'problem_unlinked', changes: [{ from: problem.number, to: null }] });
    const problemEvents = (await world.agent.request('GET', `${API}/problems/${problem.id}/timeline`)).json().items;
    expect(problemEvents.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'incidents_linked',
      'incident_unlinked',
    ]);
  });

  it('links a closed incident too (evidence), but a closed problem takes none', async () => {
    const problem = await create();
    const incident = await raise(world.requester, {
      firstContactResolution: undefined,
    });
    const resolved = await world.agent.request('PATCH', `${API}/tickets/${incident.id}`, {
      version: incident.version,
      status: 'resolved',
      resolutionCode: 'solved',
      resolutionNotes: 'Reiniciado',
    });
    const closed = await world.agent.request('PATCH', `${API}/tickets/${incident.id}`, {
      version: resolved.json().version,
      status: 'closed',
    });
    expect(closed.json().status).toBe('closed');
    const link = await world.agent.request('POST', `${API}/problems/${problem.id}/incidents`, {
      ticketIds: [incident.id],
    });
    expect(link.statusCode).toBe(200);
    const cancelled = await create();
    await patch(cancelled.id, { version: 1, status: 'cancelled' });
    const refused = await world.agent.request('POST', `${API}/problems/${cancelled.id}/incidents`, {
      ticketIds: [(await raise(world.requester)).id],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors).toMatchObject([{ reason: 'problem_over', params: { status: 'cancelled' } }]);
  });

  it('hides every problem route from requesters, and shows them only the public wording on their ticket', async () => {
    const problem = await create({ organizationIds: [world.organization.id] });
    const mine = await raise(world.requester);
    const theirs = await raise(otherRequester);
    await world.agent.request('POST', `${API}/problems/${problem.id}/incidents`, { ticketIds: [mine.id, theirs.id] });

    for (const [method, url, body] of [
      ['GET', `${API}/problems`],
      ['GET', `${API}/problems/${problem.id}`],
      ['GET', `${API}/problems/${problem.id}/incidents`],
      ['GET', `${API}/problems/${problem.id}/timeline`],
      ['POST', `${API}/problems`, { subject: 'x', description: '<p>x</p>' }],
      ['PATCH', `${API}/problems/${problem.id}`, { version: 1, subject: 'x' }],
      ['POST', `${API}/problems/${problem.id}/incidents`, { ticketIds: [theirs.id] }],
      ['DELETE', `${API}/problems/${problem.id}/incidents/${theirs.id}`],
      ['POST', `${API}/problems/${problem.id}/notes`, { bodyHtml: '<p>x</p>' }],
      ['POST', `${API}/problems/${problem.id}/apply-workaround`, { ticketId: mine.id, as: 'reply' }],
      ['GET', `${API}/known-errors?q=erp`],
    ] as const) {
      const response = await world.requester.request(method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.body).not.toContain(theirs.number);
    }

    const investigating = (await world.requester.request('GET', `${API}/tickets/${mine.id}`)).json();
    expect(investigating.problems).toEqual([]);
    expect(investigating.knownIssue).toEqual({ workaroundHtml: null });

    await patch(problem.id, {
      version: 1,
      status: 'known_error',
      workaroundDesk: '<p>Consola interna: reiniciar cola QX-9</p>',
      workaroundPublic: '<p>Mientras tanto, emita la factura desde la web.</p>',
    });
    const response = await world.requester.request('GET', `${API}/tickets/${mine.id}`);
    expect(response.json().knownIssue).toEqual({
      workaroundHtml: '<p>Mientras tanto, emita la factura desde la web.</p>',
    });
    expect(response.body).not.toContain(problem.number);
    expect(response.body).not.toContain('QX-9');
    const timeline = await world.requester.request('GET', `${API}/tickets/${mine.id}/timeline`);
    expect(timeline.json().items.map((e: { kind: string }) => e.kind)).not.toContain('problem_linked');
    expect(timeline.body).not.toContain(problem.number);
    // The other organization's incident stays out of reach, through the problem or directly.
    expect((await world.requester.request('GET', `${API}/tickets/${theirs.id}`)).statusCode).toBe(404);
    expect((await world.agent.request('GET', `${API}/tickets/${mine.id}`)).json().knownIssue).not.toBeNull();
  });

  it('applies the workaround as a reply (public wording) or a note (desk wording), links and counts the incident once', async () => {
    const problem = await create();
    await patch(problem.id, {
      version: 1,
      status: 'known_error',
      workaroundDesk: '<p>Reiniciar la cola QX-9 desde la consola</p>',
      workaroundPublic: '<p>Use la facturación web mientras lo corregimos.</p>',
    });
    const incident = await raise(world.requester);
    const url = `${API}/problems/${problem.id}/apply-workaround`;
    const reply = await world.agent.request('POST', url, { ticketId: incident.id, as: 'reply' });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json()).toMatchObject({ as: 'reply', workaroundApplications: 1 });
    const note = await world.agent.request('POST', url, { ticketId: incident.id, as: 'note' });
    // The note is another audience, so it is posted; the incident counts once.
    expect(note.statusCode).toBe(201);
    expect(note.json().workaroundApplications).toBe(1);

    const seen = (await world.requester.request('GET', `${API}/tickets/${incident.id}/timeline`)).json().items;
    const bodies = seen
      .filter((e: { message: unknown }) => e.message)
      .map((e: { message: { bodyHtml: string } }) => e.message.bodyHtml);
    expect(bodies).toEqual(['<p>Use la facturación web mientras lo corregimos.</p>']);
    const staff = (await world.agent.request('GET', `${API}/tickets/${incident.id}/timeline`)).json().items;
    expect(staff.map((e: { kind: string }) => e.kind)).toEqual(['created', 'reply', 'problem_linked', 'note']);
    const linked = (await world.agent.request('GET', `${API}/problems/${problem.id}/incidents`)).json();
    expect(linked.items.map((i: { id: string }) => i.id)).toEqual([incident.id]);
    expect((await world.agent.request('GET', `${API}/problems/${problem.id}`)).json().workaroundApplications).toBe(1);

    const silent = await create();
    await patch(silent.id, { version: 1, status: 'known_error', workaroundDesk: '<p>Solo interno</p>' });
    const noPublic = await world.agent.request('POST', `${API}/problems/${silent.id}/apply-workaround`, {
      ticketId: (await raise(world.requester)).id,
      as: 'reply',
    });
    expect(noPublic.json().errors).toEqual([
      { field: 'as', message: 'the problem has no public wording of its workaround', reason: 'no_public_workaround' },
    ]);
    // Already behind another problem: refused, nothing posted.
    const taken = await world.agent.request('POST', `${API}/problems/${silent.id}/apply-workaround`, {
      ticketId: incident.id,
      as: 'note',
    });
    expect(taken.statusCode).toBe(409);
  });

  it('searches known errors in Spanish and English, accents and case aside, only known errors with a workaround', async () => {
    const make = async (subject: string, workaround: string, status: 'known_error' | 'investigating') => {
      const problem = await create({ subject, description: `<p>${subject}</p>`, serviceIds: [] });
      await patch(problem.id, {
        version: 1,
        status: 'investigating',
        ...(status === 'known_error' ? {} : { workaroundDesk: `<p>${workaround}</p>` }),
      });
      if (status === 'known_error')
        await patch(problem.id, { version: 2, status, workaroundDesk: `<p>${workaround}</p>` });
      return problem;
    };
    const printing = await make(
      'La impresión de guías falla en el almacén',
      'Usar la impresora térmica B',
      'known_error',
    );
    const vpn = await make('VPN disconnects every hour', 'Reconnect with the backup gateway', 'known_error');
    const hidden = await make('Impresión lenta de guías', 'Esperar', 'investigating');
    const search = async (query: string) =>
      (await world.agent.request('GET', `${API}/known-errors?${query}`)).json().items.map((k: { id: string }) => k.id);

    expect(await search('q=impresion%20GUIAS')).toEqual([printing.id]);
    expect(await search('q=termica')).toEqual([printing.id]);
    expect(await search('q=impres')).toEqual([printing.id]);
    expect(await search('q=disconnects')).toEqual([vpn.id]);
    expect(await search('q=backup%20gateway')).toEqual([vpn.id]);
    expect(await search('q=guias')).not.toContain(hidden.id);
    expect(await search('q=almacen%20vpn')).toEqual([]);
    const suggested = await search(`text=${encodeURIComponent('my VPN keeps disconnecting, la impresión también')}`);
    expect(suggested).toContain(vpn.id);
    expect(suggested).toContain(printing.id);
    // The same words on a problem naming the incident's service: that one first.
    const erpPrinting = await make('Impresión de guías desde el ERP', 'Imprimir en PDF', 'known_error');
    const withService = await specialist.request('PATCH', `${API}/problems/${erpPrinting.id}`, {
      version: 3,
      serviceIds: [world.service.id],
    });
    expect(withService.statusCode, withService.body).toBe(200);
    const scores = async (query: string) =>
      new Map<string, number>(
        (await world.agent.request('GET', `${API}/known-errors?${query}`))
          .json()
          .items.map((k: { id: string; score: number }) => [k.id, k.score]),
      );
    const words = `text=${encodeURIComponent('impresión de guías')}`;
    const [plain, forService] = [await scores(words), await scores(`${words}&serviceId=${world.service.id}`)];
    expect([...forService.keys()][0]).toBe(erpPrinting.id);
    expect(forService.get(erpPrinting.id)).toBeCloseTo((plain.get(erpPrinting.id) ?? Number.NaN) + 0.5, 3);
    expect(forService.get(printing.id)).toBe(plain.get(printing.id));
    const found = (await world.agent.request('GET', `${API}/problems?q=${encodeURIComponent('impresión')}`)).json();
    expect(found.items.map((p: { id: string }) => p.id).sort()).toEqual(
      [printing.id, hidden.id, erpPrinting.id].sort(),
    );
    const byNumber = (await world.agent.request('GET', `${API}/problems?q=${vpn.number.toLowerCase()}`)).json();
    expect(byNumber.items.map((p: { id: string }) => p.id)).toEqual([vpn.id]);
  });

  it('keeps files on the problem through the attachments path, for the desk only', async () => {
    const problem = await create();
    const uploaded = await upload(world.agent, `${API}/attachments`, 'traza.png', PNG);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const fileId = uploaded.json().id;
    const attached = await world.agent.request('POST', `${API}/problems/${problem.id}/attachments`, {
      attachmentIds: [fileId],
    });
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json().attachments).toMatchObject([
      { id: fileId, fileName: 'traza.png', contentType: 'image/png' },
    ]);
    const again = await world.agent.request('POST', `${API}/problems/${problem.id}/attachments`, {
      attachmentIds: [fileId],
    });
    expect(again.json().errors[0].field).toBe('attachmentIds');
    expect((await world.agent.request('GET', `${API}/attachments/${fileId}/content`)).statusCode).toBe(200);
    expect((await world.requester.request('GET', `${API}/attachments/${fileId}/content`)).statusCode).toBe(404);
    // Bound to the problem, it is no abandoned upload, however old, and no ticket may take it.
    const abandoned = await unboundAttachmentsOlderThan(database().db, '2999-01-01T00:00:00.000Z');
    expect(abandoned.map((row) => row.id)).not.toContain(fileId);
    const ticket = await raise(world.agent, { requesterId: world.requesterUser.id, attachmentIds: [fileId] }).catch(
      (error: Error) => error.message,
    );
    expect(ticket).toMatch(/raise failed: 400/);
  });

  it('filters by group and owner, and takes only desk members as owners', async () => {
    const group = (
      await built.services.groups.create(systemContext, { name: 'Aplicaciones', level: 'L2', specialty: 'ERP' })
    ).id;
    const owned = await create({ groupId: group, ownerId: world.agentUser.id });
    const byGroup = (await world.agent.request('GET', `${API}/problems?groupId=${group}`)).json();
    expect(byGroup.items.map((p: { id: string }) => p.id)).toEqual([owned.id]);
    expect(byGroup.items[0]).toMatchObject({
      group: { id: group, name: 'Aplicaciones' },
      owner: { id: world.agentUser.id },
    });
    const byOwner = (await world.agent.request('GET', `${API}/problems?ownerId=${world.agentUser.id}`)).json();
    expect(byOwner.items.map((p: { id: string }) => p.id)).toEqual([owned.id]);
    const requesterOwner = await specialist.request('POST', `${API}/problems`, {
      subject: 'x',
      description: '<p>x</p>',
      ownerId: world.requesterUser.id,
      organizationIds: ['no-such-organization'],
    });
    expect(requesterOwner.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'organizationIds[0]',
      'ownerId',
    ]);
    const unchanged = (await patch(owned.id, { version: 1, subject: owned.subject })).json();
    const events = (await specialist.request('GET', `${API}/problems/${owned.id}/timeline`)).json().items;
    expect([unchanged.version, events.length]).toEqual([2, 1]);
  });

  it('pages the list with a keyset cursor and filters by status', async () => {
    const first = (await world.agent.request('GET', `${API}/problems?limit=2`)).json();
    expect(first.items).toHaveLength(2);
    const second = (await world.agent.request('GET', `${API}/problems?limit=2&cursor=${first.nextCursor}`)).json();
    const ids = [...first.items, ...second.items].map((p: { id: string }) => p.id);
    expect(new Set(ids).size).toBe(4);
    const known = (await world.agent.request('GET', `${API}/problems?status=known_error&limit=200`)).json();
    expect(known.items.length).toBeGreaterThan(0);
    expect(known.items.every((p: { status: string }) => p.status === 'known_error')).toBe(true);
  });
});
