import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { outboxOnlyMail } from '../../../test/support/mail-desk.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { systemContext } from '../../platform/request-context.js';

const DAY = 86_400_000;

/** A campaign's calendar: scheduled opening by the job, one automatic reminder, cancelling, the suggestion. */
describeOnEachDatabase('campaign schedule', (database) => {
  const clock = fixedClock(new Date('2027-01-04T12:00:00Z'));
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let desk: Client;
  let deskEmail: string;
  let organizationId: string;
  let versionId: string;
  const emails: string[] = [];

  beforeAll(async () => {
    built = await buildTestApp(database(), {
      clock,
      mail: outboxOnlyMail({ from: 'Mesa <soporte@mesa.test>', publicUrl: 'https://mesa.example' }),
    });
    organizationId = (await makeOrganization(built, 'Cliente Calendario')).id;
    deskEmail = (await makeUser(built, ['analyst'])).email;
    desk = await login(built, deskEmail);
    const managerUser = await makeUser(built, ['requester', 'client_manager'], organizationId);
    const manager = await login(built, managerUser.email);
    emails.push(managerUser.email, (await makeUser(built, ['requester'], organizationId)).email);
    // The default campaign questionnaire, shared and approved as it comes.
    const questionnaireId = (
      await desk.request('POST', '/api/v1/questionnaires', { organizationId, title: 'Semestral' })
    ).json().id;
    versionId = (await desk.request('GET', `/api/v1/questionnaires/${questionnaireId}/versions/1`)).json().id;
    await desk.request('POST', `/api/v1/questionnaires/${questionnaireId}/versions/1/share`);
    const approved = await manager.request('POST', `/api/v1/questionnaires/${questionnaireId}/versions/1/approve`);
    expect(approved.statusCode).toBe(200);
  });
  afterAll(() => built.services.mailOutbox.close());

  const at = (offsetDays: number) => new Date(clock.now().getTime() + offsetDays * DAY).toISOString();
  const create = async (body: Record<string, unknown>) => {
    const response = await desk.request('POST', '/api/v1/campaigns', {
      organizationId,
      questionnaireVersionId: versionId,
      name: 'Campaña',
      anonymous: false,
      opensAt: at(2),
      closesAt: at(16),
      ...body,
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string };
  };
  const invitations = (campaignId: string) =>
    database().db.selectFrom('campaign_invitations').selectAll().where('campaign_id', '=', campaignId).execute();
  const mailsTo = async (event: string, campaignName: string) =>
    (await database().db.selectFrom('outbound_mail').selectAll().where('event', '=', event).execute()).filter((mail) =>
      mail.subject.includes(campaignName),
    );
  const runJob = () => built.services.campaigns.runSchedule(systemContext);
  const relogin = async () => {
    desk = await login(built, deskEmail); // days pass between steps; the session idles out
  };

  it('a scheduled campaign opens at opensAt by the job, inviting as opening by hand does', async () => {
    const campaign = await create({ name: 'Programada', reminderDaysBeforeClose: 3 });
    expect(campaign).toMatchObject({ state: 'draft', reminderDaysBeforeClose: 3, remindedAt: null });
    const scheduled = await desk.request('POST', `/api/v1/campaigns/${campaign.id}/schedule`);
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.json().state).toBe('scheduled');
    expect((await desk.request('POST', `/api/v1/campaigns/${campaign.id}/schedule`)).statusCode).toBe(409);

    expect(await runJob()).toEqual({ opened: 0, reminded: 0, closed: 0 });
    expect(await invitations(campaign.id)).toHaveLength(0);

    clock.set(new Date(Date.parse(at(2)) + 1000));
    await relogin();
    expect((await runJob()).opened).toBe(1);
    expect((await runJob()).opened).toBe(0);
    const shown = (await desk.request('GET', `/api/v1/campaigns/${campaign.id}`)).json();
    expect(shown).toMatchObject({ state: 'open', responseRate: { invited: 2, answered: 0 } });
    const mailed = await mailsTo('campaign_invitation', 'Programada');
    expect(mailed.map((mail) => mail.to_address).sort()).toEqual([...emails].sort());
  });

  it('sends the automatic reminder once, reminderDaysBeforeClose days before the close', async () => {
    const [campaign] = (await desk.request('GET', `/api/v1/campaigns?organizationId=${organizationId}`)).json().items;
    const closesAt = Date.parse(campaign.closesAt);
    clock.set(new Date(closesAt - 3 * DAY - 1000)); // a second early
    await relogin();
    expect((await runJob()).reminded).toBe(0);
    clock.set(new Date(closesAt - 3 * DAY));
    await relogin();
    expect((await runJob()).reminded).toBe(1);
    expect((await runJob()).reminded).toBe(0); // a second run (or instance) finds it claimed
    expect(await built.services.campaigns.remindDue(systemContext)).toBe(0);
    // The reminder's subject names the organization only; this is the one campaign that reminds here.
    const reminders = await database()
      .db.selectFrom('outbound_mail')
      .selectAll()
      .where('event', '=', 'campaign_reminder')
      .execute();
    expect(reminders.map((mail) => mail.to_address).sort()).toEqual([...emails].sort());
    const shown = (await desk.request('GET', `/api/v1/campaigns/${campaign.id}`)).json();
    expect(shown.remindedAt).toBe(new Date(closesAt - 3 * DAY).toISOString());

    clock.set(new Date(closesAt + 1000));
    await relogin();
    expect((await runJob()).closed).toBe(1);
  });

  it('closing a scheduled campaign by hand cancels it: nobody is ever invited', async () => {
    const campaign = await create({ name: 'Cancelada' });
    await desk.request('POST', `/api/v1/campaigns/${campaign.id}/schedule`);
    const closed = await desk.request('POST', `/api/v1/campaigns/${campaign.id}/close`);
    expect(closed.json()).toMatchObject({ state: 'closed', responseRate: { invited: 0 } });
    clock.set(new Date(Date.parse(at(3))));
    await relogin();
    expect((await runJob()).opened).toBe(0);
    expect(await invitations(campaign.id)).toHaveLength(0);
    expect(await mailsTo('campaign_invitation', 'Cancelada')).toHaveLength(0);
  });

  it('refuses to schedule an opening in the past, and a reminder before the opening', async () => {
    const late = await create({ name: 'Tarde', opensAt: at(-1), closesAt: at(10) });
    const refused = await desk.request('POST', `/api/v1/campaigns/${late.id}/schedule`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/opensAt has passed/);
    // Opening by hand still works, from a draft.
    expect((await desk.request('POST', `/api/v1/campaigns/${late.id}/open`)).json().state).toBe('open');

    const tooEarly = await desk.request('POST', '/api/v1/campaigns', {
      organizationId,
      questionnaireVersionId: versionId,
      name: 'Recordatorio imposible',
      anonymous: false,
      opensAt: at(2),
      closesAt: at(5),
      reminderDaysBeforeClose: 4,
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().errors).toEqual([
      { field: 'reminderDaysBeforeClose', message: 'the reminder would go out before the campaign opens' },
    ]);
  });

  it('suggests the next campaign month of the agreements and the latest approved version', async () => {
    // No agreement: semiannual (May, November), read in UTC. 1 May 2027 is a Saturday.
    clock.set(new Date('2027-02-10T12:00:00Z'));
    await relogin();
    const suggested = await desk.request('GET', `/api/v1/campaigns/suggestion?organizationId=${organizationId}`);
    expect(suggested.statusCode).toBe(200);
    expect(suggested.json()).toEqual({
      opensAt: '2027-05-03T09:00:00.000Z',
      closesAt: '2027-05-24T09:00:00.000Z',
      questionnaireVersionId: versionId,
    });

    // An agreement in Santiago asking for March: 1 March 2027, 09:00 there (UTC−3).
    const calendar = await built.services.agreements.createCalendar(systemContext, {
      name: 'Oficina',
      timeZone: 'America/Santiago',
      weekly: { 1: [{ start: '09:00', end: '18:00' }] },
    });
    const agreement = await built.services.agreements.createAgreement(systemContext, {
      organizationId,
      name: 'Acuerdo',
      calendarId: calendar.id,
      targets: [{ priority: 3, firstResponseMinutes: 60, resolutionMinutes: 480 }],
    });
    const supervisor = await login(built, (await makeUser(built, ['supervisor'])).email);
    const settings = (await supervisor.request('GET', `/api/v1/agreements/${agreement.id}/ticket-survey`)).json();
    expect(settings.campaignMonths).toEqual([5, 11]);
    const { agreementId: _a, updatedAt: _u, ...body } = settings;
    for (const campaignMonths of [[], [0], [3, 3]]) {
      const bad = await supervisor.request('PUT', `/api/v1/agreements/${agreement.id}/ticket-survey`, {
        ...body,
        campaignMonths,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toMatch(/^campaignMonths/);
    }
    const put = await supervisor.request('PUT', `/api/v1/agreements/${agreement.id}/ticket-survey`, {
      ...body,
      campaignMonths: [9, 3],
    });
    expect(put.json().campaignMonths).toEqual([3, 9]);
    const again = (await desk.request('GET', `/api/v1/campaigns/suggestion?organizationId=${organizationId}`)).json();
    expect(again).toMatchObject({ opensAt: '2027-03-01T12:00:00.000Z', closesAt: '2027-03-22T12:00:00.000Z' });

    const requester = await login(built, emails[1] ?? '');
    expect(
      (await requester.request('GET', `/api/v1/campaigns/suggestion?organizationId=${organizationId}`)).statusCode,
    ).toBe(404);
  });
});
