import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_TICKET_SURVEY } from '../../../domain/surveys/default-questionnaires.js';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { outboxOnlyMail } from '../../../test/support/mail-desk.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';
import { fixedClock } from '../../platform/clock.js';
import { systemContext } from '../../platform/request-context.js';

/** The satisfaction survey after each ticket: asked on resolution, answered once, low ratings told. */
describeOnEachDatabase('satisfaction after each ticket', (database) => {
  const clock = fixedClock(new Date('2026-12-01T12:00:00Z'));
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let supervisor: Client;
  let supervisorId: string;
  let agreementId: string;

  beforeAll(async () => {
    built = await buildTestApp(database(), {
      clock,
      mail: outboxOnlyMail({ from: 'Mesa <soporte@mesa.test>', publicUrl: 'https://mesa.example' }),
    });
    world = await ticketWorld(built);
    const supervisorUser = await makeUser(built, ['supervisor']);
    supervisorId = supervisorUser.id;
    supervisor = await login(built, supervisorUser.email);
    const calendar = await built.services.agreements.createCalendar(systemContext, {
      name: '24x7',
      timeZone: 'America/Santiago',
      weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
    });
    const agreement = await built.services.agreements.createAgreement(systemContext, {
      organizationId: world.organization.id,
      name: 'Acuerdo',
      calendarId: calendar.id,
      targets: [{ priority: 3, firstResponseMinutes: 60, resolutionMinutes: 480 }],
    });
    agreementId = agreement.id;
  });
  afterAll(() => built.services.mailOutbox.close());

  async function resolve(ticketId: string) {
    const current = (await world.agent.request('GET', `/api/v1/tickets/${ticketId}`)).json();
    const response = await world.agent.request('PATCH', `/api/v1/tickets/${ticketId}`, {
      version: current.version,
      status: 'resolved',
      resolutionCode: 'solved',
      resolutionNotes: 'Se reinició el servicio.',
    });
    expect(response.statusCode).toBe(200);
  }
  const resolutionMail = async (ticketId: string) =>
    database()
      .db.selectFrom('outbound_mail')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .where('event', '=', 'resolved')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
  const tokenIn = (text: string) => /https:\/\/mesa\.example\/survey#token=([\w-]+)/.exec(text)?.[1] ?? null;
  const answerByLink = (token: string, answers: unknown) =>
    built.app.inject({ method: 'POST', url: '/api/v1/surveys/by-link/answers', payload: { token, answers } });
  const openLink = (token: string) =>
    built.app.inject({ method: 'POST', url: '/api/v1/surveys/by-link', payload: { token } });

  it('asks on resolution: a link in the resolution mail, the questions on the portal, answered once', async () => {
    const ticket = await raise(world.requester, { subject: 'No imprime' });
    expect((await world.requester.request('GET', `/api/v1/tickets/${ticket.id}/satisfaction`)).json()).toEqual({
      state: 'not_asked',
      survey: null,
    });
    await resolve(ticket.id);

    const mail = await resolutionMail(ticket.id);
    const token = tokenIn(mail.text_body);
    expect(token).not.toBeNull();
    expect(mail.text_body).toContain('¿Cómo lo hicimos?');
    expect(mail.html_body).toContain(`href="https://mesa.example/survey#token=${token}"`);
    // Only the token's hash is kept.
    const row = await database()
      .db.selectFrom('ticket_surveys')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toBe(token);
    expect(JSON.stringify(row)).not.toContain(token as string);

    const opened = await openLink(token as string);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      state: 'pending',
      ticketNumber: ticket.number,
      subject: 'No imprime',
      language: 'es',
      questionnaire: DEFAULT_TICKET_SURVEY,
    });

    const portal = (await world.requester.request('GET', `/api/v1/tickets/${ticket.id}/satisfaction`)).json();
    expect(portal.state).toBe('pending');

    expect((await answerByLink(token as string, { rating: 5, comment: '  Rápido y claro  ' })).statusCode).toBe(200);
    const again = await answerByLink(token as string, { rating: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already answered/);
    const onPortalAgain = await world.requester.request('POST', `/api/v1/tickets/${ticket.id}/satisfaction`, {
      answers: { rating: 2 },
    });
    expect(onPortalAgain.statusCode).toBe(409);

    const answered = (await world.agent.request('GET', `/api/v1/tickets/${ticket.id}/satisfaction`)).json();
    expect(answered).toMatchObject({ state: 'answered', survey: { rating: 5, comment: 'Rápido y claro' } });
    const timeline = (await world.agent.request('GET', `/api/v1/tickets/${ticket.id}/timeline`)).json();
    const event = (timeline.items ?? timeline).find((e: { kind: string }) => e.kind === 'satisfaction_answered');
    expect(event.changes).toEqual(
      expect.arrayContaining([
        { field: 'rating', from: null, to: 5 },
        { field: 'comment', from: null, to: 'Rápido y claro' },
      ]),
    );
  });

  it('checks answers against the questions as asked, and changes nothing when they are wrong', async () => {
    const ticket = await raise(world.requester, { subject: 'Clave bloqueada' });
    await resolve(ticket.id);
    const token = tokenIn((await resolutionMail(ticket.id)).text_body) as string;
    const wrong = await answerByLink(token, { rating: 7, mood: 'bien' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      { field: 'answers.mood', message: 'is not a question of this survey' },
      { field: 'answers.rating', message: 'must be a whole number from 1 to 5' },
    ]);
    const missing = await answerByLink(token, { comment: 'sin nota' });
    expect(missing.json().errors).toEqual([{ field: 'answers.rating', message: 'is required' }]);
    const row = await database()
      .db.selectFrom('ticket_surveys')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(row.answered_at).toBeNull();
    expect((await openLink('not-a-real-token-at-all-000')).statusCode).toBe(404);
  });

  it('a low rating on the portal tells the group lead and the supervisors; the follow-up goes on the ticket', async () => {
    const ticket = await raise(world.requester, { subject: 'Sigue lento' });
    await resolve(ticket.id);
    // Someone else's requester cannot answer it, nor the agent in the requester's place.
    const elsewhere = await makeOrganization(built, 'Otra clínica');
    const outsider = await login(built, (await makeUser(built, ['requester'], elsewhere.id)).email);
    expect(
      (await outsider.request('POST', `/api/v1/tickets/${ticket.id}/satisfaction`, { answers: { rating: 5 } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await world.agent.request('POST', `/api/v1/tickets/${ticket.id}/satisfaction`, { answers: { rating: 5 } }))
        .statusCode,
    ).toBe(403);

    const answered = await world.requester.request('POST', `/api/v1/tickets/${ticket.id}/satisfaction`, {
      answers: { rating: 2, comment: 'Tardaron tres días' },
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ state: 'answered', survey: { rating: 2 } });
    const told = await database()
      .db.selectFrom('notifications')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .where('kind', '=', 'low_satisfaction')
      .execute();
    expect(told.map((n) => [n.user_id, n.percent])).toEqual([[supervisorId, 2]]);

    expect(
      (await world.requester.request('POST', `/api/v1/tickets/${ticket.id}/satisfaction/follow-ups`, { note: 'x' }))
        .statusCode,
    ).toBe(403);
    const followUp = await supervisor.request('POST', `/api/v1/tickets/${ticket.id}/satisfaction/follow-ups`, {
      note: 'Llamé a la solicitante; acordamos revisar el rendimiento el lunes.',
    });
    expect(followUp.statusCode).toBe(201);
    const timeline = (await world.agent.request('GET', `/api/v1/tickets/${ticket.id}/timeline`)).json();
    const event = (timeline.items ?? timeline).find((e: { kind: string }) => e.kind === 'satisfaction_follow_up');
    expect(event.changes).toContainEqual({
      field: 'note',
      from: null,
      to: 'Llamé a la solicitante; acordamos revisar el rendimiento el lunes.',
    });
  });

  it('per agreement: off, for some types, asked again after a reopen, with its own questions', async () => {
    const settings = (await supervisor.request('GET', `/api/v1/agreements/${agreementId}/ticket-survey`)).json();
    expect(settings).toMatchObject({ enabled: true, ticketTypes: ['incident', 'request', 'query'], version: 0 });
    const { agreementId: _, updatedAt: __, ...body } = settings;
    const tooMany = await supervisor.request('PUT', `/api/v1/agreements/${agreementId}/ticket-survey`, {
      ...body,
      questionnaire: {
        sections: [
          {
            ...DEFAULT_TICKET_SURVEY.sections[0],
            questions: [1, 2, 3, 4, 5].map((n) => ({
              id: `q${n}`,
              kind: 'rating',
              required: false,
              text: { es: `Pregunta ${n}`, en: `Question ${n}` },
            })),
          },
        ],
      },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors).toEqual([{ field: 'questionnaire.sections', message: 'at most 4 questions' }]);
    expect((await world.agent.request('PUT', `/api/v1/agreements/${agreementId}/ticket-survey`, body)).statusCode).toBe(
      403,
    );

    const put = await supervisor.request('PUT', `/api/v1/agreements/${agreementId}/ticket-survey`, {
      enabled: true,
      ticketTypes: ['incident'],
      questionnaire: DEFAULT_TICKET_SURVEY,
      askAgainAfterReopen: true,
      lowRating: 3,
      version: 0,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ ticketTypes: ['incident'], askAgainAfterReopen: true, version: 1 });

    const query = await raise(world.requester, { type: 'query', subject: '¿Cómo exporto?' });
    await resolve(query.id);
    expect((await world.requester.request('GET', `/api/v1/tickets/${query.id}/satisfaction`)).json().state).toBe(
      'not_asked',
    );
    expect(tokenIn((await resolutionMail(query.id)).text_body)).toBeNull();

    const incident = await raise(world.requester, { subject: 'Cae la VPN' });
    await resolve(incident.id);
    clock.set(new Date('2026-12-01T13:00:00Z'));
    const current = (await world.agent.request('GET', `/api/v1/tickets/${incident.id}`)).json();
    await world.agent.request('PATCH', `/api/v1/tickets/${incident.id}`, {
      version: current.version,
      status: 'in_progress',
    });
    clock.set(new Date('2026-12-01T14:00:00Z'));
    await resolve(incident.id);
    const surveys = await database()
      .db.selectFrom('ticket_surveys')
      .select('resolved_at')
      .where('ticket_id', '=', incident.id)
      .execute();
    expect(surveys).toHaveLength(2);
  });

  it('figures per agent and organization, with n and the low ratings', async () => {
    const figures = await supervisor.request('GET', '/api/v1/satisfaction?by=organization&month=2026-12');
    expect(figures.statusCode).toBe(200);
    const body = figures.json();
    // Answered so far: a 5 by link and a 2 on the portal.
    expect(body.total).toMatchObject({ answered: 2, mean: 3.5, index: 62.5, topTwoBox: 50, low: 1 });
    expect(body.items).toEqual([expect.objectContaining({ key: world.organization.id, answered: 2 })]);
    expect(body.sent).toBeGreaterThanOrEqual(5);
    expect((await world.requester.request('GET', '/api/v1/satisfaction?by=agent')).statusCode).toBe(403);
  });

  it("reads the month in the viewer's zone: 1 December 02:00 UTC is still November in Santiago", async () => {
    clock.set(new Date('2026-12-01T02:00:00Z'));
    const ticket = await raise(world.requester, { subject: 'Impresora sin papel' });
    await resolve(ticket.id);
    const answered = await world.requester.request('POST', `/api/v1/tickets/${ticket.id}/satisfaction`, {
      answers: { rating: 5 },
    });
    expect(answered.statusCode).toBe(200);
    const answeredIn = async (month: string, zone?: string) => {
      const zoned = zone ? `&zone=${encodeURIComponent(zone)}` : '';
      const response = await supervisor.request('GET', `/api/v1/satisfaction?by=organization&month=${month}${zoned}`);
      expect(response.statusCode).toBe(200);
      return response.json().total.answered;
    };
    // The two answered earlier on 1 December (at noon UTC, morning in Santiago) stay in December.
    expect(await answeredIn('2026-11', 'America/Santiago')).toBe(1);
    expect(await answeredIn('2026-12', 'America/Santiago')).toBe(2);
    expect(await answeredIn('2026-11', 'UTC')).toBe(0);
    expect(await answeredIn('2026-12', 'UTC')).toBe(3);
    expect(await answeredIn('2026-12')).toBe(3); // UTC by default
    // Without a month, this month is the viewer's: still November in Santiago.
    const current = await supervisor.request('GET', '/api/v1/satisfaction?by=organization&zone=America%2FSantiago');
    expect(current.json()).toMatchObject({ month: '2026-11', total: { answered: 1 } });

    const bad = await supervisor.request('GET', '/api/v1/satisfaction?by=organization&zone=Mars%2FOlympus');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'zone', message: '"Mars/Olympus" is not a time zone (use e.g. America/Santiago)' },
    ]);
  });
});
