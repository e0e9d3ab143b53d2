import { Type } from 'typebox';
import { IdParams, ItemsOf, ListOf } from '../../../domain/contracts/common.js';
import {
  Accepted,
  CreateMailboxBody,
  CreateMailDomainBody,
  DomainParams,
  InboundMail,
  InboundQuery,
  Mailbox,
  MailDomain,
  MailStatus,
  MailTemplate,
  MailTemplateParams,
  OutboundMail,
  OutboundQuery,
  RawMailQuery,
  UpdateMailboxBody,
  UpdateMailTemplateBody,
} from '../../../domain/contracts/mail.js';
import type { MailConfig } from '../../config.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { App } from '../../platform/http.js';
import { sameSecret } from '../../platform/ids.js';
import type { TicketReadsService } from '../tickets/ticket-reads.service.js';
import type { MailAdminService } from './mail-admin.service.js';
import { type MailIntakeService, rawHeader } from './mail-intake.service.js';
import type { MailProcessorService } from './mail-processor.service.js';
import type { MailTemplatesService } from './mail-templates.service.js';

export function registerMailRoutes(
  app: App,
  deps: {
    mailAdmin: MailAdminService;
    mailIntake: MailIntakeService;
    mailProcessor: MailProcessorService;
    mailConfig: MailConfig;
    mailTemplates: MailTemplatesService;
    ticketReads: TicketReadsService;
  },
) {
  const tags = ['mail'];
  const { mailAdmin, mailIntake, mailProcessor, mailConfig, mailTemplates, ticketReads } = deps;

  app.get(
    '/mail/status',
    { config: { permission: 'mail.manage' }, schema: { tags, response: { 200: MailStatus } } },
    () => mailAdmin.status(mailConfig),
  );

  app.get(
    '/mail/templates',
    { config: { permission: 'mail.manage' }, schema: { tags, response: { 200: ItemsOf(MailTemplate) } } },
    async () => ({ items: await mailTemplates.list() }),
  );
  app.put(
    '/mail/templates/:locale/:event',
    {
      config: { permission: 'mail.manage' },
      schema: { tags, params: MailTemplateParams, body: UpdateMailTemplateBody, response: { 200: MailTemplate } },
    },
    (request) => mailTemplates.update(request.ctx, request.params.locale, request.params.event, request.body),
  );
  app.delete(
    '/mail/templates/:locale/:event',
    {
      config: { permission: 'mail.manage' },
      schema: { tags, params: MailTemplateParams, response: { 200: MailTemplate } },
    },
    (request) => mailTemplates.update(request.ctx, request.params.locale, request.params.event, null),
  );

  app.addContentTypeParser(
    'message/rfc822',
    { parseAs: 'buffer', bodyLimit: mailIntake.maxBytes },
    (_request, body, done) => done(null, body),
  );

  // An MTA pipe or a mail provider's inbound hook hands over the raw message. It carries its own
  // secret instead of a user's session, so the route is open to the network and checks it here.
  app.post(
    '/mail/inbound/raw',
    {
      config: { permission: 'public' },
      // The intake's limit, as the SMTP listener and the IMAP poller have it: over it, 413.
      bodyLimit: mailIntake.maxBytes,
      schema: { tags, querystring: RawMailQuery, response: { 202: Accepted } },
    },
    async (request, reply) => {
      const token = mailConfig.inboundToken;
      if (!token) throw new AppError('not_found', 'Taking mail over HTTP is not enabled (MESA_MAIL_INBOUND_TOKEN)');
      const given = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (!sameSecret(given, token)) throw new AppError('unauthenticated', 'A valid inbound mail token is required');
      const raw = request.body;
      if (!Buffer.isBuffer(raw)) throw new AppError('unsupported_media_type', 'Send the raw message as message/rfc822');
      const to = request.query.to ?? (rawHeader(raw, 'To') ?? '').match(/[^\s<>,;"]+@[^\s<>,;"]+/g) ?? [];
      const accepted = await mailIntake.accept(raw, { from: request.query.from ?? null, to }, 'http');
      return reply.code(202).send(accepted);
    },
  );

  app.get(
    '/mail/inbound',
    {
      config: { permission: 'mail.manage' },
      schema: { tags, querystring: InboundQuery, response: { 200: ListOf(InboundMail) } },
    },
    (request) => mailAdmin.inbound(request.query),
  );
  // The stored original, for staff to read or hand to someone: a download, never shown inline.
  app.get(
    '/mail/inbound/:id/raw',
    { config: { permission: 'mail.manage' }, schema: { tags, params: IdParams } },
    async (request, reply) => {
      const { id, size, stream } = await mailAdmin.rawOf(request.params.id);
      return reply
        .type('message/rfc822')
        .header('content-length', String(size))
        .header('content-disposition', `attachment; filename="${id}.eml"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
  app.post(
    '/mail/inbound/:id/reprocess',
    { config: { permission: 'mail.manage' }, schema: { tags, params: IdParams, response: { 200: InboundMail } } },
    async (request) => {
      await mailAdmin.findInbound(request.params.id);
      await mailProcessor.reprocess(request.params.id);
      return mailAdmin.findInbound(request.params.id);
    },
  );
  app.get(
    '/mail/outbound',
    {
      config: { permission: 'mail.manage' },
      schema: { tags, querystring: OutboundQuery, response: { 200: ListOf(OutboundMail) } },
    },
    (request) => mailAdmin.outbound(request.query),
  );

  // The notices Mesa mailed about one ticket, for the staff working it: to whom, and where each stands.
  app.get(
    '/tickets/:id/mail',
    {
      config: { permission: 'tickets.work' },
      schema: { tags, params: IdParams, response: { 200: ItemsOf(OutboundMail) } },
    },
    async (request) => {
      if (!(await ticketReads.visible(request.ctx, request.params.id))) throw notFound('Ticket');
      return { items: await mailAdmin.noticesOf(request.params.id) };
    },
  );

  app.get(
    '/mailboxes',
    { config: { permission: 'mail.manage' }, schema: { tags, response: { 200: ItemsOf(Mailbox) } } },
    async () => ({ items: await mailAdmin.listMailboxes() }),
  );
  app.post(
    '/mailboxes',
    { config: { permission: 'mail.manage' }, schema: { tags, body: CreateMailboxBody, response: { 201: Mailbox } } },
    async (request, reply) => reply.code(201).send(await mailAdmin.createMailbox(request.ctx, request.body)),
  );
  app.patch(
    '/mailboxes/:id',
    {
      config: { permission: 'mail.manage' },
      schema: { tags, params: IdParams, body: UpdateMailboxBody, response: { 200: Mailbox } },
    },
    (request) => mailAdmin.updateMailbox(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/mail/domains',
    { config: { permission: 'mail.manage' }, schema: { tags, response: { 200: ItemsOf(MailDomain) } } },
    async () => ({ items: await mailAdmin.listDomains() }),
  );
  app.post(
    '/mail/domains',
    {
      config: { permission: 'mail.manage' },
      schema: { tags, body: CreateMailDomainBody, response: { 201: MailDomain } },
    },
    async (request, reply) => reply.code(201).send(await mailAdmin.addDomain(request.ctx, request.body)),
  );
  app.delete(
    '/mail/domains/:domain',
    { config: { permission: 'mail.manage' }, schema: { tags, params: DomainParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await mailAdmin.removeDomain(request.ctx, request.params.domain);
      return reply.code(204).send(null);
    },
  );
}
