import type { LightMyRequestResponse } from 'fastify';
import { systemContext } from '../../server/platform/request-context.js';
import { type buildTestApp, type Client, login, makeOrganization, makeUser } from './test-app.js';

type Built = Awaited<ReturnType<typeof buildTestApp>>;

/** An organization with one service, a requester signed in, and an agent signed in. */
export async function ticketWorld(built: Built) {
  const organization = await makeOrganization(built);
  const service = await built.services.organizations.createService(systemContext, organization.id, { name: 'ERP' });
  const requesterUser = await makeUser(built, ['requester'], organization.id);
  const agentUser = await makeUser(built, ['agent']);
  return {
    organization,
    service,
    requesterUser,
    agentUser,
    requester: await login(built, requesterUser.email),
    agent: await login(built, agentUser.email),
  };
}

export async function raise(client: Client, body: Record<string, unknown> = {}) {
  const response = await client.request('POST', '/api/v1/tickets', {
    type: 'incident',
    subject: 'El ERP no abre',
    description: '<p>Desde esta mañana el ERP muestra un error de configuración.</p>',
    ...body,
  });
  if (response.statusCode !== 201) throw new Error(`raise failed: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** A multipart/form-data body with one file field, as a browser would send it. */
export function multipart(fileName: string, content: Buffer, field = 'file') {
  const boundary = `----mesa${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(
  client: Client,
  url: string,
  fileName: string,
  content: Buffer,
): Promise<LightMyRequestResponse> {
  const body = multipart(fileName, content);
  return client.request('POST', url, body.payload, { 'content-type': body.contentType });
}

export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
