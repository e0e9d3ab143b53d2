import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { systemContext } from '../../platform/request-context.js';

const officeHours = {
  name: 'Oficina Santiago',
  timeZone: 'America/Santiago',
  weekly: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
  holidays: [{ month: 9, day: 18, name: 'Fiestas Patrias' }, { date: '2026-12-08' }],
};

describeOnEachDatabase('agreements and calendars', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let supervisor: Client;

  beforeAll(async () => {
    built = await buildTestApp(database());
    supervisor = await login(built, (await makeUser(built, ['supervisor'])).email);
  });

  it('keeps business calendars with their zone, weekly hours and holidays', async () => {
    const created = await supervisor.request('POST', '/api/v1/calendars', officeHours);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ timeZone: 'America/Santiago', holidays: officeHours.holidays, version: 1 });
    const bad = await supervisor.request('POST', '/api/v1/calendars', {
      ...officeHours,
      name: 'Marte',
      timeZone: 'Mars/Olympus',
      weekly: { 1: [{ start: '25:00', end: '18:00' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('weekly.1.0.start');
    const zone = await supervisor.request('POST', '/api/v1/calendars', {
      ...officeHours,
      name: 'Marte',
      timeZone: 'Mars/Olympus',
    });
    expect(zone.json().errors).toEqual([{ field: 'timeZone', message: expect.stringContaining('not a time zone') }]);
    const updated = await supervisor.request('PATCH', `/api/v1/calendars/${created.json().id}`, {
      version: 1,
      weekly: { ...officeHours.weekly, 6: [{ start: '22:00', end: '02:00' }] },
    });
    expect(updated.json().weekly['6']).toEqual([{ start: '22:00', end: '02:00' }]);
  });

  it('gives each organization one agreement with targets per priority, checked', async () => {
    const organization = await makeOrganization(built);
    const service = await built.services.organizations.createService(systemContext, organization.id, { name: 'ERP' });
    const calendar = (
      await supervisor.request('POST', '/api/v1/calendars', { ...officeHours, name: `Cal ${organization.id}` })
    ).json();
    const body = {
      organizationId: organization.id,
      name: 'Acuerdo 2026',
      calendarId: calendar.id,
      serviceIds: [service.id],
      targets: [
        { priority: 1, firstResponseMinutes: 15, resolutionMinutes: 240 },
        { priority: 2, firstResponseMinutes: 60, resolutionMinutes: 480 },
        { priority: 2, type: 'request', firstResponseMinutes: 120, resolutionMinutes: 1440 },
      ],
      levelMinutes: { L1: 30 },
    };
    const created = await supervisor.request('POST', '/api/v1/agreements', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      pausingReasons: ['requester', 'third_party'],
      warnAt: [0.5, 0.75, 0.9],
      levelMinutes: { L1: 30, L2: null },
    });
    expect((await supervisor.request('POST', '/api/v1/agreements', body)).statusCode).toBe(409);

    const other = await makeOrganization(built);
    const wrong = await supervisor.request('POST', '/api/v1/agreements', {
      ...body,
      organizationId: other.id,
      calendarId: 'missing',
      targets: [{ priority: 1, firstResponseMinutes: 60, resolutionMinutes: 30 }],
    });
    expect(
      wrong
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['calendarId', 'serviceIds', 'targets.0.resolutionMinutes']);

    const edited = await supervisor.request('PATCH', `/api/v1/agreements/${created.json().id}`, {
      version: 1,
      warnAt: [0.9, 0.5],
    });
    expect(edited.json()).toMatchObject({ warnAt: [0.5, 0.9], version: 2 });
    const audit = (await supervisor.request('GET', `/api/v1/audit-events?entityId=${created.json().id}`)).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['agreement.updated', 'agreement.created']);
  });

  it('lets agents read agreements but only supervisors and admins change them', async () => {
    const agent = await login(built, (await makeUser(built, ['agent'])).email);
    expect((await agent.request('GET', '/api/v1/agreements')).statusCode).toBe(200);
    expect((await agent.request('POST', '/api/v1/calendars', { ...officeHours, name: 'Agente' })).statusCode).toBe(403);
    const requester = await login(
      built,
      (await makeUser(built, ['requester'], (await makeOrganization(built)).id)).email,
    );
    expect((await requester.request('GET', '/api/v1/agreements')).statusCode).toBe(403);
  });
  it('imports holidays from an iCalendar file, once each', async () => {
    const calendar = (
      await supervisor.request('POST', '/api/v1/calendars', { ...officeHours, name: 'Con feriados' })
    ).json();
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260101',
      'RRULE:FREQ=YEARLY',
      'SUMMARY:Año Nuevo',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20261208',
      'SUMMARY:Inmaculada Concepción',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const url = `/api/v1/calendars/${calendar.id}/holidays/import`;
    const imported = await supervisor.request('POST', url, { version: 1, ics });
    expect(imported.statusCode).toBe(200);
    // 8 December was already there; New Year is added as a yearly date.
    expect(imported.json().holidays).toEqual([...officeHours.holidays, { month: 1, day: 1, name: 'Año Nuevo' }]);
    const empty = await supervisor.request('POST', url, { version: 2, ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ field: 'ics', message: 'holds no all-day events to take as holidays' }]);
    expect((await supervisor.request('POST', url, { version: 1, ics })).statusCode).toBe(409);
  });

  it('checks the escalation matrix: one level per moment, someone to tell, staff only', async () => {
    const organization = await makeOrganization(built);
    const calendar = (
      await supervisor.request('POST', '/api/v1/calendars', { ...officeHours, name: `M ${organization.id}` })
    ).json();
    const requester = await makeUser(built, ['requester'], organization.id);
    const response = await supervisor.request('POST', '/api/v1/agreements', {
      organizationId: organization.id,
      name: 'Con matriz',
      calendarId: calendar.id,
      targets: [{ priority: 3, firstResponseMinutes: 60, resolutionMinutes: 480 }],
      escalations: [
        { target: 'resolution', percent: 75, notify: ['group_lead'] },
        { target: 'resolution', percent: 75, notify: ['supervisors'] },
        { target: 'resolution', percent: 100, notify: [] },
        { target: 'resolution', percent: 100, afterMinutes: 240, notify: [], userIds: [requester.id] },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'escalations.1', message: 'another level fires at the same moment of the same target' },
      { field: 'escalations.2.notify', message: 'a level must notify someone or escalate' },
      { field: 'escalations.3.userIds', message: `${requester.id} is not an active staff member` },
    ]);
    // Without a matrix an agreement starts with the default one.
    const plain = await supervisor.request('POST', '/api/v1/agreements', {
      organizationId: organization.id,
      name: 'Por defecto',
      calendarId: calendar.id,
      targets: [{ priority: 3, firstResponseMinutes: 60, resolutionMinutes: 480 }],
    });
    expect(plain.json().escalations).toEqual([
      { target: 'first_response', percent: 100, notify: ['assignee', 'group_lead'] },
      { target: 'resolution', percent: 75, notify: ['group_lead'] },
      { target: 'resolution', percent: 100, notify: ['group_lead', 'supervisors'], escalate: true },
    ]);
  });
});
