import { beforeAll, expect, it } from 'vitest';
import { KPI_IDS } from '../../../domain/analysis/kpi-kinds.js';
import { DEFAULT_KPI_TARGETS } from '../../../domain/analysis/kpi-targets.js';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';

const officeHours = {
  timeZone: 'America/Santiago',
  weekly: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
  holidays: [],
};
const fcr = { target: 0.7, amber: 0.65, red: 0.55 };

/** The indicator catalog and each agreement's versioned targets, over the API. */
describeOnEachDatabase('indicator catalog and agreement targets', (database) => {
  // 02:00 UTC on 1 December is still 30 November, 23:00, in Santiago (UTC−3 in summer): the
  // agreement's month is November, whatever UTC says.
  const clock = fixedClock(new Date('2026-12-01T02:00:00Z'));
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let supervisor: Client;
  let analyst: Client;
  let agent: Client;
  let requester: Client;
  let calendarId: string;

  beforeAll(async () => {
    built = await buildTestApp(database(), { clock });
    supervisor = await login(built, (await makeUser(built, ['supervisor'])).email);
    analyst = await login(built, (await makeUser(built, ['analyst'])).email);
    agent = await login(built, (await makeUser(built, ['agent'])).email);
    const organization = await makeOrganization(built);
    requester = await login(built, (await makeUser(built, ['requester'], organization.id)).email);
    const calendar = await supervisor.request('POST', '/api/v1/calendars', { ...officeHours, name: 'Santiago' });
    calendarId = calendar.json().id;
  });

  /** A fresh agreement of a fresh organization, so each test starts with no target saved. */
  async function newAgreement(): Promise<string> {
    const organization = await makeOrganization(built);
    const created = await supervisor.request('POST', '/api/v1/agreements', {
      organizationId: organization.id,
      name: 'Acuerdo',
      calendarId,
      serviceIds: [],
      targets: [{ priority: 1, firstResponseMinutes: 15, resolutionMinutes: 240 }],
    });
    expect(created.statusCode).toBe(201);
    return created.json().id;
  }
  const targetsOf = (id: string, month?: string, client = analyst) =>
    client.request('GET', `/api/v1/agreements/${id}/kpi-targets${month ? `?month=${month}` : ''}`);
  const put = (id: string, body: unknown, client = analyst) =>
    client.request('PUT', `/api/v1/agreements/${id}/kpi-targets`, body);
  const storedVersions = (id: string) =>
    database().db.selectFrom('kpi_target_versions').select('version').where('agreement_id', '=', id).execute();

  it('lists all 18 indicators with names, formula, unit, direction and counting month, to any staff member', async () => {
    const response = await agent.request('GET', '/api/v1/kpis');
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((kpi: { id: string }) => kpi.id)).toEqual([...KPI_IDS]);
    expect(items).toHaveLength(18);
    const reopen = items.find((kpi: { id: string }) => kpi.id === 'reopen_rate');
    expect(reopen).toMatchObject({
      unit: 'ratio',
      better: 'down',
      countsIn: 'original_resolution',
      statistic: { kind: 'proportion' },
      defaultTarget: DEFAULT_KPI_TARGETS.reopen_rate,
    });
    expect(reopen.name.es).not.toBe(reopen.name.en);
    expect(reopen.formula.en.length).toBeGreaterThan(0);
    const resolution = items.find((kpi: { id: string }) => kpi.id === 'resolution_time');
    // Variant members beyond id, name and kind come through, not dropped by the serializer.
    expect(resolution.statistic).toMatchObject({ kind: 'duration', headline: 'p90' });
    expect(resolution.variants.map((v: { measure?: string }) => v.measure)).toContain('p90');
    expect(items.find((kpi: { id: string }) => kpi.id === 'volume').defaultTarget).toBeNull();
    expect((await requester.request('GET', '/api/v1/kpis')).statusCode).toBe(403);
  });

  it('answers the default template when no target was saved, in the calendar zone’s month', async () => {
    const id = await newAgreement();
    const response = await targetsOf(id, undefined, agent);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      agreementId: id,
      month: '2026-11',
      versions: [],
      current: { version: null, validFrom: null, targets: DEFAULT_KPI_TARGETS, isDefault: true },
    });
  });

  it('adds versions, never edits one, and judges each month by the version then in force', async () => {
    const id = await newAgreement();
    // November is still this month in Santiago, so it is not history yet.
    const first = await put(id, { validFrom: '2026-11', targets: { fcr } });
    expect(first.statusCode).toBe(200);
    expect(first.json().current).toEqual({ version: 1, validFrom: '2026-11', targets: { fcr }, isDefault: false });
    const stricter = { fcr: { target: 0.8, amber: 0.75, red: 0.7 }, csat: { target: 4.5, amber: 4.4, red: 4.1 } };
    const second = await put(id, { validFrom: '2027-02', targets: stricter }, supervisor);
    expect(second.statusCode).toBe(200);
    const body = second.json();
    expect(body.versions.map((v: { version: number; validFrom: string }) => [v.version, v.validFrom])).toEqual([
      [1, '2026-11'],
      [2, '2027-02'],
    ]);
    expect(body.versions[0].targets).toEqual({ fcr });
    expect(body.current.version).toBe(1);

    expect((await targetsOf(id, '2027-01')).json().current).toMatchObject({ version: 1, targets: { fcr } });
    expect((await targetsOf(id, '2027-02')).json().current).toMatchObject({ version: 2, targets: stricter });
    expect((await targetsOf(id, '2028-06')).json().current.version).toBe(2);
    // Before the first saved version, the template judged.
    expect((await targetsOf(id, '2026-10')).json().current).toMatchObject({ version: null, isDefault: true });

    const audit = (await supervisor.request('GET', `/api/v1/audit-events?entityId=${id}`)).json().items;
    expect(audit.filter((e: { action: string }) => e.action === 'agreement.kpi_targets_versioned')).toHaveLength(2);
  });

  it('refuses a wrong threshold naming the field, and stores nothing', async () => {
    const id = await newAgreement();
    const response = await put(id, {
      validFrom: '2026-12',
      targets: { fcr: { target: 0.7, amber: 0.8, red: 0.6 }, volume: { target: 10, amber: 10, red: 10 } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(
      response
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['targets.fcr.amber', 'targets.volume']);
    const notMonth = await put(id, { validFrom: '2026-13', targets: { fcr } });
    expect(notMonth.statusCode).toBe(400);
    expect(notMonth.json().errors.map((e: { field: string }) => e.field)).toEqual(['validFrom']);
    expect(await storedVersions(id)).toEqual([]);
  });

  it('refuses a validFrom already past in the calendar’s zone with 422, so history is not rewritten', async () => {
    const id = await newAgreement();
    const response = await put(id, { validFrom: '2026-10', targets: { fcr } });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual(['validFrom']);
    expect(await storedVersions(id)).toEqual([]);
  });

  it('lets only the analysis unit, supervisors and admins write, and keeps requesters out', async () => {
    const id = await newAgreement();
    expect((await targetsOf(id, undefined, requester)).statusCode).toBe(403);
    expect((await put(id, { validFrom: '2026-12', targets: { fcr } }, requester)).statusCode).toBe(403);
    expect((await put(id, { validFrom: '2026-12', targets: { fcr } }, agent)).statusCode).toBe(403);
    expect(await storedVersions(id)).toEqual([]);
    expect((await targetsOf('no-such-agreement')).statusCode).toBe(404);
    expect((await put('no-such-agreement', { validFrom: '2026-12', targets: { fcr } })).statusCode).toBe(404);
  });
});
