import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { outboxOnlyMail } from '../../../test/support/mail-desk.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { raise } from '../../../test/support/tickets.js';
import { fixedClock } from '../../platform/clock.js';
import { hashSecret } from '../../platform/ids.js';
import { systemContext } from '../../platform/request-context.js';

const t = (es: string, en: string) => ({ es, en });
const SPEED = { id: 'speed', kind: 'rating', text: t('Rapidez', 'Speed'), required: true, dimension: 'responsiveness' };
const CARE = {
  id: 'care',
  kind: 'rating',
  text: t('Trato', 'Care'),
  required: false,
  dimension: 'empathy',
  notApplicable: true,
};
const RECOMMEND = { id: 'recommend', kind: 'nps', text: t('¿Recomendaría?', 'Recommend?'), required: true };
const COMMENT = { id: 'comment', kind: 'text', text: t('Comentario', 'Comment'), required: false };
const V1 = {
  sections: [{ id: 'main', title: t('Servicio', 'Service'), questions: [SPEED, CARE, RECOMMEND, COMMENT] }],
};
// v2 drops "care" and asks a new empathy question: the comparison covers the shared questions only.
const NEW_Q = {
  id: 'listened',
  kind: 'rating',
  text: t('Escucha', 'Listening'),
  required: false,
  dimension: 'empathy',
};
const V2 = {
  sections: [{ id: 'main', title: t('Servicio', 'Service'), questions: [SPEED, NEW_Q, RECOMMEND, COMMENT] }],
};

/** n copies of each value, in order: spread([2, 3], 2) = [2, 2, 3, 3]. */
const spread = (values: number[], n: number) => values.flatMap((value) => Array<number>(n).fill(value));

