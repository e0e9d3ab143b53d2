import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type {
  CreateMailboxBody,
  CreateMailDomainBody,
  InboundMail,
  InboundQuery,
  Mailbox,
  MailDelivery,
  MailDomain,
  MailStatus,
  OutboundMail,
  OutboundQuery,
  UpdateMailboxBody,
} from '../../../domain/contracts/mail.js';
import { type MailConfig, parseImapUrl } from '../../config.js';
import type { DB, InboundMailTable, MailboxTable, OutboundMailTable } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, pageOf } from '../../platform/cursor.js';
import { AppError, conflictOnUnique, type FieldError, notFound, validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { BlobStorage } from '../../platform/storage.js';
import type { AuditService } from '../audit/audit.service.js';
import * as repo from './mail.repository.js';
import { MAX_MESSAGE_BYTES } from './mail-intake.service.js';

const addressTaken = conflictOnUnique('address', 'another mailbox has this address');
const domainTaken = conflictOnUnique('domain', 'this domain is already mapped');

const toMailbox = (row: MailboxTable): Mailbox => ({
  id: row.id,
  address: row.address,
  name: row.name,
  organizationId: row.organization_id,
  serviceId: row.service_id,
  groupId: row.group_id,
  unknownSenderOrganizationId: row.unknown_sender_organization_id,
  active: row.active === 1,
  version: row.version,
});

const toInbound = (row: InboundMailTable): InboundMail => ({
  id: row.id,
  via: row.via,
  receivedAt: row.received_at,
  from: row.from_address,
  to: JSON.parse(row.envelope_to),
  subject: row.subject,
  messageId: row.message_id,
  size: row.size,
  status: row.status,
  reason: row.reason,
  ticketId: row.ticket_id,
  outcome: row.outcome,
  attempts: row.attempts,
});

const toOutbound = (row: OutboundMailTable): OutboundMail => ({
  id: row.id,
  ticketId: row.ticket_id,
  event: row.event,
  to: row.to_address,
  subject: row.subject,
  messageId: row.message_id,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

/** What the admin sets up for mail (mailboxes, domains) and the log of what came in and went out. */
export class MailAdminService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly storage: BlobStorage,
  ) {}

  async listMailboxes(): Promise<Mailbox[]> {
    return (await repo.listMailboxes(this.db)).map(toMailbox);
  }

  private async checkPlacement(db: Kysely<DB>, body: Partial<CreateMailboxBody>, organizationId: string | null) {
    const issues: FieldError[] = [];
    if (body.organizationId && !(await repo.organizationExists(db, body.organizationId)))
      issues.push({ field: 'organizationId', message: 'no such organization' });
    if (body.unknownSenderOrganizationId && !(await repo.organizationExists(db, body.unknownSenderOrganizationId)))
      issues.push({ field: 'unknownSenderOrganizationId', message: 'no such organization' });
    if (body.serviceId) {
      const serviceOrganizationId = await repo.organizationOfService(db, body.serviceId);
      if (!serviceOrganizationId || serviceOrganizationId !== organizationId)
        issues.push({ field: 'serviceId', message: "is not a service of the mailbox's organization" });
    }
    if (body.groupId && !(await repo.groupExists(db, body.groupId)))
      issues.push({ field: 'groupId', message: 'no such group' });
    if (issues.length > 0) throw validationError(issues);
  }

  async createMailbox(ctx: RequestContext, body: CreateMailboxBody): Promise<Mailbox> {
    const at = this.clock.now().toISOString();
    const row: MailboxTable = {
      id: newId(),
      address: body.address.trim().toLowerCase(),
      name: body.name.trim(),
      organization_id: body.organizationId ?? null,
      service_id: body.serviceId ?? null,
      group_id: body.groupId ?? null,
      // Not said: as before the choice was its own, unknown senders join the mailbox's organization.
      unknown_sender_organization_id:
        body.unknownSenderOrganizationId === undefined
          ? (body.organizationId ?? null)
          : body.unknownSenderOrganizationId,
      active: 1,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    return this.db
      .transaction()
      .execute(async (trx) => {
        await this.checkPlacement(trx, body, row.organization_id);
        await repo.insertMailbox(trx, row);
        await this.audit.record(trx, ctx, {
          action: 'mailbox.created',
          entityType: 'mailbox',
          entityId: row.id,
          after: toMailbox(row),
        });
        return toMailbox(row);
      })
      .catch(addressTaken);
  }

  async updateMailbox(ctx: RequestContext, id: string, body: UpdateMailboxBody): Promise<Mailbox> {
    return this.db.transaction().execute(async (trx) => {
      const before = (await repo.listMailboxes(trx)).find((m) => m.id === id);
      if (!before) throw notFound('Mailbox');
      const organizationId = body.organizationId === undefined ? before.organization_id : body.organizationId;
      const serviceId = body.serviceId === undefined ? before.service_id : body.serviceId;
      await this.checkPlacement(trx, { ...body, serviceId }, organizationId);
      const changes: Partial<MailboxTable> = { updated_at: this.clock.now().toISOString() };
      if (body.name !== undefined) changes.name = body.name.trim();
      if (body.organizationId !== undefined) changes.organization_id = body.organizationId;
      if (body.serviceId !== undefined) changes.service_id = body.serviceId;
      if (body.groupId !== undefined) changes.group_id = body.groupId;
      if (body.unknownSenderOrganizationId !== undefined)
        changes.unknown_sender_organization_id = body.unknownSenderOrganizationId;
      if (body.active !== undefined) changes.active = body.active ? 1 : 0;
      const row = await repo.updateMailbox(trx, id, body.version, changes);
      if (!row)
        throw new AppError('version_conflict', `The mailbox is at version ${before.version}, not ${body.version}`);
      await this.audit.record(trx, ctx, {
        action: 'mailbox.updated',
        entityType: 'mailbox',
        entityId: id,
        before: toMailbox(before),
        after: toMailbox(row),
      });
      return toMailbox(row);
    });
  }

  async listDomains(): Promise<MailDomain[]> {
    return (await repo.listDomains(this.db)).map((row) => ({
      domain: row.domain,
      organization: { id: row.organization_id, name: row.organization_name },
    }));
  }

  async addDomain(ctx: RequestContext, body: CreateMailDomainBody): Promise<MailDomain> {
    const domain = body.domain.toLowerCase();
    return this.db
      .transaction()
      .execute(async (trx) => {
        const organization = await repo.findOrganizationName(trx, body.organizationId);
        if (!organization) throw validationError([{ field: 'organizationId', message: 'no such organization' }]);
        await repo.insertDomain(trx, domain, organization.id, this.clock.now().toISOString());
        await this.audit.record(trx, ctx, {
          action: 'mail_domain.added',
          entityType: 'mail_domain',
          entityId: domain,
          organizationId: organization.id,
          after: { domain, organizationId: organization.id },
        });
        return { domain, organization };
      })
      .catch(domainTaken);
  }

  async removeDomain(ctx: RequestContext, domain: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const result = await repo.deleteDomain(trx, domain.toLowerCase());
      if (Number(result.numDeletedRows) === 0) throw notFound('Domain');
      await this.audit.record(trx, ctx, {
        action: 'mail_domain.removed',
        entityType: 'mail_domain',
        entityId: domain.toLowerCase(),
        before: { domain },
      });
    });
  }

  async inbound(query: InboundQuery) {
    const limit = query.limit ?? 50;
    const [before] = (decodeCursor(query.cursor, ['id']) ?? []) as string[];
    const rows = await repo.listInbound(this.db, {
      status: query.status,
      ...(before ? { before } : {}),
      limit: limit + 1,
    });
    const page = pageOf(rows, limit, (row) => [row.id]);
    return { items: page.items.map(toInbound), nextCursor: page.nextCursor };
  }

  async outbound(query: OutboundQuery) {
    const limit = query.limit ?? 50;
    const [before] = (decodeCursor(query.cursor, ['id']) ?? []) as string[];
    const rows = await repo.listOutbound(this.db, {
      ticketId: query.ticketId,
      ...(before ? { before } : {}),
      limit: limit + 1,
    });
    const page = pageOf(rows, limit, (row) => [row.id]);
    return { items: page.items.map(toOutbound), nextCursor: page.nextCursor };
  }

  /** Every notice mailed about a ticket, newest first (a ticket's notices are few). */
  async noticesOf(ticketId: string): Promise<OutboundMail[]> {
    return (await repo.listOutbound(this.db, { ticketId, limit: 200 })).map(toOutbound);
  }

  /** What waits or failed, in and out. */
  counts() {
    return repo.mailCounts(this.db);
  }

  /** How mail comes in and goes out on this installation (settings come from the environment). */
  async status(config: MailConfig): Promise<MailStatus> {
    const counts = await this.counts();
    const relay = config.relayUrl ? new URL(config.relayUrl) : null;
    const imap = config.imap ? parseImapUrl(config.imap.url) : null;
    return {
      smtpListener: config.listenPort === null ? null : { host: config.listenHost, port: config.listenPort },
      httpIntake: config.inboundToken !== null,
      imap: imap && config.imap ? { server: `${imap.host}:${imap.port}`, folder: config.imap.folder } : null,
      relay: relay
        ? {
            server: `${relay.hostname}:${relay.port || (relay.protocol === 'smtps:' ? 465 : 25)}`,
            secure: relay.protocol === 'smtps:',
          }
        : null,
      from: config.from,
      maxMessageBytes: config.maxMessageBytes ?? MAX_MESSAGE_BYTES,
      ...counts,
    };
  }

  /** The addresses mail comes to the desk at: its active mailboxes, and the one it sends from. */
  async deskAddresses(from: string): Promise<Set<string>> {
    return new Set([...(await repo.activeMailboxAddresses(this.db)).map((row) => row.address), repo.addressOf(from)]);
  }

  async findInbound(id: string): Promise<InboundMail> {
    const row = await repo.findInbound(this.db, id);
    if (!row) throw notFound('Message');
    return toInbound(row);
  }

  /** Whether mail to this person bounces. */
  async mailDelivery(userId: string): Promise<MailDelivery> {
    const row = await repo.mailDeliveryOf(this.db, userId);
    if (!row) throw notFound('User');
    return {
      userId: row.id,
      address: row.email,
      bouncing:
        row.mail_bounced_at === null
          ? null
          : { since: row.mail_bounced_at, reason: row.mail_bounce_reason ?? 'delivery failed' },
    };
  }

  /** The admin says the address works again (the person fixed their mailbox, say); mail from it does the same. */
  async clearBounce(ctx: RequestContext, userId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await repo.mailDeliveryOf(trx, userId);
      if (!row) throw notFound('User');
      if (row.mail_bounced_at === null) return;
      await repo.clearAddressBouncing(trx, row.email);
      await this.audit.record(trx, ctx, {
        action: 'mail_bounce.cleared',
        entityType: 'user',
        entityId: row.id,
        before: { since: row.mail_bounced_at, reason: row.mail_bounce_reason },
      });
    });
  }

  /** The message as it was handed to Mesa, byte for byte, whatever became of it (failed ones too). */
  async rawOf(id: string): Promise<{ id: string; size: number; stream: Readable }> {
    const row = await repo.findInbound(this.db, id);
    if (!row) throw notFound('Message');
    return { id: row.id, size: row.size, stream: this.storage.read(row.raw_key) };
  }
}
