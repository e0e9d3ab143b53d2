import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildAuthApp } from '../../../test/support/auth-app.js';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { type Client, login, makeUser } from '../../../test/support/test-app.js';

/** Who must use a second factor, as a desk setting admins edit, and MESA_MFA_REQUIRED_FOR winning over it. */
describeOnEachDatabase('security settings (second factor required)', (database) => {
  let built: Awaited<ReturnType<typeof buildAuthApp>>;
  let admin: Client;

  beforeAll(async () => {
    built = await buildAuthApp(database());
    admin = await login(built, (await makeUser(built, ['admin'])).email);
  });
  afterAll(async () => {
    await built.app.close();
  });

  const read = async () => (await admin.request('GET', '/api/v1/settings/security')).json();

  it('starts with no role required, and is for admins only', async () => {
    expect(await read()).toEqual({ mfaRequiredFor: [], setByEnvironment: false });
    const agent = await login(built, (await makeUser(built, ['agent'])).email);
    expect((await agent.request('GET', '/api/v1/settings/security')).statusCode).toBe(403);
    const refused = await agent.request('PUT', '/api/v1/settings/security', { mfaRequiredFor: [] });
    expect(refused.statusCode).toBe(403);
  });

  it('sends a supervisor without a second factor to enrol once the desk requires it, and lets them go when it no longer does', async () => {
    const supervisor = await login(built, (await makeUser(built, ['supervisor'])).email);
    expect((await supervisor.request('GET', '/api/v1/tickets')).statusCode).toBe(200);

    const saved = await admin.request('PUT', '/api/v1/settings/security', { mfaRequiredFor: ['supervisor', 'agent'] });
    expect(saved.statusCode, saved.body).toBe(200);
    // Stored in the order roles are listed.
    expect(saved.json()).toEqual({ mfaRequiredFor: ['agent', 'supervisor'], setByEnvironment: false });
    const sent = await supervisor.request('GET', '/api/v1/tickets');
    expect(sent.statusCode).toBe(403);
    expect(sent.json().code).toBe('mfa_enrolment_required');
    expect((await supervisor.request('GET', '/api/v1/me/mfa')).json()).toMatchObject({ required: true });
    // The admin is not among the roles: still at work.
    expect((await admin.request('GET', '/api/v1/tickets')).statusCode).toBe(200);

    expect((await admin.request('PUT', '/api/v1/settings/security', { mfaRequiredFor: [] })).statusCode).toBe(200);
    expect((await supervisor.request('GET', '/api/v1/tickets')).statusCode).toBe(200);
    const audit = await built.services.audit.list({ entityType: 'settings', entityId: 'security' });
    expect(audit.items[0]?.changes).toEqual({
      before: { mfaRequiredFor: ['agent', 'supervisor'] },
      after: { mfaRequiredFor: [] },
    });
  });

  it('refuses an unknown or repeated role by field, changing nothing', async () => {
    await admin.request('PUT', '/api/v1/settings/security', { mfaRequiredFor: ['analyst'] });
    for (const body of [
      { mfaRequiredFor: ['root'] },
      { mfaRequiredFor: ['agent', 'agent'] },
      { mfaRequiredFor: 'admin' },
      { mfaRequiredFor: ['agent'], extra: true },
    ]) {
      const response = await admin.request('PUT', '/api/v1/settings/security', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const unknown = await admin.request('PUT', '/api/v1/settings/security', { mfaRequiredFor: ['root'] });
    expect((unknown.json().errors as { field: string }[])[0]?.field).toMatch(/^mfaRequiredFor/);
    expect(await read()).toEqual({ mfaRequiredFor: ['analyst'], setByEnvironment: false });
  });

  it('lets MESA_MFA_REQUIRED_FOR win: the screen is told, a change is refused, and the desk value is not used', async () => {
    await admin.request('PUT', '/api/v1/settings/security', { mfaRequiredFor: ['analyst'] });
    // A second instance on the same database, started with the environment variable set.
    const withEnvironment = await buildAuthApp(database(), { mfaRequiredFor: ['supervisor'] });
    try {
      const envAdmin = await login(withEnvironment, (await makeUser(withEnvironment, ['admin'])).email);
      const shown = await envAdmin.request('GET', '/api/v1/settings/security');
      expect(shown.json()).toEqual({ mfaRequiredFor: ['supervisor'], setByEnvironment: true });
      const refused = await envAdmin.request('PUT', '/api/v1/settings/security', { mfaRequiredFor: [] });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toContain('MESA_MFA_REQUIRED_FOR');
      const analyst = await login(withEnvironment, (await makeUser(withEnvironment, ['analyst'])).email);
      expect((await analyst.request('GET', '/api/v1/me/mfa')).json()).toMatchObject({ required: false });
      const supervisor = await login(withEnvironment, (await makeUser(withEnvironment, ['supervisor'])).email);
      expect((await supervisor.request('GET', '/api/v1/tickets')).json().code).toBe('mfa_enrolment_required');
    } finally {
      await withEnvironment.app.close();
    }
    // The desk's own value is still there for when the variable is taken away.
    expect(await read()).toEqual({ mfaRequiredFor: ['analyst'], setByEnvironment: false });
  });
});
