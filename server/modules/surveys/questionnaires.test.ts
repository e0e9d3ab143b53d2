import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGN_QUESTIONNAIRE } from '../../../domain/surveys/default-questionnaires.js';
import type { QuestionnaireDocument } from '../../../domain/surveys/questionnaire.js';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';

/** Questionnaires designed with the client: versions, the client managers' comments and approval. */
describeOnEachDatabase('questionnaires designed with the client', (database) => {
  const clock = fixedClock(new Date('2026-12-01T12:00:00Z'));
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let desk: Client;
  let manager: Client;
  let managerId: string;
  let otherManager: Client;
  let requester: Client;
  let organizationId: string;
  let otherOrganizationId: string;

  beforeAll(async () => {
    built = await buildTestApp(database(), { clock });
    const organization = await makeOrganization(built, 'Cliente Uno');
    const other = await makeOrganization(built, 'Cliente Dos');
    organizationId = organization.id;
    otherOrganizationId = other.id;
    desk = await login(built, (await makeUser(built, ['analyst'])).email);
    const managerUser = await makeUser(built, ['requester', 'client_manager'], organization.id);
    managerId = managerUser.id;
    manager = await login(built, managerUser.email);
    otherManager = await login(built, (await makeUser(built, ['requester', 'client_manager'], other.id)).email);
    requester = await login(built, (await makeUser(built, ['requester'], organization.id)).email);
  });

  const create = async (title = 'Encuesta semestral') => {
    const response = await desk.request('POST', '/api/v1/questionnaires', { organizationId, title });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; versions: { number: number; state: string }[] };
  };
  const version = (client: Client, id: string, n: number) =>
    client.request('GET', `/api/v1/questionnaires/${id}/versions/${n}`);
  const retitled = (document: QuestionnaireDocument, es: string): QuestionnaireDocument => ({
    sections: document.sections.map((section, s) =>
      s === 0 ? { ...section, title: { ...section.title, es } } : section,
    ),
  });

  it('starts from the default questionnaire; a draft changes, a shared or approved version never does', async () => {
    const questionnaire = await create();
    expect(questionnaire.versions).toMatchObject([{ number: 1, state: 'draft' }]);
    const draft = (await version(desk, questionnaire.id, 1)).json();
    expect(draft.document).toEqual(DEFAULT_CAMPAIGN_QUESTIONNAIRE);

    const edited = await desk.request('PATCH', `/api/v1/questionnaires/${questionnaire.id}/versions/1`, {
      version: draft.version,
      document: retitled(draft.document, 'Su atención'),
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().document.sections[0].title.es).toBe('Su atención');
    const stale = await desk.request('PATCH', `/api/v1/questionnaires/${questionnaire.id}/versions/1`, {
      version: draft.version,
      document: draft.document,
    });
    expect(stale.statusCode).toBe(409);

    // Not shared yet: the client manager does not learn it exists.
    expect((await manager.request('GET', `/api/v1/questionnaires/${questionnaire.id}`)).statusCode).toBe(404);
    const shared = await desk.request('POST', `/api/v1/questionnaires/${questionnaire.id}/versions/1/share`);
    expect(shared.json()).toMatchObject({ state: 'shared', sharedAt: '2026-12-01T12:00:00.000Z' });
    const frozen = await desk.request('PATCH', `/api/v1/questionnaires/${questionnaire.id}/versions/1`, {
      version: edited.json().version,
      document: draft.document,
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().detail).toMatch(/only a draft changes/);
    expect((await version(desk, questionnaire.id, 1)).json().document.sections[0].title.es).toBe('Su atención');

    // The desk cannot approve for the client; the client manager of the organization does.
    expect(
      (await desk.request('POST', `/api/v1/questionnaires/${questionnaire.id}/versions/1/approve`)).statusCode,
    ).toBe(404);
    const approved = await manager.request('POST', `/api/v1/questionnaires/${questionnaire.id}/versions/1/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', approvedById: managerId });

    // A later change is a new draft made from it; approving that supersedes version 1.
    const next = await desk.request('POST', `/api/v1/questionnaires/${questionnaire.id}/versions`, { fromNumber: 1 });
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ number: 2, state: 'draft', basedOnNumber: 1, id: expect.any(String) });
    const withoutLast = {
      sections: next
        .json()
        .document.sections.map((section: QuestionnaireDocument['sections'][number], s: number) =>
          s === 0 ? { ...section, questions: section.questions.slice(1) } : section,
        ),
    };
    await desk.request('PATCH', `/api/v1/questionnaires/${questionnaire.id}/versions/2`, {
      version: next.json().version,
      document: withoutLast,
    });
    expect((await manager.request('GET', `/api/v1/questionnaires/${questionnaire.id}`)).json().versions).toMatchObject([
      { number: 1, state: 'approved' },
    ]);
    await desk.request('POST', `/api/v1/questionnaires/${questionnaire.id}/versions/2/share`);
    await manager.request('POST', `/api/v1/questionnaires/${questionnaire.id}/versions/2/approve`);
    const both = (await manager.request('GET', `/api/v1/questionnaires/${questionnaire.id}`)).json();
    expect(both.versions).toMatchObject([
      { number: 1, state: 'superseded', supersededAt: '2026-12-01T12:00:00.000Z', id: approved.json().id },
      { number: 2, state: 'approved' },
    ]);
    const firstQuestion = DEFAULT_CAMPAIGN_QUESTIONNAIRE.sections[0]?.questions[0]?.id;
    const compared = (
      await manager.request('GET', `/api/v1/questionnaires/${questionnaire.id}/compare?from=1&to=2`)
    ).json();
    expect(compared.onlyInFrom).toEqual([firstQuestion]);
    expect(compared.onlyInTo).toEqual([]);
    expect(compared.shared).toHaveLength(13);

    const audit = await database()
      .db.selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', questionnaire.id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'questionnaire.created',
      'questionnaire.version_updated',
      'questionnaire.version_shared',
      'questionnaire.version_approved',
      'questionnaire.version_created',
      'questionnaire.version_updated',
      'questionnaire.version_shared',
      'questionnaire.version_approved',
    ]);
  });

  it('lets the client manager and the desk comment on a shared version', async () => {
    const questionnaire = await create('Con comentarios');
    const onDraft = await manager.request('POST', `/api/v1/questionnaires/${questionnaire.id}/versions/1/comments`, {
      body: 'Hola',
    });
    expect(onDraft.statusCode).toBe(404);
    await desk.request('POST', `/api/v1/questionnaires/${questionnaire.id}/versions/1/share`);
    const said = await manager.request('POST', `/api/v1/questionnaires/${questionnaire.id}/versions/1/comments`, {
      body: 'Agreguen una pregunta sobre el portal.',
    });
    expect(said.statusCode).toBe(201);
    await desk.request('POST', `/api/v1/questionnaires/${questionnaire.id}/versions/1/comments`, {
      body: 'Hecho en la versión 2.',
    });
    for (const reader of [desk, manager]) {
      const comments = (
        await reader.request('GET', `/api/v1/questionnaires/${questionnaire.id}/versions/1/comments`)
      ).json();
      expect(comments.items.map((c: { body: string }) => c.body)).toEqual([
        'Agreguen una pregunta sobre el portal.',
        'Hecho en la versión 2.',
      ]);
      expect(comments.items[0].authorId).toBe(managerId);
    }
    const list = (await manager.request('GET', '/api/v1/questionnaires')).json();
    expect(list.items.every((q: { organizationId: string }) => q.organizationId === organizationId)).toBe(true);
    expect(list.items.map((q: { id: string }) => q.id)).toContain(questionnaire.id);
  });

  it('keeps another organization’s client manager and a plain requester out: 404 everywhere', async () => {
    const questionnaire = await create('Privado');
    await desk.request('POST', `/api/v1/questionnaires/${questionnaire.id}/versions/1/share`);
    await manager.request('POST', `/api/v1/questionnaires/${questionnaire.id}/versions/1/comments`, { body: 'Bien' });
    const base = `/api/v1/questionnaires/${questionnaire.id}`;
    for (const outsider of [otherManager, requester]) {
      expect((await outsider.request('GET', base)).statusCode).toBe(404);
      expect((await outsider.request('GET', `${base}/versions/1`)).statusCode).toBe(404);
      expect((await outsider.request('GET', `${base}/versions/1/comments`)).statusCode).toBe(404);
      expect((await outsider.request('POST', `${base}/versions/1/comments`, { body: 'x' })).statusCode).toBe(404);
      expect((await outsider.request('POST', `${base}/versions/1/approve`)).statusCode).toBe(404);
      expect((await outsider.request('GET', `${base}/compare?from=1&to=1`)).statusCode).toBe(404);
      expect((await outsider.request('POST', `${base}/versions`, { fromNumber: 1 })).statusCode).toBe(404);
      expect((await outsider.request('POST', `${base}/versions/1/share`)).statusCode).toBe(404);
      expect(
        (await outsider.request('POST', '/api/v1/questionnaires', { organizationId, title: 'x' })).statusCode,
      ).toBe(404);
    }
    // Another organization's client manager lists only their own (none); a plain requester is told nothing exists.
    const listed = await otherManager.request('GET', `/api/v1/questionnaires?organizationId=${organizationId}`);
    expect(listed.json().items).toEqual([]);
    expect((await otherManager.request('GET', '/api/v1/questionnaires')).json().items).toEqual([]);
    expect((await requester.request('GET', '/api/v1/questionnaires')).statusCode).toBe(404);
    expect((await manager.request('GET', `${base}/versions/1`)).statusCode).toBe(200);
    const comments = await database().db.selectFrom('questionnaire_comments').select('body').execute();
    expect(comments.map((row) => row.body)).not.toContain('x');
    expect(otherOrganizationId).not.toBe(organizationId);
  });

  it('refuses a bad document naming the field, and changes nothing', async () => {
    const questionnaire = await create('Mal formado');
    const draft = (await version(desk, questionnaire.id, 1)).json();
    const bad = structuredClone(draft.document) as QuestionnaireDocument;
    const second = bad.sections[0]?.questions[1];
    if (!second) throw new Error('the default questionnaire has a second question');
    second.id = bad.sections[0]?.questions[0]?.id as string;
    second.text = { es: 'Sin inglés', en: '' };
    const refused = await desk.request('PATCH', `/api/v1/questionnaires/${questionnaire.id}/versions/1`, {
      version: draft.version,
      document: bad,
    });
    expect(refused.statusCode).toBe(400);
    const fields = refused.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('document.sections.0.questions.1.id');
    expect(fields).toContain('document.sections.0.questions.1.text.en');
    const after = (await version(desk, questionnaire.id, 1)).json();
    expect(after).toEqual(draft);
  });

  it('names fields the same way whether the schema or the questionnaire rules refuse them', async () => {
    const questionnaire = await create('Rutas');
    const draft = (await version(desk, questionnaire.id, 1)).json();
    const patch = (document: unknown) =>
      desk.request('PATCH', `/api/v1/questionnaires/${questionnaire.id}/versions/1`, {
        version: draft.version,
        document,
      });
    const schemaBad = structuredClone(draft.document);
    schemaBad.sections[0].id = 'Not An Id';
    const bySchema = await patch(schemaBad);
    expect(bySchema.statusCode).toBe(400);
    expect(bySchema.json().errors.map((e: { field: string }) => e.field)).toEqual(['document.sections.0.id']);
    const rulesBad = structuredClone(draft.document);
    rulesBad.sections[0].questions[0].text.en = ' ';
    const byRules = await patch(rulesBad);
    expect(byRules.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'document.sections.0.questions.0.text.en',
    ]);
  });

  it('takes client managers in the users API only as requesters of an organization', async () => {
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const user = (roles: string[], org: string | null) =>
      admin.request('POST', '/api/v1/users', {
        email: `cm-${roles.join('-')}-${Math.random().toString(36).slice(2)}@test.mesa`,
        name: 'Cliente',
        roles,
        organizationId: org,
      });
    expect((await user(['requester', 'client_manager'], organizationId)).statusCode).toBe(201);
    const alone = await user(['client_manager'], organizationId);
    expect(alone.statusCode).toBe(400);
    expect(alone.json().errors).toEqual([
      { field: 'roles', message: 'a client manager is also a requester of the organization' },
    ]);
    const staff = await user(['requester', 'client_manager', 'agent'], organizationId);
    expect(staff.json().errors).toEqual([{ field: 'roles', message: 'a requester cannot also hold a staff role' }]);
    const noOrganization = await user(['requester', 'client_manager'], null);
    expect(noOrganization.json().errors).toEqual([
      { field: 'organizationId', message: 'a requester must belong to an organization' },
    ]);
  });
});
