import { beforeAll, expect, it } from 'vitest';
import type { QuestionnaireDocument } from '../../../domain/surveys/questionnaire.js';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { outboxOnlyMail } from '../../../test/support/mail-desk.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { systemContext } from '../../platform/request-context.js';

const t = (es: string, en: string) => ({ es, en });
/** A rating, a comment required only after a low rating, and an optional choice. */
const DOCUMENT: QuestionnaireDocument = {
  sections: [
    {
      id: 'main',
      title: t('Atención', 'Service'),
      questions: [
        { id: 'overall', kind: 'rating', text: t('¿Satisfecho?', 'Satisfied?'), required: true },
        {
          id: 'why',
          kind: 'text',
          text: t('¿Qué falló?', 'What went wrong?'),
          required: true,
          showIf: { questionId: 'overall', anyOf: ['1', '2'] },
        },
        {
          id: 'channel',
          kind: 'single',
          text: t('Canal', 'Channel'),
          required: false,
          options: [
            { id: 'mail', label: t('Correo', 'Mail') },
            { id: 'phone', label: t('Teléfono', 'Phone') },
          ],
        },
      ],
    },
  ],
};

/** Survey campaigns: frozen version, invitations by mail, single-use tokens, anonymous mode, closing. */
describeOnEachDatabase('survey campaigns', (database) => {
  const clock = fixedClock(new Date('2026-12-01T12:00:00Z'));
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let desk: Client;
  let deskEmail: string;
  let manager: Client;
  let requester: Client;
  let organizationId: string;
  let questionnaireId: string;
  let v1Id: string;
  const people: { id: string; email: string }[] = [];
  let leaverId: string;

  beforeAll(async () => {
    built = await buildTestApp(database(), {
      clock,
      mail: outboxOnlyMail({ from: 'Mesa <soporte@mesa.test>', publicUrl: 'https://mesa.example' }),
    });
    const organization = await makeOrganization(built, 'Cliente Campañas');
    organizationId = organization.id;
    deskEmail = (await makeUser(built, ['analyst'])).email;
    desk = await login(built, deskEmail);
    const managerUser = await makeUser(built, ['requester', 'client_manager'], organizationId);
    manager = await login(built, managerUser.email);
    const requesterUser = await makeUser(built, ['requester'], organizationId);
    requester = await login(built, requesterUser.email);
    const englishUser = await makeUser(built, ['requester'], organizationId);
    await database().db.updateTable('users').set({ locale: 'en' }).where('id', '=', englishUser.id).execute();
    const leaver = await makeUser(built, ['requester'], organizationId);
    leaverId = leaver.id;
    people.push(managerUser, requesterUser, englishUser);
    // Someone of another organization, and an agent: never invited.
    await makeUser(built, ['requester'], (await makeOrganization(built, 'Otra')).id);

    const created = await desk.request('POST', '/api/v1/questionnaires', { organizationId, title: 'Semestral' });
    questionnaireId = created.json().id;
    const draft = (await desk.request('GET', `/api/v1/questionnaires/${questionnaireId}/versions/1`)).json();
    v1Id = draft.id;
    const patched = await desk.request('PATCH', `/api/v1/questionnaires/${questionnaireId}/versions/1`, {
      version: draft.version,
      document: DOCUMENT,
    });
    expect(patched.statusCode).toBe(200);
  });

  const createCampaign = (body: Record<string, unknown>, client = desk) =>
    client.request('POST', '/api/v1/campaigns', {
      organizationId,
      questionnaireVersionId: v1Id,
      name: 'Primer semestre',
      opensAt: '2026-12-01T12:00:00Z',
      closesAt: '2026-12-15T12:00:00Z',
      anonymous: false,
      ...body,
    });
  const mails = (event: string) =>
    database().db.selectFrom('outbound_mail').selectAll().where('event', '=', event).orderBy('id').execute();
  const tokenIn = (text: string) => /https:\/\/mesa\.example\/campaign-survey#token=([\w-]+)/.exec(text)?.[1] ?? '';
  const byLink = (token: string) => desk.request('POST', '/api/v1/campaign-surveys/by-link', { token });
  const answer = (token: string, answers: unknown) =>
    desk.request('POST', '/api/v1/campaign-surveys/by-link/answers', { token, answers });
  const tokensOf = async (campaignId: string, event = 'campaign_invitation') => {
    const sent = await mails(event);
    const tokens = new Map<string, string>();
    for (const mail of sent) {
      const token = tokenIn(mail.text_body);
      const invitation = await database()
        .db.selectFrom('campaign_invitations')
        .innerJoin('users', 'users.id', 'campaign_invitations.user_id')
        .select('users.email')
        .where('campaign_id', '=', campaignId)
        .where('token_hash', '=', (await import('../../platform/ids.js')).hashSecret(token))
        .executeTakeFirst();
      if (invitation) tokens.set(invitation.email, token);
    }
    return tokens;
  };

  it('freezes an approved version only, and keeps it after a newer version is approved', async () => {
    const draft = await createCampaign({});
    expect(draft.statusCode).toBe(400);
    expect(draft.json().detail).toMatch(/questionnaireVersionId.*draft/);
    await desk.request('POST', `/api/v1/questionnaires/${questionnaireId}/versions/1/share`);
    expect((await createCampaign({})).json().detail).toMatch(/shared/);
    await manager.request('POST', `/api/v1/questionnaires/${questionnaireId}/versions/1/approve`);

    const campaign = await createCampaign({ audience: { excludeUserIds: [leaverId] } });
    expect(campaign.statusCode).toBe(201);
    expect(campaign.json()).toMatchObject({ state: 'draft', questionnaireVersionId: v1Id, anonymous: false });

    // A newer version is approved; v1 is superseded but the campaign keeps it.
    await desk.request('POST', `/api/v1/questionnaires/${questionnaireId}/versions`, { fromNumber: 1 });
    const v2 = (await desk.request('GET', `/api/v1/questionnaires/${questionnaireId}/versions/2`)).json();
    await desk.request('PATCH', `/api/v1/questionnaires/${questionnaireId}/versions/2`, {
      version: v2.version,
      document: { sections: [{ ...DOCUMENT.sections[0], questions: [DOCUMENT.sections[0]?.questions[0]] }] },
    });
    await desk.request('POST', `/api/v1/questionnaires/${questionnaireId}/versions/2/share`);
    await manager.request('POST', `/api/v1/questionnaires/${questionnaireId}/versions/2/approve`);
    const v1 = (await desk.request('GET', `/api/v1/questionnaires/${questionnaireId}/versions/1`)).json();
    expect(v1.state).toBe('superseded');

    const opened = await desk.request('POST', `/api/v1/campaigns/${campaign.json().id}/open`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ state: 'open', responseRate: { invited: 3, answered: 0, rate: 0 } });
    const tokens = await tokensOf(campaign.json().id);
    expect([...tokens.keys()].sort()).toEqual(people.map((p) => p.email).sort());
    const first = tokens.get(people[1]?.email ?? '') ?? '';
    expect(Buffer.from(first, 'base64url').length).toBeGreaterThanOrEqual(16);
    const shown = (await byLink(first)).json();
    expect(shown).toMatchObject({ state: 'pending', organizationName: 'Cliente Campañas', language: 'es' });
    expect(shown.questionnaire).toEqual(DOCUMENT);
    expect((await byLink(tokens.get(people[2]?.email ?? '') ?? '')).json().language).toBe('en');
    const english = (await mails('campaign_invitation')).find((m) => m.to_address === people[2]?.email);
    expect(english?.subject).toBe('Cliente Campañas survey: Primer semestre');
    // Only hashes are stored.
    const stored = await database().db.selectFrom('campaign_invitations').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(first);
  });

  it('checks the answers, takes them once, keeps the person in a named campaign, counts the rate', async () => {
    const campaignId = (await desk.request('GET', `/api/v1/campaigns?organizationId=${organizationId}`)).json().items[0]
      .id;
    const tokens = await tokensOf(campaignId);
    const token = tokens.get(people[1]?.email ?? '') ?? '';
    const missing = await answer(token, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toContainEqual({ field: 'answers.overall', message: 'is required' });
    const lowWithoutWhy = await answer(token, { overall: 1 });
    expect(lowWithoutWhy.json().errors).toContainEqual({ field: 'answers.why', message: 'is required' });
    const notAsked = await answer(token, { overall: 5, why: 'nada' });
    expect(notAsked.json().errors).toContainEqual({ field: 'answers.why', message: 'was not asked' });
    expect((await answer(token, { overall: 2, why: 'Tardaron', channel: 'mail' })).statusCode).toBe(200);
    const again = await answer(token, { overall: 5 });
    expect(again.statusCode).toBe(409);
    expect((await byLink(token)).json().state).toBe('answered');
    expect((await answer('x'.repeat(43), { overall: 5 })).statusCode).toBe(404);

    const response = await database()
      .db.selectFrom('campaign_responses')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow();
    expect(response.user_id).toBe(people[1]?.id);
    expect(response.invitation_id).not.toBeNull();
    const rate = (await desk.request('GET', `/api/v1/campaigns/${campaignId}`)).json().responseRate;
    expect(rate.invited).toBe(3);
    expect(rate.answered).toBe(1);
    expect(rate.rate).toBeCloseTo(1 / 3, 10);

    // A reminder goes to the two who have not answered, with a fresh link; the old one stops working.
    const reminded = await desk.request('POST', `/api/v1/campaigns/${campaignId}/remind`);
    expect(reminded.json()).toEqual({ reminded: 2 });
    const fresh = await tokensOf(campaignId, 'campaign_reminder');
    expect([...fresh.keys()].sort()).toEqual([people[0]?.email, people[2]?.email].sort());
    expect((await byLink(tokens.get(people[0]?.email ?? '') ?? '')).statusCode).toBe(404);
    const remindedRows = await database()
      .db.selectFrom('campaign_invitations')
      .select(['user_id', 'reminded_at'])
      .where('campaign_id', '=', campaignId)
      .where('reminded_at', 'is not', null)
      .execute();
    expect(remindedRows).toHaveLength(2);

    // Closed: the links are refused.
    const closed = await desk.request('POST', `/api/v1/campaigns/${campaignId}/close`);
    expect(closed.json()).toMatchObject({ state: 'closed', closedAt: '2026-12-01T12:00:00.000Z' });
    const late = fresh.get(people[0]?.email ?? '') ?? '';
    expect((await byLink(late)).json().state).toBe('expired');
    expect((await answer(late, { overall: 4 })).statusCode).toBe(409);
  });

  it('hides the campaign routes from requesters, and all but reading from client managers', async () => {
    const id = (await desk.request('GET', '/api/v1/campaigns')).json().items[0].id;
    // A client manager reads their own organization's campaigns (to reach the results); nothing more.
    expect((await manager.request('GET', '/api/v1/campaigns')).json().items.map((c: { id: string }) => c.id)).toContain(
      id,
    );
    expect((await manager.request('GET', `/api/v1/campaigns/${id}`)).statusCode).toBe(200);
    expect((await requester.request('GET', '/api/v1/campaigns')).statusCode).toBe(404);
    expect((await requester.request('GET', `/api/v1/campaigns/${id}`)).statusCode).toBe(404);
    for (const client of [requester, manager]) {
      expect((await createCampaign({}, client)).statusCode).toBe(404);
      expect((await client.request('POST', `/api/v1/campaigns/${id}/remind`)).statusCode).toBe(404);
    }
  });
  it('anonymous mode keeps no link between a response and its person; the job closes once', async () => {
    const v2 = (await desk.request('GET', `/api/v1/questionnaires/${questionnaireId}/versions/2`)).json();
    const superseded = await createCampaign({ anonymous: true });
    expect(superseded.json().detail).toMatch(/superseded/);
    const created = await createCampaign({
      anonymous: true,
      questionnaireVersionId: v2.id,
      closesAt: '2026-12-10T12:00:00Z',
      audience: { onlyUserIds: [people[0]?.id, people[1]?.id] },
    });
    const id = created.json().id;
    expect((await desk.request('POST', `/api/v1/campaigns/${id}/open`)).json().responseRate.invited).toBe(2);
    const tokens = await tokensOf(id);
    clock.advance(3_600_000);
    const token = tokens.get(people[0]?.email ?? '') ?? '';
    expect((await byLink(token)).json()).toMatchObject({ anonymous: true, questionnaire: v2.document });
    expect((await answer(token, { overall: 4 })).statusCode).toBe(200);

    const responses = await database()
      .db.selectFrom('campaign_responses')
      .selectAll()
      .where('campaign_id', '=', id)
      .execute();
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({
      user_id: null,
      invitation_id: null,
      created_at: expect.stringMatching(/T00:00:00/),
    });
    // Grouped fields only: the invitation's language and the services of their tickets (none here).
    expect(JSON.parse(responses[0]?.profile ?? '{}')).toEqual({
      organizationId,
      role: 'client_manager',
      language: 'es',
      services: [],
    });
    expect(JSON.stringify(responses[0])).not.toContain(people[0]?.id ?? '?');
    expect(responses[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/); // random, not time-ordered
    const invitation = await database()
      .db.selectFrom('campaign_invitations')
      .select('answered_at')
      .where('campaign_id', '=', id)
      .where('user_id', '=', people[0]?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(invitation.answered_at).not.toBeNull();

    // Before the close the job leaves it; after, it closes it once.
    expect(await built.services.campaigns.closeDue(systemContext)).toBe(0);
    clock.set(new Date('2026-12-10T12:00:01Z'));
    desk = await login(built, deskEmail); // the session idled out over nine days
    expect(await built.services.campaigns.closeDue(systemContext)).toBe(1);
    expect(await built.services.campaigns.closeDue(systemContext)).toBe(0);
    expect((await desk.request('GET', `/api/v1/campaigns/${id}`)).json().state).toBe('closed');
    expect((await answer(tokens.get(people[1]?.email ?? '') ?? '', { overall: 3 })).statusCode).toBe(409);
  });
  it('limits the answering link per address', async () => {
    let status = 0;
    let sent = 0;
    while (status !== 429 && sent < 200) {
      sent += 1;
      status = (await byLink('y'.repeat(43))).statusCode;
    }
    expect(status).toBe(429);
    expect(sent).toBeLessThanOrEqual(121);
  });
});
