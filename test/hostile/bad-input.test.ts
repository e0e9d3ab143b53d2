import type { LightMyRequestResponse, RouteOptions } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { MONTH_PATTERN } from '../../domain/contracts/common.js';
import { buildApp } from '../../server/app.js';
import { createLogger } from '../../server/platform/logger.js';
import { describeOnEachDatabase } from '../support/databases.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser, TEST_CONFIG } from '../support/test-app.js';
import { raise, ticketWorld } from '../support/tickets.js';

/**
 * The hostile-input suite: what an attacker sends, generated over every registered route of the API.
 * Every case must answer a 4xx problem+json with a `code`, write nothing, and never answer 500 —
 * on SQLite and PostgreSQL alike (PostgreSQL refuses NUL bytes, year 0000 and a string compared
 * with a timestamp where SQLite quietly stores or compares text).
 */

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  additionalProperties?: unknown;
}

const NUL = '\u0000';
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const cursorOf = (values: unknown[]) => b64(JSON.stringify(values));

/** Cursors no list ever produced, whatever its sort: each is refused by every list. */
const FORGED_CURSORS: [string, string][] = [
  ['characters outside base64url', '!!!%%%***'],
  ['base64url of text that is not JSON', b64('not json at all')],
  ['a JSON object instead of an array', b64('{"id":"x","created_at":"2026-01-01T00:00:00Z"}')],
  ['an empty array', b64('[]')],
  ['nulls', b64('[null,null]')],
  ['nested arrays', b64('[[1],[2]]')],
  ['booleans', b64('[true,false]')],
  ['an infinite number', b64('[1e999,1e999]')],
  ['a NUL byte as the only value', cursorOf([NUL])],
  ['NUL bytes as two values', cursorOf([NUL, NUL])],
  ['NUL bytes as three values', cursorOf([NUL, NUL, NUL])],
  ['far too many values', cursorOf(Array.from({ length: 40 }, (_, i) => `v${i}`))],
];

const ABSURD_INSTANTS = [
  '0000-01-01T00:00:00Z',
  '1899-12-31T23:59:59Z',
  '3000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+010000-01-01T00:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-13-01T00:00:00Z',
];
const ABSURD_DAYS = ['0000-01-01', '1899-12-31', '9999-12-31', '2026-02-30'];
const ABSURD_MONTHS = ['0000-01', '1899-12', '3000-01', '9999-12', '10000-01', '2026-13'];
const looksLikeInstant = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value);

/** Fields a client must never set through a body that does not declare them. */
const PRIVILEGED_FIELDS: Record<string, unknown> = {
  organizationId: 'another-organization',
  roles: ['admin'],
  status: 'active',
  version: 99,
  id: 'chosen-by-attacker',
  createdAt: '2020-01-01T00:00:00Z',
  createdById: 'someone-else',
};

const methodsOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]);
const schemaOf = (route: RouteOptions) => (route.schema ?? {}) as Record<string, JsonSchema | undefined>;

/** A value the params schema accepts, so a case reaches the part it attacks. */
function sampleOf(schema: JsonSchema | undefined): string {
  if (!schema) return 'x';
  if (schema.const !== undefined) return String(schema.const);
  if (schema.enum?.length) return String(schema.enum[0]);
  if (schema.anyOf?.length) return sampleOf(schema.anyOf[0]);
  if (schema.format === 'hostname') return 'example.com';
  // A numbered path segment (a questionnaire's version number).
  if (schema.type === 'integer') return '1';
  return 'x';
}

/** The route's path with its params filled, and its required query parameters: what is under attack is appended. */
function urlOf(route: RouteOptions, params: Record<string, string> = {}, attacked?: string): string {
  const paramSchema = schemaOf(route).params?.properties ?? {};
  const path = route.url.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? sampleOf(paramSchema[name])),
  );
  const query = schemaOf(route).querystring as (JsonSchema & { required?: string[] }) | undefined;
  const required = (query?.required ?? [])
    .filter((name) => name !== attacked)
    .map((name) => `${name}=${encodeURIComponent(sampleOf(query?.properties?.[name]))}`);
  return `${path}?${required.join('&')}`;
}

const isText = (schema: JsonSchema | undefined): boolean =>
  !!schema && (schema.type === 'string' || (schema.anyOf ?? []).some((branch) => isText(branch)));
