import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeUser } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';
import { systemContext } from '../../platform/request-context.js';

const LIBRARY = [
  {
    audience: 'L1',
    title: 'Desbloquear cuenta de usuario',
    summary: 'Cuando el usuario no puede iniciar sesión por contraseña bloqueada.',
    steps: ['Verificar identidad del solicitante', 'Desbloquear la cuenta en el directorio', 'Pedir que inicie sesión'],
  },
  {
    audience: 'L1',
    title: 'Impresora no imprime',
    summary: 'La impresora de red no responde o imprime hojas en blanco.',
    steps: ['Revisar cola de impresión', 'Reiniciar la impresora', 'Reinstalar el controlador'],
  },
  {
    audience: 'L2',
    specialty: 'Bases de datos',
    title: 'Liberar bloqueos en la base de datos del ERP',
    summary: 'Sesiones que bloquean tablas del ERP.',
    steps: ['Identificar la sesión bloqueante', 'Confirmar con el dueño del proceso', 'Terminar la sesión'],
  },
  {
    audience: 'requesters',
    title: 'Reset your VPN password',
    summary: 'How to reset the VPN password yourself from the self-service page.',
    steps: ['Open the self-service page', 'Choose "Forgot VPN password"', 'Follow the e-mail link'],
  },
  {
    audience: 'L1',
    title: 'Scanner cannot connect to the warehouse Wi-Fi',
    summary: 'Handheld scanners lose the Wi-Fi network in the warehouse.',
    steps: ['Forget the network on the scanner', 'Reconnect with the warehouse profile', 'Check the access point'],
  },
] as const;

