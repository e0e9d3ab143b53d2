import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { outboxOnlyMail, startTestSmtp } from '../../../test/support/mail-desk.js';
import { buildTestApp, type Client, login, makeOrganization, makeUser } from '../../../test/support/test-app.js';
import { systemContext } from '../../platform/request-context.js';

/**
 * Bounces of notices Mesa sent, from the corpus (09–11, 77–79): each fixture quotes a notice by
 * its Message-ID, Mesa's outbound id header or In-Reply-To; the test gives one of the desk's real
 * notices that identity, as if Mesa had sent exactly the message the report answers.
 */
const FIXTURES = new URL('../../../test/fixtures/mail/', import.meta.url);
const DESK = 'soporte@mesa.test';
const TOKEN = 'bounce-doors-token';

describeOnEachDatabase('bounces of what Mesa sent', (database) => {
  let built: Awaited<ReturnType<typeof buildTestApp>>;
  let agent: Client;
  let admin: Client;
  let requester: Client;
  const db = () => database().db;
  let sequence = 0;

  const inbound = (id: string) =>
    db().selectFrom('inbound_mail').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const userByEmail = (email: string) =>
    db().selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

  async function hand(raw: Buffer) {
    const { id } = await built.services.mailIntake.accept(raw, { from: null, to: [DESK] }, 'http');
    await expect.poll(async () => (await inbound(id)).status, { timeout: 10_000, interval: 20 }).not.toBe('received');
    return inbound(id);
  }

  /** A requester writes in: their ticket, and the acknowledgment Mesa wrote them. */
  async function ticketOf(from: string) {
    sequence += 1;
    const mail = await hand(
      Buffer.from(
        [
          `From: ${from}`,
          `To: ${DESK}`,
          `Subject: Caso ${sequence}`,
          `Message-ID: <b-${sequence}@x.test>`,
          '',
          'Hola',
        ].join('\r\n'),
      ),
    );
    const notice = await db()
      .selectFrom('outbound_mail')
      .selectAll()
      .where('ticket_id', '=', mail.ticket_id as string)
      .executeTakeFirstOrThrow();
    return { ticketId: mail.ticket_id as string, notice };
  }

  const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));
  const bounceEvents = (ticketId: string) =>
    db()
      .selectFrom('ticket_events')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .where('kind', '=', 'mail_bounced')
      .execute();

  beforeAll(async () => {
    built = await buildTestApp(database(), {
      mail: outboxOnlyMail({
        from: `Mesa Soporte <${DESK}>`,
        inboundToken: TOKEN,
      }),
    });
    const clinica = await makeOrganization(built, 'Clínica Andina');
    const banco = await makeOrganization(built, 'Banco Sur');
    await built.services.mailAdmin.createMailbox(systemContext, {
      address: DESK,
      name: 'Soporte',
      organizationId: null,
    });
    await built.services.mailAdmin.addDomain(systemContext, { domain: 'clinica.test', organizationId: clinica.id });
    await built.services.mailAdmin.addDomain(systemContext, { domain: 'banco.test', organizationId: banco.id });
    agent = await login(built, (await makeUser(built, ['agent'])).email);
    admin = await login(built, (await makeUser(built, ['admin'])).email);
    requester = await login(built, (await makeUser(built, ['requester'], clinica.id)).email);
  });

  afterAll(() => built?.services.mailOutbox.close());

  it('records an Exchange NDR on the ticket of the notice it quotes, for staff only', async () => {
    const clinica = await db()
      .selectFrom('organizations')
      .select('id')
      .where('name', '=', 'Clínica Andina')
      .executeTakeFirstOrThrow();
    const own = await makeUser(built, ['requester'], clinica.id, { email: 'exfuncionaria@clinica.test' });
    const herself = await login(built, own.email);
    const { ticketId, notice } = await ticketOf('Ex Funcionaria <exfuncionaria@clinica.test>');
    await db()
      .updateTable('outbound_mail')
      .set({ message_id: '019a1f3c2b7e.4d5e6f70@mesa.test', status: 'sent' })
      .where('id', '=', notice.id)
      .execute();
    const report = await hand(fixture('09-bounce-dsn-exchange.eml'));
    expect(report).toMatchObject({ status: 'processed', outcome: 'bounce', ticket_id: ticketId, reason: null });

    const [event, ...more] = await bounceEvents(ticketId);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ internal: 1, actor_id: null });
    expect(JSON.parse(event?.changes as string)).toEqual([
      { field: 'recipient', from: null, to: 'exfuncionaria@clinica.test' },
      { field: 'notice', from: null, to: 'ticket_received' },
      { field: 'status', from: null, to: '5.1.10' },
      {
        field: 'diagnostic',
        from: null,
        to: '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
      },
    ]);
    const reason = '5.1.10 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup';
    const outbound = (await admin.request('GET', `/api/v1/mail/outbound?ticketId=${ticketId}`)).json().items;
    expect(outbound).toMatchObject([{ id: notice.id, status: 'bounced', lastError: reason }]);
    const person = await userByEmail('exfuncionaria@clinica.test');
    expect(person).toMatchObject({ mail_bounce_reason: reason });
    expect(person.mail_bounced_at).not.toBeNull();

    // Staff read it on the timeline (internal: requesters never see it) and beside the requester.
    const timeline = (await agent.request('GET', `/api/v1/tickets/${ticketId}/timeline`)).json().items;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'mail_bounced')).toMatchObject([{ internal: true }]);
    const delivery = await agent.request('GET', `/api/v1/users/${person.id}/mail-delivery`);
    expect(delivery.json()).toEqual({
      userId: person.id,
      address: 'exfuncionaria@clinica.test',
      bouncing: { since: person.mail_bounced_at, reason },
    });
    expect((await requester.request('GET', `/api/v1/users/${person.id}/mail-delivery`)).statusCode).toBe(403);
    const hers = (await herself.request('GET', `/api/v1/tickets/${ticketId}/timeline`)).json().items;
    expect(hers.length).toBeGreaterThan(0);
    expect(hers.map((e: { kind: string }) => e.kind)).not.toContain('mail_bounced');

    // A later mail from the address: it is read again.
    await ticketOf('exfuncionaria@clinica.test');
    expect((await userByEmail('exfuncionaria@clinica.test')).mail_bounced_at).toBeNull();
  });

  it('takes a bounce, and a sender of a mapped domain’s subdomain, the same through SMTP and HTTP', async () => {
    const smtp = await startTestSmtp(built.services);
    const doors = {
      smtp: (raw: Buffer) => smtp.send.sendMail({ envelope: { from: '', to: [DESK] }, raw }),
      http: async (raw: Buffer) => {
        const answer = await built.app.inject({
          method: 'POST',
          url: '/api/v1/mail/inbound/raw',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822' },
          payload: raw,
        });
        expect(answer.statusCode).toBe(202);
      },
    };
    const settledBy = async (where: 'subject' | 'from_address', value: string) => {
      const row = () => db().selectFrom('inbound_mail').selectAll().where(where, '=', value).executeTakeFirst();
      await expect.poll(async () => (await row())?.status ?? 'absent').toMatch(/^(processed|ignored|failed)$/);
      return (await row()) as NonNullable<Awaited<ReturnType<typeof row>>>;
    };
    try {
      for (const [door, send] of Object.entries(doors)) {
        // The Postfix report, quoting a notice this door's ticket really got.
        const { ticketId, notice } = await ticketOf(`cajero.${door}@banco.test`);
        const original = `door-${door}.7c8d9e0f@mesa.test`;
        await db().updateTable('outbound_mail').set({ message_id: original }).where('id', '=', notice.id).execute();
        const report = fixture('10-bounce-postfix-undelivered.eml')
          .toString('latin1')
          .replace('019a1f41aa02.7c8d9e0f@mesa.test', original)
          .replaceAll('cajero.114@banco.test', `cajero.${door}@banco.test`)
          .replace('Subject: Undelivered Mail Returned to Sender', `Subject: Undelivered (${door})`)
          // The report's own identity, so each door hands a new message rather than the same one twice.
          .replace('20260316150133.4Zk4R22VbKz2y@mx1.banco.test', `${door}.4Zk4R22VbKz2y@mx1.banco.test`);
        await send(Buffer.from(report, 'latin1'));
        expect(await settledBy('subject', `Undelivered (${door})`)).toMatchObject({
          status: 'processed',
          outcome: 'bounce',
          ticket_id: ticketId,
        });
        expect(await bounceEvents(ticketId)).toHaveLength(1);

        // Someone at a subdomain of clinica.test becomes a requester of the Clínica.
        const address = `ana.${door}@mail.clinica.test`;
        await send(
          Buffer.from(
            [
              `From: ${address}`,
              `To: ${DESK}`,
              `Subject: Desde ${door}`,
              `Message-ID: <sub-${door}@x.test>`,
              '',
              'Hola',
            ].join('\r\n'),
          ),
        );
        expect(await settledBy('from_address', address)).toMatchObject({ status: 'processed', outcome: 'ticket' });
        const clinica = await db()
          .selectFrom('organizations')
          .select('id')
          .where('name', '=', 'Clínica Andina')
          .executeTakeFirstOrThrow();
        expect(await userByEmail(address)).toMatchObject({ organization_id: clinica.id });
      }
    } finally {
      await smtp.close();
    }
  });

  it('records Postfix and qmail bounces, which quote the whole original', async () => {
    for (const [from, messageId, file, status] of [
      ['cajero.114@banco.test', '019a1f41aa02.7c8d9e0f@mesa.test', '10-bounce-postfix-undelivered.eml', '5.2.2'],
      ['practicante2025@clinica.test', '019a1f4a0c11.1a2b3c4d@mesa.test', '11-bounce-qmail-plain.eml', '5.1.1'],
    ] as const) {
      const { ticketId, notice } = await ticketOf(from);
      await db().updateTable('outbound_mail').set({ message_id: messageId }).where('id', '=', notice.id).execute();
      expect(await hand(fixture(file))).toMatchObject({ status: 'processed', outcome: 'bounce', ticket_id: ticketId });
      const [event] = await bounceEvents(ticketId);
      expect(JSON.parse(event?.changes as string)).toContainEqual({ field: 'status', from: null, to: status });
      expect((await userByEmail(from)).mail_bounce_reason?.startsWith(status)).toBe(true);
    }
  });

  it('matches by Mesa’s outbound id header alone, and by the report’s In-Reply-To alone', async () => {
    const byHeader = await ticketOf('jubilado.2019@banco.test');
    await db()
      .updateTable('outbound_mail')
      .set({ id: '01a7700000-mesa-outbound-77' })
      .where('id', '=', byHeader.notice.id)
      .execute();
    expect(await hand(fixture('77-bounce-outbound-id-header.eml'))).toMatchObject({
      outcome: 'bounce',
      ticket_id: byHeader.ticketId,
    });
    expect((await userByEmail('jubilado.2019@banco.test')).mail_bounce_reason).toBe(
      '5.1.1 550-5.1.1 The email account that you tried to reach does not exist.',
    );

    const byThread = await ticketOf('buzon.lleno@clinica.test');
    await db()
      .updateTable('outbound_mail')
      .set({ message_id: 'a78-original-notice@mesa.test' })
      .where('id', '=', byThread.notice.id)
      .execute();
    expect(await hand(fixture('78-bounce-in-reply-to-only.eml'))).toMatchObject({
      outcome: 'bounce',
      ticket_id: byThread.ticketId,
    });
    expect(await bounceEvents(byThread.ticketId)).toHaveLength(1);
  });

  it('keeps aside a delay notice and a report that answers nothing Mesa sent', async () => {
    const delayed = await ticketOf('lento@banco.test');
    await db()
      .updateTable('outbound_mail')
      .set({ message_id: 'a79-original-notice@mesa.test' })
      .where('id', '=', delayed.notice.id)
      .execute();
    expect(await hand(fixture('79-delay-notice.eml'))).toMatchObject({
      status: 'ignored',
      reason: 'automatic message (delivery report)',
      ticket_id: null,
    });
    expect(await bounceEvents(delayed.ticketId)).toEqual([]);
    expect((await userByEmail('lento@banco.test')).mail_bounced_at).toBeNull();

    // Not one of Mesa's Message-IDs: ignored, as before.
    const stranger = fixture('09-bounce-dsn-exchange.eml')
      .toString('latin1')
      .replaceAll('019a1f3c2b7e.4d5e6f70@mesa.test', 'nadie@mesa.test')
      .replace('b3c82d7e-1f4a', 'b3c82d7e-0000');
    expect(await hand(Buffer.from(stranger, 'latin1'))).toMatchObject({ status: 'ignored', ticket_id: null });
  });

  it('lets an admin clear a bouncing address, and no one else', async () => {
    const person = await userByEmail('cajero.114@banco.test');
    expect(person.mail_bounced_at).not.toBeNull();
    const url = `/api/v1/users/${person.id}/mail-delivery/bounce`;
    expect((await agent.request('DELETE', url)).statusCode).toBe(403);
    expect((await admin.request('DELETE', url)).statusCode).toBe(204);
    expect((await admin.request('GET', `/api/v1/users/${person.id}/mail-delivery`)).json().bouncing).toBeNull();
    const audit = await db()
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('action', '=', 'mail_bounce.cleared')
      .execute();
    expect(audit).toEqual([{ action: 'mail_bounce.cleared', entity_id: person.id }]);
  });
});