describeOnEachDatabase('campaign results', (database) => {
  const clock = fixedClock(new Date('2026-12-01T12:00:00Z'));
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let desk: Client;
  let managerA: Client;
  let managerB: Client;
  let requesterA: Client;
  let organizationId: string;
  let serviceId: string;
  const campaign: Record<'first' | 'empty' | 'second' | 'third', string> = {
    first: '',
    empty: '',
    second: '',
    third: '',
  };
  let versions: { v1: string; v2: string };
  let sequence = 0;

  /** Responses written straight to the table: the figures are what is tested here, not the answering. */
  const insertResponses = async (campaignId: string, rows: { answers: object; profile?: object }[]) => {
    for (const row of rows)
      await database()
        .db.insertInto('campaign_responses')
        .values({
          id: `resp-${campaignId}-${String(++sequence).padStart(4, '0')}`,
          campaign_id: campaignId,
          invitation_id: null,
          user_id: null,
          profile: JSON.stringify(row.profile ?? { organizationId, role: 'requester', language: 'es', services: [] }),
          answers: JSON.stringify(row.answers),
          created_at: '2026-12-03T00:00:00.000Z',
        })
        .execute();
  };

  const approve = async (questionnaireId: string, number: number, document: object) => {
    const draft = (await desk.request('GET', `/api/v1/questionnaires/${questionnaireId}/versions/${number}`)).json();
    await desk.request('PATCH', `/api/v1/questionnaires/${questionnaireId}/versions/${number}`, {
      version: draft.version,
      document,
    });
    await desk.request('POST', `/api/v1/questionnaires/${questionnaireId}/versions/${number}/share`);
    const approved = await managerA.request(
      'POST',
      `/api/v1/questionnaires/${questionnaireId}/versions/${number}/approve`,
    );
    expect(approved.statusCode).toBe(200);
    return draft.id as string;
  };
  const create = async (name: string, versionId: string, closesAt: string, extra: object = {}) => {
    const response = await desk.request('POST', '/api/v1/campaigns', {
      organizationId,
      questionnaireVersionId: versionId,
      name,
      opensAt: '2026-01-01T00:00:00Z',
      closesAt,
      anonymous: false,
      ...extra,
    });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  const results = (id: string, client = desk) => client.request('GET', `/api/v1/campaigns/${id}/results`);

  beforeAll(async () => {
    built = await buildTestApp(database(), {
      clock,
      mail: outboxOnlyMail({ from: 'Mesa <soporte@mesa.test>', publicUrl: 'https://mesa.example' }),
    });
    organizationId = (await makeOrganization(built, 'Cliente A')).id;
    const otherId = (await makeOrganization(built, 'Cliente B')).id;
    serviceId = (await built.services.organizations.createService(systemContext, organizationId, { name: 'ERP' })).id;
    desk = await login(built, (await makeUser(built, ['analyst'])).email);
    managerA = await login(built, (await makeUser(built, ['requester', 'client_manager'], organizationId)).email);
    managerB = await login(built, (await makeUser(built, ['requester', 'client_manager'], otherId)).email);
    requesterA = await login(built, (await makeUser(built, ['requester'], organizationId)).email);

    const questionnaireId = (
      await desk.request('POST', '/api/v1/questionnaires', { organizationId, title: 'Semestral' })
    ).json().id;
    const v1 = await approve(questionnaireId, 1, V1);
    campaign.first = await create('2026-1', v1, '2026-06-30T00:00:00Z');
    campaign.empty = await create('Sin respuestas', v1, '2026-09-30T00:00:00Z');
    campaign.second = await create('2026-2', v1, '2026-12-15T00:00:00Z');
    await desk.request('POST', `/api/v1/questionnaires/${questionnaireId}/versions`, { fromNumber: 1 });
    const v2 = await approve(questionnaireId, 2, V2);
    versions = { v1, v2 };
    campaign.third = await create('2027-1', v2, '2027-06-30T00:00:00Z');

    // First campaign, 30 people: speed 2, 3, 4 ten times each; care 1 and 3 (the rest "na");
    // 0–10: 5 promoters (10), 10 passives (7), 15 detractors (0).
    const firstSpeed = spread([2, 3, 4], 10);
    const firstNps = [...spread([10], 5), ...spread([7], 10), ...spread([0], 15)];
    await insertResponses(
      campaign.first,
      firstSpeed.map((speed, i) => ({
        answers: { speed, care: i === 0 ? 1 : i === 1 ? 3 : 'na', recommend: firstNps[i] },
      })),
    );
    // Second campaign, 30 people: speed 3, 4, 5 ten times each; care 3 and 5 (the rest "na");
    // 15 promoters, 10 passives, 5 detractors. 26 Spanish and 4 English; 25 requesters and 5
    // client managers; 26 used the ERP, 4 raised no ticket.
    const secondSpeed = spread([3, 4, 5], 10);
    const secondNps = [...spread([10], 15), ...spread([8], 10), ...spread([3], 5)];
    await insertResponses(
      campaign.second,
      secondSpeed.map((speed, i) => ({
        answers: {
          speed,
          care: i === 0 ? 3 : i === 1 ? 5 : 'na',
          recommend: secondNps[i],
          ...(i < 3 ? { comment: `El portal va lento ${i}` } : {}),
          ...(i === 3 ? { comment: '=HYPERLINK("http://evil")' } : {}),
        },
        profile: {
          organizationId,
          role: i < 5 ? 'client_manager' : 'requester',
          language: i < 4 ? 'en' : 'es',
          services: i < 4 ? [] : [serviceId],
        },
      })),
    );
    await insertResponses(
      campaign.third,
      spread([5], 6).map((speed) => ({ answers: { speed, listened: 4, recommend: 10 } })),
    );
  });

  it('computes the index, the top-2-box and the NPS, with the rate and n', async () => {
    const response = await results(campaign.second);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.campaign).toMatchObject({
      name: '2026-2',
      organizationName: 'Cliente A',
      questionnaireVersionId: versions.v1,
    });
    expect(body.respondents).toBe(30);
    expect(body.responseRate).toEqual({ invited: 0, answered: 0, rate: 0 }); // written straight, nobody invited
    // All ratings: speed 10×3 + 10×4 + 10×5 = 120 over 30, care 3 + 5 = 8 over 2: n 32, mean 128/32 = 4,
    // index (4 − 1)/4 × 100 = 75; 4s and 5s: 20 speeds + one care = 21/32 = 65.625%.
    expect(body.overall).toEqual({ n: 32, respondents: 30, mean: 4, index: 75, topTwoBox: 65.625 });
    // NPS: (15 − 5)/30 × 100 = 33.33…
    expect(body.nps).toMatchObject({ questionId: 'recommend', n: 30, promoters: 15, passives: 10, detractors: 5 });
    expect(body.nps.nps).toBeCloseTo(33.333, 3);
    const care = body.questions.find((q: { questionId: string }) => q.questionId === 'care');
    expect(care.distribution.at(-1)).toEqual({ value: 'na', count: 28 });
    expect(body.textThemes[0].n).toBe(4);
    expect(body.textThemes[0].themes.map((theme: { term: string }) => theme.term)).toEqual(
      expect.arrayContaining(['portal']),
    );
  });

  it('flags a significant change of five points or more, and not a large one on tiny n', async () => {
    const body = (await results(campaign.second)).json();
    // The latest earlier campaign with responses: the empty one in between is skipped.
    expect(body.previous).toMatchObject({ id: campaign.first, respondents: 30, partial: false });
    const byDimension = new Map(body.dimensions.map((d: { dimension: string }) => [d.dimension, d]));
    // Speed 3 → 4 on 30 and 30 (sd 0.83 each): index 50 → 75, t ≈ 4.66, p < 0.001.
    expect(byDimension.get('responsiveness')).toMatchObject({ index: 75, indexChange: { delta: 25, flagged: true } });
    // 4s and 5s: 10/30 → 20/30, z ≈ 2.58, p ≈ 0.01.
    expect(byDimension.get('responsiveness')).toMatchObject({ topTwoBoxChange: { flagged: true } });
    // Care 1, 3 → 3, 5: index +50, but on two and two ratings Welch's p ≈ 0.29.
    expect(byDimension.get('empathy')).toMatchObject({ indexChange: { delta: 50, flagged: false } });
    expect((byDimension.get('empathy') as { indexChange: { p: number } }).indexChange.p).toBeGreaterThan(0.05);
    // NPS −33.3 → 33.3.
    expect(body.nps.change.delta).toBeCloseTo(66.667, 3);
    expect(body.nps.change.flagged).toBe(true);
  });

  it('compares only the shared questions when the versions differ', async () => {
    const body = (await results(campaign.third)).json();
    expect(body.previous).toMatchObject({ id: campaign.second, partial: true });
    expect(body.previous.sharedQuestionIds).toEqual(['speed', 'recommend', 'comment']);
    const byDimension = new Map(body.dimensions.map((d: { dimension: string }) => [d.dimension, d]));
    // Empathy is asked by a new question now: nothing to compare it with.
    expect(byDimension.get('empathy')).toMatchObject({ index: 75, indexChange: null, topTwoBoxChange: null });
    expect(byDimension.get('responsiveness')).toMatchObject({ index: 100, indexChange: { delta: 25 } });
    expect(body.questions.map((q: { questionId: string; shared: boolean }) => [q.questionId, q.shared])).toEqual([
      ['speed', true],
      ['listened', false],
      ['recommend', true],
      ['comment', true],
    ]);
  });

  it('withholds the figures of a group under five respondents, and names services', async () => {
    const body = (await results(campaign.second)).json();
    const by = (field: string) => body.breakdowns.find((b: { by: string }) => b.by === field).groups;
    expect(by('language')).toEqual([
      expect.objectContaining({ key: 'es', respondents: 26, suppressed: false }),
      { key: 'en', name: 'en', respondents: 4, suppressed: true, index: null, topTwoBox: null, nps: null },
    ]);
    expect(by('role')[1]).toMatchObject({ key: 'client_manager', respondents: 5, suppressed: false });
    expect(by('role')[1].index).not.toBeNull();
    expect(by('service')).toEqual([
      expect.objectContaining({ key: serviceId, name: 'ERP', respondents: 26, suppressed: false }),
      expect.objectContaining({ key: 'none', respondents: 4, suppressed: true, index: null }),
    ]);
    expect(body.minGroupSize).toBe(5);
  });

  it("shows a client manager their organization's campaigns and results only; 404 to everyone else", async () => {
    const id = campaign.second;
    expect((await results(id, managerA)).statusCode).toBe(200);
    expect((await managerA.request('GET', `/api/v1/campaigns/${id}/export?format=csv`)).statusCode).toBe(200);
    expect((await managerA.request('GET', '/api/v1/campaigns')).json().items).toHaveLength(4);
    for (const client of [managerB, requesterA]) {
      expect((await results(id, client)).statusCode).toBe(404);
      expect((await client.request('GET', `/api/v1/campaigns/${id}/export?format=xlsx`)).statusCode).toBe(404);
      expect((await client.request('GET', `/api/v1/campaigns/${id}`)).statusCode).toBe(404);
    }
    expect((await managerB.request('GET', '/api/v1/campaigns')).json().items).toEqual([]);
    expect((await managerB.request('GET', `/api/v1/campaigns?organizationId=${organizationId}`)).json().items).toEqual(
      [],
    );
    expect((await requesterA.request('GET', '/api/v1/campaigns')).statusCode).toBe(404);
  });

  it('exports a CSV safe for a spreadsheet and an XLSX with a summary', async () => {
    const csv = await desk.request('GET', `/api/v1/campaigns/${campaign.second}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="campaign-${campaign.second}.csv"`);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('response,day,role,language,services,speed,care,recommend,comment');
    expect(lines).toHaveLength(31);
    expect(lines[1]).toMatch(/^resp-[^,]+,2026-12-03,client_manager,en,,3,3,10,El portal va lento 0$/);
    expect(lines[6]).toMatch(/,requester,es,ERP,3,na,10,$/);
    expect(lines[4]).toContain(`"'=HYPERLINK(""http://evil"")"`);

    const xlsx = await desk.request('GET', `/api/v1/campaigns/${campaign.second}/export?format=xlsx`);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const responses = workbook.getWorksheet('Responses');
    expect(responses?.getCell('F1').value).toBe('speed');
    expect(responses?.getCell('F2').value).toBe(3);
    const summary = workbook.getWorksheet('Summary');
    expect(summary?.getRow(1).values).toEqual(expect.arrayContaining(['dimension', 'index', 'indexChange']));
    expect(summary?.getCell('A3').value).toBe('responsiveness');
    expect(summary?.getCell('E3').value).toBe(75);

    const wrong = await desk.request('GET', `/api/v1/campaigns/${campaign.second}/export?format=pdf`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toMatch(/format/);
  });

  it('lists the headline figures of closed campaigns for the analysis unit', async () => {
    for (const id of [campaign.first, campaign.second])
      expect((await desk.request('POST', `/api/v1/campaigns/${id}/close`)).statusCode).toBe(200);
    const series = await built.services.campaignResults.campaignIndexes(organizationId);
    expect(series.map((entry) => entry.campaignId)).toEqual([campaign.first, campaign.second]);
    // First: speed 90 + care 4 = 94 over 32 → mean 2.9375, index 48.4375; 4s and 5s 10/32 = 31.25%;
    // NPS (5 − 15)/30 = −33.3. The second as above.
    expect(series[0]).toMatchObject({ respondents: 30, index: 48.4375, topTwoBox: 31.25 });
    expect(series[0]?.nps).toBeCloseTo(-33.333, 3);
    expect(series[1]).toMatchObject({ respondents: 30, index: 75, topTwoBox: 65.625 });
  });

  it('breaks an anonymous campaign down by role, language and service, keeping no person', async () => {
    const people = [];
    for (let i = 0; i < 5; i++) {
      const user = await makeUser(built, ['requester'], organizationId);
      if (i < 2) await database().db.updateTable('users').set({ locale: 'en' }).where('id', '=', user.id).execute();
      await raise(await login(built, user.email), { serviceId });
      people.push(user);
    }
    const id = await create('Anónima', versions.v2, '2027-07-10T00:00:00Z', {
      anonymous: true,
      audience: { onlyUserIds: people.map((p) => p.id) },
    });
    expect((await desk.request('POST', `/api/v1/campaigns/${id}/open`)).statusCode).toBe(200);
    const invitations = await database()
      .db.selectFrom('outbound_mail')
      .select('text_body')
      .where('event', '=', 'campaign_invitation')
      .execute();
    let answered = 0;
    for (const { text_body } of invitations) {
      const token = /campaign-survey#token=([\w-]+)/.exec(text_body)?.[1] ?? '';
      const invitation = await database()
        .db.selectFrom('campaign_invitations')
        .select('id')
        .where('campaign_id', '=', id)
        .where('token_hash', '=', hashSecret(token))
        .executeTakeFirst();
      if (!invitation) continue;
      const sent = await desk.request('POST', '/api/v1/campaign-surveys/by-link/answers', {
        token,
        answers: { speed: 4, recommend: 9 },
      });
      expect(sent.statusCode).toBe(200);
      answered += 1;
    }
    expect(answered).toBe(5);
    const body = (await results(id)).json();
    const by = (field: string) => body.breakdowns.find((b: { by: string }) => b.by === field).groups;
    expect(by('service')).toEqual([
      { key: serviceId, name: 'ERP', respondents: 5, suppressed: false, index: 75, topTwoBox: 100, nps: 100 },
    ]);
    expect(by('language').map((g: { key: string; respondents: number }) => [g.key, g.respondents])).toEqual([
      ['es', 3],
      ['en', 2],
    ]);
    expect(by('role')).toEqual([expect.objectContaining({ key: 'requester', respondents: 5, suppressed: false })]);
    const rows = await database()
      .db.selectFrom('campaign_responses')
      .selectAll()
      .where('campaign_id', '=', id)
      .execute();
    for (const row of rows) {
      expect(row.user_id).toBeNull();
      for (const person of people) expect(JSON.stringify(row)).not.toContain(person.id);
    }
  });
});