const isDate = (schema: JsonSchema | undefined, format: string): boolean =>
  !!schema && (schema.format === format || (schema.anyOf ?? []).some((branch) => isDate(branch, format)));

/** Every place in a body schema where `matches` holds, as the field name the API reports and a body reaching it. */
function fieldsWhere(
  schema: JsonSchema | undefined,
  matches: (schema: JsonSchema) => boolean,
  value: unknown,
): { field: string; body: unknown }[] {
  if (schema?.anyOf) return schema.anyOf.flatMap((branch) => fieldsWhere(branch, matches, value));
  const found: { field: string; body: unknown }[] = [];
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    if (matches(property)) found.push({ field: name, body: { [name]: value } });
    else if (property.type === 'array' && property.items) {
      if (matches(property.items)) found.push({ field: `${name}.0`, body: { [name]: [value] } });
      for (const inner of fieldsWhere(property.items, matches, value)) {
        found.push({ field: `${name}.0.${inner.field}`, body: { [name]: [inner.body] } });
      }
    } else if (property.type === 'object' || property.anyOf) {
      for (const inner of fieldsWhere(property, matches, value)) {
        found.push({ field: `${name}.${inner.field}`, body: { [name]: inner.body } });
      }
    }
  }
  return found;
}

describeOnEachDatabase('hostile input', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let staff: Client;
  let ticketId: string;
  let apiRoutes: RouteOptions[];
  /** Real values for path params, so a case gets past "not found" to the part under attack. */
  let params: Record<string, string>;

  beforeAll(async () => {
    built = await buildTestApp(database());
    world = await ticketWorld(built);
    staff = await login(built, (await makeUser(built, ['admin', 'supervisor', 'agent'])).email);
    await makeOrganization(built);
    await makeOrganization(built);
    ticketId = (await raise(world.requester)).id;
    await raise(world.requester, { subject: 'Segundo caso', type: 'request' });
    await raise(world.requester, { subject: 'Tercer caso', type: 'query' });
    await world.agent.request('POST', `/api/v1/tickets/${ticketId}/notes`, { bodyHtml: '<p>Revisando</p>' });
    for (const title of ['Reiniciar el ERP', 'Limpiar la caché']) {
      const created = await staff.request('POST', '/api/v1/procedures', {
        title,
        summary: 'Pasos conocidos',
        steps: ['Paso uno'],
        audience: 'L1',
      });
      if (created.statusCode !== 201) throw new Error(`procedure: ${created.body}`);
    }
    params = { id: ticketId, name: built.jobs[0]?.name ?? 'x' };
    apiRoutes = built.routes.filter((route) => route.url.startsWith('/api/v1') && !methodsOf(route).includes('HEAD'));
  });

  /** How many rows each table holds: a refused request leaves every count as it was. */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await database().db.introspection.getTables();
    const counts: Record<string, number> = {};
    for (const table of tables) {
      if (table.name.startsWith('kysely_')) continue;
      const row = await database()
        .db.selectFrom(table.name as never)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      counts[table.name] = Number(row.n);
    }
    return counts;
  }

  /** Runs the cases, then checks each answered a 4xx problem+json with a code, and that nothing was written. */
  async function attack(
    cases: { label: string; send: () => Promise<LightMyRequestResponse>; field?: string; message?: RegExp }[],
  ) {
    const before = await rowCounts();
    const wrong: string[] = [];
    for (const { label, send, field, message } of cases) {
      const response = await send();
      const body = String(response.headers['content-type']).includes('json') ? response.json() : undefined;
      const isProblem =
        response.statusCode >= 400 &&
        response.statusCode < 500 &&
        String(response.headers['content-type']).startsWith('application/problem+json') &&
        typeof body?.code === 'string';
      const named =
        !field ||
        (body?.errors ?? []).some(
          (e: { field: string; message: string }) => e.field === field && (!message || message.test(e.message)),
        );
      if (!isProblem || !named) wrong.push(`${label} → ${response.statusCode} ${response.body.slice(0, 300)}`);
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts()).toEqual(before);
    return cases.length;
  }

  const listsWithCursor = () =>
    apiRoutes.filter((route) => methodsOf(route).includes('GET') && schemaOf(route).querystring?.properties?.cursor);

  it('refuses forged cursors on every list', async () => {
    const lists = listsWithCursor();
    expect(lists.map((route) => route.url)).toEqual(
      expect.arrayContaining([
        '/api/v1/tickets',
        '/api/v1/users',
        '/api/v1/organizations',
        '/api/v1/audit-events',
        '/api/v1/procedures',
        '/api/v1/supervision/tickets',
        '/api/v1/tickets/:id/timeline',
        '/api/v1/jobs/:name/runs',
      ]),
    );
    const cases = lists.flatMap((route) =>
      FORGED_CURSORS.map(([kind, cursor]) => ({
        label: `GET ${route.url} with ${kind}`,
        send: () => staff.request('GET', `${urlOf(route, params)}&cursor=${encodeURIComponent(cursor)}`),
        field: 'cursor',
      })),
    );
    expect(await attack(cases)).toBeGreaterThanOrEqual(100);
  });

  it('refuses a real cursor tampered with, value by value, on every list and sort', async () => {
    const variants: { url: string; cursor: unknown[] }[] = [];
    for (const route of listsWithCursor()) {
      const sorts = route.url === '/api/v1/tickets' ? ['updated', 'created', 'priority'] : [undefined];
      for (const sort of sorts) {
        const url = `${urlOf(route, params)}&limit=1${sort ? `&sort=${sort}` : ''}`;
        const first = await staff.request('GET', url);
        const next = first.statusCode === 200 ? (first.json().nextCursor as string | null) : null;
        if (!next) continue;
        const real = JSON.parse(Buffer.from(next, 'base64url').toString('utf8')) as unknown[];
        const swap = (i: number, value: unknown) => real.map((v, j) => (j === i ? value : v));
        real.forEach((value, i) => {
          // The other type: a string where a number is compared, a number where text is.
          variants.push({ url, cursor: swap(i, typeof value === 'number' ? 'one' : 12345) });
          if (looksLikeInstant(value)) {
            for (const absurd of [...ABSURD_INSTANTS, 'yesterday', '']) variants.push({ url, cursor: swap(i, absurd) });
          }
        });
        // The last value is always the row's id.
        variants.push({ url, cursor: swap(real.length - 1, 'x'.repeat(65)) });
        variants.push({ url, cursor: swap(real.length - 1, `a${NUL}b`) });
        variants.push({ url, cursor: [...real, 'extra'] });
      }
    }
    const tampered = new Set(variants.map((v) => v.url.split('?')[0]));
    expect([...tampered]).toEqual(
      expect.arrayContaining(['/api/v1/tickets', '/api/v1/users', '/api/v1/organizations', '/api/v1/procedures']),
    );
    const cases = variants.map(({ url, cursor }) => ({
      label: `GET ${url} with cursor ${JSON.stringify(cursor)}`,
      send: () => staff.request('GET', `${url}&cursor=${cursorOf(cursor)}`),
      field: 'cursor',
    }));
    expect(await attack(cases)).toBeGreaterThanOrEqual(50);
  });

  it('refuses out-of-range dates in every date query parameter', async () => {
    const cases = apiRoutes
      .filter((route) => methodsOf(route).includes('GET'))
      .flatMap((route) =>
        Object.entries(schemaOf(route).querystring?.properties ?? {}).flatMap(([name, property]) => {
          const values = isDate(property, 'date-time')
            ? ABSURD_INSTANTS
            : isDate(property, 'date')
              ? ABSURD_DAYS
              : property.pattern === MONTH_PATTERN
                ? ABSURD_MONTHS
                : [];
          return values.map((value) => ({
            label: `GET ${route.url}?${name}=${value}`,
            send: () => staff.request('GET', `${urlOf(route, params, name)}&${name}=${encodeURIComponent(value)}`),
            field: name,
          }));
        }),
      );
    expect(cases.map((c) => c.label)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/tickets?createdFrom=0000-01-01T00:00:00Z',
        'GET /api/v1/tickets?createdTo=9999-12-31T23:59:59Z',
        'GET /api/v1/supervision/compliance?month=9999-12',
      ]),
    );
    expect(await attack(cases)).toBeGreaterThanOrEqual(20);
  });

  it('refuses out-of-range dates in every date field of a body', async () => {
    const cases = apiRoutes
      .filter((route) => ['POST', 'PATCH', 'PUT'].some((m) => methodsOf(route).includes(m as never)))
      .flatMap((route) => {
        const body = schemaOf(route).body;
        return [
          ...fieldsWhere(body, (s) => isDate(s, 'date-time'), '0000-01-01T00:00:00Z'),
          ...fieldsWhere(body, (s) => isDate(s, 'date-time'), '9999-12-31T23:59:59Z'),
          ...fieldsWhere(body, (s) => isDate(s, 'date'), '0000-01-01'),
          ...fieldsWhere(body, (s) => isDate(s, 'date'), '9999-12-31'),
        ].map(({ field, body: payload }) => ({
          label: `${methodsOf(route)[0]} ${route.url} ${JSON.stringify(payload)}`,
          send: () => staff.request(methodsOf(route)[0] as 'POST', urlOf(route, params), payload),
          field,
          message: /between 1900 and 2999/,
        }));
      });
    expect(cases.map((c) => c.label)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/tickets/:id/commitments {"promisedAt":"0000-01-01T00:00:00Z"}',
        'POST /api/v1/calendars {"holidays":[{"date":"9999-12-31"}]}',
      ]),
    );
    expect(await attack(cases)).toBeGreaterThanOrEqual(6);
  });

  it('refuses a NUL byte in every text field of every body', async () => {
    const cases = apiRoutes
      .filter((route) => ['POST', 'PATCH', 'PUT'].some((m) => methodsOf(route).includes(m as never)))
      .flatMap((route) =>
        fieldsWhere(schemaOf(route).body, isText, `a${NUL}b`).map(({ field, body }) => ({
          label: `${methodsOf(route)[0]} ${route.url} ${field}`,
          send: () => staff.request(methodsOf(route)[0] as 'POST', urlOf(route, params), body),
          field,
          message: /NUL byte/,
        })),
      );
    expect(cases.map((c) => c.label)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/tickets subject',
        'PATCH /api/v1/tickets/:id subject',
        'POST /api/v1/tickets/:id/notes bodyHtml',
        'POST /api/v1/organizations name',
        'POST /api/v1/users name',
        'POST /api/v1/tickets tags.0',
      ]),
    );
    expect(await attack(cases)).toBeGreaterThanOrEqual(80);
  });

  it('refuses a NUL byte in every query parameter and path id', async () => {
    const getRoutes = apiRoutes.filter((route) => methodsOf(route).includes('GET'));
    const inQuery = getRoutes.flatMap((route) =>
      Object.keys(schemaOf(route).querystring?.properties ?? {})
        .filter((name) => name !== 'limit')
        .map((name) => ({
          label: `GET ${route.url}?${name}=a%00b`,
          send: () => staff.request('GET', `${urlOf(route, params, name)}&${name}=a%00b`),
          field: name,
          message: /NUL byte/,
        })),
    );
    const inPath = getRoutes
      .filter((route) => route.url.includes(':id'))
      .map((route) => ({
        label: `GET ${route.url} with id a%00b`,
        send: () => staff.request('GET', urlOf(route, { ...params, id: `a${NUL}b` })),
        field: 'id',
        message: /NUL byte/,
      }));
    const cases = [...inQuery, ...inPath];
    expect(cases.map((c) => c.label)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/tickets?q=a%00b',
        'GET /api/v1/users?q=a%00b',
        'GET /api/v1/tickets/:id with id a%00b',
      ]),
    );
    expect(await attack(cases)).toBeGreaterThanOrEqual(40);
  });

  it('refuses privileged fields in every body that does not declare them', async () => {
    const cases = apiRoutes
      .filter((route) => ['POST', 'PATCH', 'PUT'].some((m) => methodsOf(route).includes(m as never)))
      .filter((route) => schemaOf(route).body?.additionalProperties === false)
      .flatMap((route) =>
        Object.entries(PRIVILEGED_FIELDS)
          .filter(([name]) => !schemaOf(route).body?.properties?.[name])
          .map(([name, value]) => ({
            label: `${methodsOf(route)[0]} ${route.url} with ${name}`,
            send: () => staff.request(methodsOf(route)[0] as 'POST', urlOf(route, params), { [name]: value }),
            field: name,
            message: /not a known field/,
          })),
      );
    expect(await attack(cases)).toBeGreaterThanOrEqual(150);
  });

  it('refuses mass assignment in otherwise valid requests, changing nothing', async () => {
    const other = await makeOrganization(built);
    const ticket = (await staff.request('GET', `/api/v1/tickets/${ticketId}`)).json();
    const validTicket = { type: 'incident', subject: 'Sin red', description: '<p>No hay red</p>' };
    const cases = [
      {
        label: 'a requester making herself admin',
        send: () => world.requester.request('PATCH', '/api/v1/me', { name: 'Ana', roles: ['admin'] }),
        field: 'roles',
      },
      {
        label: 'a requester moving herself to another organization',
        send: () => world.requester.request('PATCH', '/api/v1/me', { locale: 'en', organizationId: other.id }),
        field: 'organizationId',
      },
      {
        label: 'a requester activating or versioning herself',
        send: () => world.requester.request('PATCH', '/api/v1/me', { name: 'Ana', status: 'active', version: 1 }),
        field: 'status',
      },
      {
        label: "a requester raising a ticket in another organization's name",
        send: () => world.requester.request('POST', '/api/v1/tickets', { ...validTicket, organizationId: other.id }),
        field: 'organizationId',
      },
      {
        label: 'a requester raising a ticket already resolved',
        send: () => world.requester.request('POST', '/api/v1/tickets', { ...validTicket, status: 'resolved' }),
        field: 'status',
      },
      {
        label: 'a requester raising a ticket with a chosen priority and author',
        send: () =>
          world.requester.request('POST', '/api/v1/tickets', { ...validTicket, priority: 1, createdById: 'x' }),
        field: 'priority',
      },
      {
        label: 'an agent moving a ticket to another organization',
        send: () =>
          world.agent.request('PATCH', `/api/v1/tickets/${ticketId}`, {
            version: ticket.version,
            subject: 'Cambiado',
            organizationId: other.id,
          }),
        field: 'organizationId',
      },
      {
        label: 'an admin choosing an organization id',
        send: () =>
          staff.request('POST', '/api/v1/organizations', { name: 'Elegida', code: 'ELEGIDA', id: 'chosen-id' }),
        field: 'id',
      },
      {
        label: 'an admin creating an organization with a version',
        send: () => staff.request('POST', '/api/v1/organizations', { name: 'Versión', code: 'VERSION', version: 7 }),
        field: 'version',
      },
      {
        label: 'an admin creating a user already active with a chosen id',
        send: () =>
          staff.request('POST', '/api/v1/users', {
            email: 'mass@test.mesa',
            name: 'Mass',
            roles: ['agent'],
            status: 'active',
          }),
        field: 'status',
      },
      {
        label: 'a requester minting a token with roles',
        send: () => world.requester.request('POST', '/api/v1/me/tokens', { name: 'mío', roles: ['admin'] }),
        field: 'roles',
      },
    ];
    expect(await attack(cases)).toBe(11);
    const me = (await world.requester.request('GET', '/api/v1/me')).json();
    expect(me).toMatchObject({ roles: ['requester'], organizationId: world.organization.id });
    expect(me.name).toBe(world.requesterUser.name);
    const after = (await staff.request('GET', `/api/v1/tickets/${ticketId}`)).json();
    expect(after).toMatchObject({ subject: ticket.subject, version: ticket.version });
    expect((await staff.request('GET', '/api/v1/organizations/chosen-id')).statusCode).toBe(404);
  });
});

