import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import * as migration from '../../db/migrations/20261207_0024_mail_senders_bounces.js';
import { systemContext } from '../../platform/request-context.js';

const DESK = 'soporte@mesa.test';

describeOnEachDatabase('where senders land', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let client: { id: string };
  let clientOps: { id: string };
  const db = () => database().db;
  let sequence = 0;

  /** Hands a message to the intake and waits for it to settle; answers its row. */
  async function arrives(from: string, to = DESK) {
    sequence += 1;
    const raw = Buffer.from(
      [
        `From: ${from}`,
        `To: ${to}`,
        `Subject: Consulta ${sequence}`,
        `Message-ID: <sender-${sequence}@test>`,
        '',
        'Hola',
      ].join('\r\n'),
    );
    const { id } = await built.services.mailIntake.accept(raw, { from, to: [to] }, 'http');
    await expect.poll(async () => (await row(id)).status, { timeout: 10_000, interval: 20 }).not.toBe('received');
    return row(id);
  }
  const row = (id: string) =>
    db().selectFrom('inbound_mail').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const organizationOfTicket = async (ticketId: string | null) =>
    (
      await db()
        .selectFrom('tickets')
        .select('organization_id')
        .where('id', '=', ticketId as string)
        .executeTakeFirstOrThrow()
    ).organization_id;

  beforeAll(async () => {
    built = await buildTestApp(database());
    client = await makeOrganization(built, 'Cliente');
    clientOps = await makeOrganization(built, 'Cliente Operaciones');
    await built.services.mailAdmin.createMailbox(systemContext, {
      address: DESK,
      name: 'Soporte',
      organizationId: null,
      unknownSenderOrganizationId: null,
    });
    await built.services.mailAdmin.addDomain(systemContext, { domain: 'client.test', organizationId: client.id });
    await built.services.mailAdmin.addDomain(systemContext, {
      domain: 'ops.client.test',
      organizationId: clientOps.id,
    });
  });

  afterAll(() => built?.services.mailOutbox.close());

  it('puts a subdomain’s sender in the client of the mapped domain, the most specific mapping winning', async () => {
    const mail = await arrives('ana@mail.client.test');
    expect(mail).toMatchObject({ status: 'processed', outcome: 'ticket' });
    expect(await organizationOfTicket(mail.ticket_id)).toBe(client.id);
    const exact = await arrives('bea@client.test');
    expect(await organizationOfTicket(exact.ticket_id)).toBe(client.id);
    const ops = await arrives('carla@noc.ops.client.test');
    expect(await organizationOfTicket(ops.ticket_id)).toBe(clientOps.id);
    const opsExact = await arrives('dora@OPS.Client.test');
    expect(await organizationOfTicket(opsExact.ticket_id)).toBe(clientOps.id);
  });

  it('does not take a domain that only ends like a mapped one', async () => {
    const lookalike = await arrives('eva@notclient.test');
    expect(lookalike).toMatchObject({ status: 'failed', ticket_id: null });
    expect(lookalike.reason).toBe(
      'unknown sender eva@notclient.test: map the domain notclient.test to an organization, or choose an organization for unknown senders on the mailbox, then reprocess',
    );
  });

  it('keeps unknown senders waiting, or takes them into the organization the mailbox chose', async () => {
    const waiting = await arrives('fede@stranger.test');
    expect(waiting.status).toBe('failed');
    const fallback = await makeOrganization(built, 'Particulares');
    const admin = await login(built, (await makeUser(built, ['admin'])).email);
    const [mailbox] = (await admin.request('GET', '/api/v1/mailboxes')).json().items;
    expect(mailbox).toMatchObject({ organizationId: null, unknownSenderOrganizationId: null });
    const refused = await admin.request('PATCH', `/api/v1/mailboxes/${mailbox.id}`, {
      version: mailbox.version,
      unknownSenderOrganizationId: '00000000-0000-7000-8000-000000000000',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'unknownSenderOrganizationId', message: 'no such organization' }]);
    const changed = await admin.request('PATCH', `/api/v1/mailboxes/${mailbox.id}`, {
      version: mailbox.version,
      unknownSenderOrganizationId: fallback.id,
    });
    expect(changed.json()).toMatchObject({ organizationId: null, unknownSenderOrganizationId: fallback.id });

    const again = await admin.request('POST', `/api/v1/mail/inbound/${waiting.id}/reprocess`);
    expect(again.json()).toMatchObject({ status: 'processed', outcome: 'ticket' });
    expect(await organizationOfTicket((await row(waiting.id)).ticket_id)).toBe(fallback.id);
    // A mapped domain still wins over the mailbox's choice.
    expect(await organizationOfTicket((await arrives('gabi@sub.client.test')).ticket_id)).toBe(client.id);
  });

  it('keeps what a mailbox that had an organization did: unknown senders join it', async () => {
    const own = await makeOrganization(built, 'Laboratorio');
    const created = await built.services.mailAdmin.createMailbox(systemContext, {
      address: 'lab@mesa.test',
      name: 'Laboratorio',
      organizationId: own.id,
    });
    expect(created.unknownSenderOrganizationId).toBe(own.id);
    const mail = await arrives('hugo@elsewhere.test', 'lab@mesa.test');
    expect(await organizationOfTicket(mail.ticket_id)).toBe(own.id);
  });

  it('migrates a mailbox with an organization to take unknown senders into it, and one without to keep them waiting', async () => {
    const own = await makeOrganization(built, 'Migrada');
    await migration.down(db());
    const at = new Date().toISOString();
    const base = { service_id: null, group_id: null, active: 1, version: 1, created_at: at, updated_at: at };
    await db()
      .insertInto('mailboxes')
      .values([
        { ...base, id: 'mb-with', address: 'with@mesa.test', name: 'Con', organization_id: own.id } as never,
        { ...base, id: 'mb-without', address: 'without@mesa.test', name: 'Sin', organization_id: null } as never,
      ])
      .execute();
    await migration.up(db());
    const rows = await db()
      .selectFrom('mailboxes')
      .select(['id', 'unknown_sender_organization_id'])
      .where('id', 'in', ['mb-with', 'mb-without'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'mb-with', unknown_sender_organization_id: own.id },
      { id: 'mb-without', unknown_sender_organization_id: null },
    ]);
  });
});