describeOnEachDatabase('procedures', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let supervisor: Client;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    built = await buildTestApp(database());
    world = await ticketWorld(built);
    supervisor = await login(built, (await makeUser(built, ['supervisor'])).email);
    for (const article of LIBRARY) {
      const created = (await world.agent.request('POST', '/api/v1/procedures', article)).json();
      await world.agent.request('POST', `/api/v1/procedures/${created.id}/actions`, { version: 1, action: 'submit' });
      await supervisor.request('POST', `/api/v1/procedures/${created.id}/actions`, { version: 2, action: 'publish' });
      ids.set(article.title, created.id);
    }
  });

  it('goes from draft to review to published with a reviewer, keeping every version', async () => {
    const draft = await world.agent.request('POST', '/api/v1/procedures', {
      audience: 'L1',
      title: 'Restablecer correo en el móvil',
      summary: 'Configurar de nuevo el correo corporativo.',
      steps: ['Eliminar la cuenta', 'Agregarla otra vez'],
    });
    const procedure = draft.json();
    expect(procedure).toMatchObject({ status: 'draft', latestVersion: 1, publishedVersion: null, reviewer: null });
    const url = `/api/v1/procedures/${procedure.id}`;
    const selfPublish = await world.agent.request('POST', `${url}/actions`, { version: 1, action: 'publish' });
    expect(selfPublish.json().errors[0].field).toBe('action');
    await world.agent.request('POST', `${url}/actions`, { version: 1, action: 'submit' });
    const published = (await supervisor.request('POST', `${url}/actions`, { version: 2, action: 'publish' })).json();
    expect(published).toMatchObject({
      status: 'published',
      publishedVersion: 1,
      reviewer: { name: expect.any(String) },
    });

    const edited = (
      await world.agent.request('PATCH', url, {
        version: published.version,
        steps: ['Eliminar la cuenta', 'Reiniciar', 'Agregarla otra vez'],
      })
    ).json();
    expect(edited).toMatchObject({ status: 'published', latestVersion: 2, publishedVersion: 1, shownVersion: 2 });
    const versions = (await world.agent.request('GET', `${url}/versions`)).json().items;
    expect(versions.map((v: { number: number; steps: string[] }) => [v.number, v.steps.length])).toEqual([
      [2, 3],
      [1, 2],
    ]);
    const retired = await supervisor.request('POST', `${url}/actions`, { version: edited.version, action: 'retire' });
    expect(retired.json().status).toBe('retired');
    expect(
      (await world.agent.request('PATCH', url, { version: retired.json().version, title: 'Otro título' })).statusCode,
    ).toBe(409);
  });

  it('suggests the obviously right procedure first for realistic cases', async () => {
    const cases: [string, string][] = [
      ['no puedo iniciar sesion, mi cuenta esta bloqueada', 'Desbloquear cuenta de usuario'],
      ['la impresora del segundo piso imprime en blanco', 'Impresora no imprime'],
      ['el ERP está lento, hay bloqueos en la base de datos', 'Liberar bloqueos en la base de datos del ERP'],
      ['scanner keeps dropping the wifi in the warehouse', 'Scanner cannot connect to the warehouse Wi-Fi'],
      ['I forgot my VPN password', 'Reset your VPN password'],
    ];
    for (const [text, expected] of cases) {
      const suggestions = (
        await world.agent.request('GET', `/api/v1/procedures/suggestions?text=${encodeURIComponent(text)}`)
      ).json().items;
      expect(suggestions[0]?.procedure.title, text).toBe(expected);
    }
  });

  it('ranks a procedure linked to the category above a text match', async () => {
    const category = await built.services.categories.create(systemContext, { name: 'Cuentas' });
    const linked = ids.get('Desbloquear cuenta de usuario') as string;
    const current = (await world.agent.request('GET', `/api/v1/procedures/${linked}`)).json();
    const url = `/api/v1/procedures/${linked}`;
    const changed = (
      await world.agent.request('PATCH', url, { version: current.version, categoryIds: [category.id] })
    ).json();
    // A new link changes who is offered it: reviewed like an audience change before it is suggested.
    expect(changed.status).toBe('draft');
    const submitted = (
      await world.agent.request('POST', `${url}/actions`, { version: changed.version, action: 'submit' })
    ).json();
    await supervisor.request('POST', `${url}/actions`, { version: submitted.version, action: 'publish' });
    const suggestions = (
      await world.agent.request(
        'GET',
        `/api/v1/procedures/suggestions?categoryId=${category.id}&text=${encodeURIComponent('impresora')}`,
      )
    ).json().items;
    expect(suggestions[0].procedure.id).toBe(linked);
    expect(suggestions[0].reasons).toEqual(['category']);
  });

  it('never shows requesters the desk-only procedures, by list, search, suggestion or id', async () => {
    const listed = (await world.requester.request('GET', '/api/v1/procedures')).json().items;
    expect(listed.map((p: { title: string }) => p.title)).toEqual(['Reset your VPN password']);
    const searched = (
      await world.requester.request('GET', `/api/v1/procedures?q=${encodeURIComponent('bloqueos base datos')}`)
    ).json().items;
    expect(searched).toEqual([]);
    const suggested = (
      await world.requester.request(
        'GET',
        `/api/v1/procedures/suggestions?text=${encodeURIComponent('cuenta bloqueada VPN password')}`,
      )
    ).json().items;
    expect(suggested.map((s: { procedure: { audience: string } }) => s.procedure.audience)).toEqual(['requesters']);
    const deskOnly = ids.get('Desbloquear cuenta de usuario') as string;
    expect((await world.requester.request('GET', `/api/v1/procedures/${deskOnly}`)).statusCode).toBe(404);
    expect((await world.requester.request('POST', '/api/v1/procedures', LIBRARY[0])).statusCode).toBe(403);
  });

  it('records a procedure applied to a ticket and counts it', async () => {
    const ticket = await raise(world.requester, { subject: 'Cuenta bloqueada' });
    const procedureId = ids.get('Desbloquear cuenta de usuario') as string;
    const applied = await world.agent.request('POST', `/api/v1/tickets/${ticket.id}/procedures`, { procedureId });
    expect(applied.statusCode).toBe(201);
    expect((await world.agent.request('GET', `/api/v1/procedures/${procedureId}`)).json().timesApplied).toBe(1);
    const timeline = (await world.agent.request('GET', `/api/v1/tickets/${ticket.id}/timeline`)).json().items;
    expect(timeline.at(-1)).toMatchObject({ kind: 'procedure_applied', internal: true });
    const draft = (
      await world.agent.request('POST', '/api/v1/procedures', { ...LIBRARY[1], title: 'Borrador sin publicar' })
    ).json();
    const refused = await world.agent.request('POST', `/api/v1/tickets/${ticket.id}/procedures`, {
      procedureId: draft.id,
    });
    expect(refused.json().errors[0].field).toBe('procedureId');
  });

  it('keeps canned responses shared or personal', async () => {
    const shared = (
      await supervisor.request('POST', '/api/v1/canned-responses', {
        title: 'Saludo',
        bodyHtml: '<p>Hola</p>',
        shared: true,
      })
    ).json();
    await world.agent.request('POST', '/api/v1/canned-responses', {
      title: 'Mío',
      bodyHtml: '<p>Privado</p><script>x</script>',
    });
    const mine = (await world.agent.request('GET', '/api/v1/canned-responses')).json().items;
    expect(mine.map((c: { title: string }) => c.title)).toEqual(['Mío', 'Saludo']);
    expect(mine[0].bodyHtml).toBe('<p>Privado</p>');
    const theirs = (await supervisor.request('GET', '/api/v1/canned-responses')).json().items;
    expect(theirs.map((c: { title: string }) => c.title)).toEqual(['Saludo']);
    expect((await world.agent.request('DELETE', `/api/v1/canned-responses/${shared.id}`)).statusCode).toBe(404);
  });
});