// What the edge cannot foresee still never reaches the client as a 500: PostgreSQL's data errors
// (SQLSTATE class 22) leave as a 400 `invalid_input` without the engine's words.
describeOnEachDatabase(
  'a value the database itself refuses',
  (database) => {
    it.each([
      ['22P02 invalid text representation', sql`select cast(${'once'} as integer) as n`],
      ['22003 numeric value out of range', sql`select cast(${'99999999999'} as integer) as n`],
      ['22008 datetime field overflow', sql`select cast(${'2026-02-30 10:00:00+00'} as timestamptz) as n`],
      ['22007 invalid datetime format', sql`select cast(${'mañana'} as timestamptz) as n`],
      ['22021 character not in repertoire', sql`select convert_from(${Buffer.from([0xff, 0xfe])}, 'UTF8') as n`],
    ])('answers %s as a 400 invalid_input', async (_, query) => {
      const { app } = await buildApp({ database: database(), config: TEST_CONFIG, logger: createLogger('silent') });
      app.get('/api/v1/probe', { config: { permission: 'public' } }, async () => query.execute(database().db));
      await app.ready();
      const response = await app.inject({ method: 'GET', url: '/api/v1/probe' });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem).toMatchObject({ status: 400, code: 'invalid_input' });
      expect(problem.detail).not.toMatch(/integer|timestamp|UTF8|syntax|range/i);
      await app.close();
    });
  },
  ['postgres'],
);
