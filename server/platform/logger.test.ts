import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { TEST_CONFIG, TEST_PASSWORD } from '../../test/support/test-app.js';
import { buildApp } from '../app.js';
import { createLogger } from './logger.js';
import { systemContext } from './request-context.js';

let database: TestDatabase;
const lines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase('sqlite');
});
afterAll(async () => {
  await database.destroy();
});

it('keeps passwords, cookies, CSRF tokens and API tokens out of the logs, and logs request ids', async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const { app, services } = await buildApp({ database, config: TEST_CONFIG, logger: createLogger('debug', sink) });
  await services.users.create(systemContext, {
    email: 'logged@test.mesa',
    name: 'Logged',
    roles: ['agent'],
    password: TEST_PASSWORD,
  });

  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'logged@test.mesa', password: TEST_PASSWORD },
  });
  const session = login.cookies.find((c) => c.name === 'mesa_session')?.value as string;
  const csrf = login.json().csrfToken as string;
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/me/tokens',
    headers: { cookie: `mesa_session=${session}`, 'x-csrf-token': csrf },
    payload: { name: 'ci' },
  });
  const secret = created.json().secret as string;
  await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } });
  // A failing request logs its error too.
  await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'logged@test.mesa', password: 'wrong-secret-here' },
  });
  // An error inside a handler is logged with its stack.
  app.log.error({ password: TEST_PASSWORD, token: secret }, 'an error with secrets attached');
  await app.close();

  const log = lines.join('');
  expect(log).toContain(String(login.headers['x-request-id']));
  for (const leaked of [TEST_PASSWORD, session, csrf, secret, 'wrong-secret-here']) {
    expect(log).not.toContain(leaked);
  }
});
