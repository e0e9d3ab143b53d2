import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { EICAR } from '../../../test/support/archives.js';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, type Client, login, makeUser, TEST_CONFIG } from '../../../test/support/test-app.js';
import { raise, ticketWorld } from '../../../test/support/tickets.js';
import { newId } from '../../platform/ids.js';

/**
 * The quarantine screen's API. Rows are written as conversation.service writes them when clamd
 * finds a virus (that path is tested against a real clamd in attachment-scanning.test.ts): one
 * uploaded to a ticket, one that came with a mail whose ticket was made after it was refused.
 */
describeOnEachDatabase('quarantine', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof ticketWorld>>;
  let admin: Client;
  const db = () => database().db;
  const fileOf = (key: string) => join(TEST_CONFIG.dataDir, 'files', key);

  async function quarantined(fields: { ticketId: string | null; requestId: string; fileName: string; at: string }) {
    const id = newId(Date.parse(fields.at));
    const key = `quarantine/2026-12/${id}`;
    mkdirSync(dirname(fileOf(key)), { recursive: true });
    writeFileSync(fileOf(key), EICAR);
    await db()
      .insertInto('quarantined_files')
      .values({
        id,
        ticket_id: fields.ticketId,
        file_name: fields.fileName,
        size: EICAR.length,
        sha256: createHash('sha256').update(EICAR).digest('hex'),
        storage_key: key,
        signature: 'Mesa-Test-EICAR.UNOFFICIAL',
        uploaded_by_id: world.requesterUser.id,
        request_id: fields.requestId,
        created_at: fields.at,
      })
      .execute();
    return { id, key };
  }

  let uploaded: { id: string; key: string };
  let mailed: { id: string; key: string };
  let ticket: { id: string; number: string };
  let mailTicket: { id: string; number: string };
  const mailId = newId();

  beforeAll(async () => {
    built = await buildTestApp(database());
    world = await ticketWorld(built);
    admin = await login(built, (await makeUser(built, ['admin'])).email);
    ticket = await raise(world.requester, { subject: 'Factura de diciembre' });
    mailTicket = await raise(world.requester, { subject: 'Virus adjunto' });
    await db()
      .insertInto('inbound_mail')
      .values({
        id: mailId,
        via: 'http',
        received_at: '2026-12-07T09:00:00.000Z',
        envelope_from: 'ana@clinica.test',
        envelope_to: 'soporte@mesa.test',
        fingerprint: `quarantine-test-${mailId}`,
        message_id: '<virus@clinica.test>',
        from_address: 'ana@clinica.test',
        subject: 'Virus adjunto',
        size: 1000,
        raw_key: `mail/${mailId}`,
        status: 'processed',
        reason: null,
        ticket_id: mailTicket.id,
        outcome: 'ticket',
        attempts: 1,
        processed_at: '2026-12-07T09:00:01.000Z',
      })
      .execute();
    uploaded = await quarantined({
      ticketId: ticket.id,
      requestId: 'request-1',
      fileName: 'factura.txt',
      at: '2026-12-07T08:00:00.000Z',
    });
    mailed = await quarantined({
      ticketId: null,
      requestId: `mail:${mailId}`,
      fileName: 'eicar.com.txt',
      at: '2026-12-07T09:00:00.500Z',
    });
  });

  it('lists quarantined files newest first, with the ticket or the mail each came with', async () => {
    const response = await admin.request('GET', '/api/v1/quarantine');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items).toEqual([
      {
        id: mailed.id,
        fileName: 'eicar.com.txt',
        size: EICAR.length,
        sha256: createHash('sha256').update(EICAR).digest('hex'),
        signature: 'Mesa-Test-EICAR.UNOFFICIAL',
        createdAt: '2026-12-07T09:00:00.500Z',
        ticket: { id: mailTicket.id, number: mailTicket.number, subject: 'Virus adjunto' },
        mail: { id: mailId, from: 'ana@clinica.test', subject: 'Virus adjunto' },
        uploadedBy: { id: world.requesterUser.id, name: world.requesterUser.name },
      },
      expect.objectContaining({
        id: uploaded.id,
        fileName: 'factura.txt',
        ticket: { id: ticket.id, number: ticket.number, subject: 'Factura de diciembre' },
        mail: null,
      }),
    ]);
  });

  it('is for admins only, and serves no quarantined bytes to anyone', async () => {
    for (const client of [world.agent, world.requester]) {
      expect((await client.request('GET', '/api/v1/quarantine')).statusCode).toBe(403);
      expect((await client.request('DELETE', `/api/v1/quarantine/${uploaded.id}`)).statusCode).toBe(403);
    }
    for (const url of [`/api/v1/quarantine/${uploaded.id}/content`, `/api/v1/attachments/${uploaded.id}/content`]) {
      const response = await admin.request('GET', url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('EICAR');
    }
    expect(existsSync(fileOf(uploaded.key))).toBe(true);
  });

  it('deletes a quarantined file: its record, its bytes, and an audit entry', async () => {
    const response = await admin.request('DELETE', `/api/v1/quarantine/${uploaded.id}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(existsSync(fileOf(uploaded.key))).toBe(false);
    const left = (await admin.request('GET', '/api/v1/quarantine')).json().items;
    expect(left.map((file: { id: string }) => file.id)).toEqual([mailed.id]);
    const audit = (
      await admin.request('GET', `/api/v1/audit-events?entityType=quarantined_file&entityId=${uploaded.id}`)
    ).json();
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'quarantined_file.deleted',
        changes: {
          before: expect.objectContaining({ fileName: 'factura.txt', signature: 'Mesa-Test-EICAR.UNOFFICIAL' }),
          after: null,
        },
      }),
    ]);
    // Gone: a second delete, or an unknown id, is a 404 that changes nothing.
    expect((await admin.request('DELETE', `/api/v1/quarantine/${uploaded.id}`)).statusCode).toBe(404);
    expect((await admin.request('DELETE', `/api/v1/quarantine/${newId()}`)).statusCode).toBe(404);
    expect(existsSync(fileOf(mailed.key))).toBe(true);
  });
});
