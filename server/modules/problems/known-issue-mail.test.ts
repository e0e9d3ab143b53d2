import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeUser } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';

const API = '/api/v1';
const DESK_WORDING = 'Reiniciar la cola QX-9 desde la consola interna';
const PUBLIC_WORDING = 'Mientras tanto, emita la factura desde la web.';

describeOnEachDatabase('a linked incident’s requester told the known issue by mail', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let specialist: Client;
  let english: Client;
  let bouncing: Client;

  beforeAll(async () => {
    // A relay is named so the outbox is written; nothing here runs the job that sends it.
    built = await buildTestApp(database(), {
      mail: {
        listenPort: null,
        listenHost: '127.0.0.1',
        relayUrl: 'smtp://127.0.0.1:9',
        from: 'Mesa <soporte@mesa.test>',
        inboundToken: 'inbound-token-for-tests-0123456789',
        publicUrl: null,
      },
    });
    world = await ticketWorld(built);
    specialist = await login(built, (await makeUser(built, ['specialist'])).email);
    const englishUser = await makeUser(built, ['requester'], world.organization.id);
    await database().db.updateTable('users').set({ locale: 'en' }).where('id', '=', englishUser.id).execute();
    english = await login(built, englishUser.email);
    const bouncingUser = await makeUser(built, ['requester'], world.organization.id);
    await database()
      .db.updateTable('users')
      .set({ mail_bounced_at: '2026-12-01T10:00:00.000Z', mail_bounce_reason: '5.1.1 no such user' })
      .where('id', '=', bouncingUser.id)
      .execute();
    bouncing = await login(built, bouncingUser.email);
  });

  const knownIssueMail = (ticketIds: string[]) =>
    database()
      .db.selectFrom('outbound_mail')
      .select(['ticket_id', 'to_address', 'subject', 'text_body', 'html_body'])
      .where('event', '=', 'known_issue')
      .where('ticket_id', 'in', ticketIds)
      .orderBy('id')
      .execute();
  const createProblem = async () => {
    const response = await specialist.request('POST', `${API}/problems`, {
      subject: 'Fuga de memoria en el conector de facturación',
      description: '<p>El conector se cae al emitir facturas.</p>',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  it('mails each linked open incident once, in its requester’s language, with only the public wording', async () => {
    const problem = await createProblem();
    const first = await raise(world.requester);
    const second = await raise(world.requester, { subject: 'Tampoco factura la sucursal' });
    const theirs = await raise(english, { subject: 'Invoicing is down' });
    const bounced = await raise(bouncing);
    const all = [first.id, second.id, theirs.id, bounced.id];

    const linked = await world.agent.request('POST', `${API}/problems/${problem.id}/incidents`, { ticketIds: all });
    expect(linked.statusCode, linked.body).toBe(200);
    const told = await knownIssueMail(all);
    // One mail per ticket (the requester with two incidents gets two, one each), none to a bouncing address.
    expect(told.map((mail) => mail.ticket_id).sort()).toEqual([first.id, second.id, theirs.id].sort());
    const spanish = told.find((mail) => mail.ticket_id === first.id);
    expect(spanish?.subject).toBe(`[${first.number}] Problema conocido: ${first.subject}`);
    expect(spanish?.text_body).toContain('es un problema conocido y estamos trabajando en él');
    const inEnglish = told.find((mail) => mail.ticket_id === theirs.id);
    expect(inEnglish?.subject).toBe(`[${theirs.number}] Known issue: Invoicing is down`);
    expect(inEnglish?.text_body).toContain('is a known issue and we are working on it');
    for (const mail of told) {
      expect(`${mail.subject}${mail.text_body}${mail.html_body}`).not.toContain(problem.number);
      expect(`${mail.subject}${mail.text_body}${mail.html_body}`).not.toContain('conector');
    }

    // Linking again changes nothing, so nobody is told again.
    await world.agent.request('POST', `${API}/problems/${problem.id}/incidents`, { ticketIds: [first.id] });
    expect(await knownIssueMail(all)).toHaveLength(3);

    // The incident the desk resolved meanwhile hears nothing more of the problem.
    const resolved = await world.agent.request('PATCH', `${API}/tickets/${second.id}`, {
      version: (await world.agent.request('GET', `${API}/tickets/${second.id}`)).json().version,
      status: 'resolved',
      resolutionCode: 'solved',
      resolutionNotes: 'Reiniciado',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);

    // The problem becomes a known error with a public workaround: each open incident hears it once.
    const known = await specialist.request('PATCH', `${API}/problems/${problem.id}`, {
      version: 1,
      status: 'known_error',
      workaroundDesk: `<p>${DESK_WORDING}</p>`,
      workaroundPublic: `<p>${PUBLIC_WORDING}</p>`,
    });
    expect(known.statusCode, known.body).toBe(200);
    const afterWording = (await knownIssueMail(all)).slice(3);
    expect(afterWording.map((mail) => mail.ticket_id).sort()).toEqual([first.id, theirs.id].sort());
    for (const mail of afterWording) {
      expect(mail.text_body).toContain(PUBLIC_WORDING);
      expect(mail.html_body).toContain(`<p>${PUBLIC_WORDING}</p>`);
      const everything = `${mail.subject}${mail.text_body}${mail.html_body}`;
      expect(everything).not.toContain('QX-9');
      expect(everything).not.toContain(problem.number);
      expect(everything).not.toContain(problem.subject);
    }
    expect(afterWording.find((mail) => mail.ticket_id === first.id)?.text_body).toContain(
      'Mientras tanto, puedes seguir trabajando así:',
    );
    expect(afterWording.find((mail) => mail.ticket_id === theirs.id)?.text_body).toContain(
      'Meanwhile, you can keep working this way:',
    );

    // The desk's wording alone changes: the requesters have nothing new to hear.
    await specialist.request('PATCH', `${API}/problems/${problem.id}`, {
      version: 2,
      workaroundDesk: '<p>Otra cosa interna</p>',
    });
    expect(await knownIssueMail(all)).toHaveLength(5);
    // The public wording changes: once more each.
    await specialist.request('PATCH', `${API}/problems/${problem.id}`, {
      version: 3,
      workaroundPublic: '<p>Use la web de facturación de respaldo.</p>',
    });
    const changed = (await knownIssueMail(all)).slice(5);
    expect(changed.map((mail) => mail.ticket_id).sort()).toEqual([first.id, theirs.id].sort());
    expect(changed.every((mail) => mail.text_body.includes('Use la web de facturación de respaldo.'))).toBe(true);

    // The staff timeline says why the requester got a mail; the requester's does not show it.
    const staff = (await world.agent.request('GET', `${API}/tickets/${first.id}/timeline`)).json().items;
    expect(staff.filter((e: { kind: string }) => e.kind === 'known_issue_updated')).toHaveLength(2);
    const theirsSeen = (await world.requester.request('GET', `${API}/tickets/${first.id}/timeline`)).json().items;
    expect(theirsSeen.map((e: { kind: string }) => e.kind)).not.toContain('known_issue_updated');
  });

  it('linking by replying the workaround sends the reply alone, not a second mail', async () => {
    const problem = await createProblem();
    await specialist.request('PATCH', `${API}/problems/${problem.id}`, {
      version: 1,
      status: 'known_error',
      workaroundDesk: `<p>${DESK_WORDING}</p>`,
      workaroundPublic: `<p>${PUBLIC_WORDING}</p>`,
    });
    const incident = await raise(world.requester);
    const applied = await world.agent.request('POST', `${API}/problems/${problem.id}/apply-workaround`, {
      ticketId: incident.id,
      as: 'reply',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const mail = await database()
      .db.selectFrom('outbound_mail')
      .select(['event', 'text_body'])
      .where('ticket_id', '=', incident.id)
      .orderBy('id')
      .execute();
    expect(mail.map((m) => m.event)).toEqual(['ticket_received', 'agent_reply']);
    expect(mail[1]?.text_body).toContain(PUBLIC_WORDING);
    expect(mail[1]?.text_body).not.toContain('QX-9');
  });
});
