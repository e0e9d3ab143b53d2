import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeUser } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';

const API = '/api/v1';

describeOnEachDatabase('a workaround applied once per incident', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let specialist: Client;

  beforeAll(async () => {
    built = await buildTestApp(database());
    world = await ticketWorld(built);
    specialist = await login(built, (await makeUser(built, ['specialist'])).email);
  });

  const knownError = async () => {
    const created = await specialist.request('POST', `${API}/problems`, {
      subject: 'El ERP se cae al facturar',
      description: '<p>Caídas al facturar.</p>',
    });
    const problem = created.json();
    const known = await specialist.request('PATCH', `${API}/problems/${problem.id}`, {
      version: 1,
      status: 'known_error',
      workaroundDesk: '<p>Reiniciar la cola QX-9</p>',
      workaroundPublic: '<p>Use la facturación web.</p>',
    });
    expect(known.statusCode, known.body).toBe(200);
    return problem;
  };
  const messagesOf = (ticketId: string) =>
    database().db.selectFrom('ticket_messages').select(['id', 'kind']).where('ticket_id', '=', ticketId).execute();
  const countOf = async (problemId: string) =>
    (await world.agent.request('GET', `${API}/problems/${problemId}`)).json().workaroundApplications;

  it('answers a repeat with the first application: nothing posted or counted again (reply and note alike)', async () => {
    const problem = await knownError();
    const incident = await raise(world.requester);
    const url = `${API}/problems/${problem.id}/apply-workaround`;
    for (const as of ['reply', 'note'] as const) {
      const first = await world.agent.request('POST', url, { ticketId: incident.id, as });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ as, alreadyApplied: false, workaroundApplications: 1 });
      const again = await world.agent.request('POST', url, { ticketId: incident.id, as });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toEqual({
        messageId: first.json().messageId,
        ticketId: incident.id,
        as,
        workaroundApplications: 1,
        alreadyApplied: true,
      });
    }
    const messages = await messagesOf(incident.id);
    expect(messages.filter((m) => m.kind === 'reply')).toHaveLength(1);
    expect(messages.filter((m) => m.kind === 'note')).toHaveLength(1);
    expect(await countOf(problem.id)).toBe(1);
    const applied = (await specialist.request('GET', `${API}/problems/${problem.id}/timeline`))
      .json()
      .items.filter((e: { kind: string }) => e.kind === 'workaround_applied');
    expect(applied).toHaveLength(2);
  });

  it('takes a double click (two requests at once) as one application', async () => {
    const problem = await knownError();
    const incident = await raise(world.requester);
    const url = `${API}/problems/${problem.id}/apply-workaround`;
    const both = await Promise.all([
      world.agent.request('POST', url, { ticketId: incident.id, as: 'note' }),
      world.agent.request('POST', url, { ticketId: incident.id, as: 'note' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(both.map((r) => r.json().messageId)).size).toBe(1);
    expect((await messagesOf(incident.id)).filter((m) => m.kind === 'note')).toHaveLength(1);
    expect(await countOf(problem.id)).toBe(1);
    // Another incident is another application.
    const other = await raise(world.requester);
    const next = await world.agent.request('POST', url, { ticketId: other.id, as: 'note' });
    expect(next.json().workaroundApplications).toBe(2);
  });
});
