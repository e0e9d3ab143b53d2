import { type Static, Type } from 'typebox';
import { Id, ListQuery, Nullable, Timestamp, Version } from './common.js';

const Address = Type.String({ format: 'email', maxLength: 320 });

export const Mailbox = Type.Object({
  id: Id,
  address: Type.String(),
  name: Type.String(),
  organizationId: Nullable(Id),
  serviceId: Nullable(Id),
  groupId: Nullable(Id),
  /**
   * Where someone without an account, writing from a domain no organization has mapped, becomes a
   * requester; null: their message waits ('failed', with the reason) to be reprocessed.
   */
  unknownSenderOrganizationId: Nullable(Id),
  active: Type.Boolean(),
  version: Type.Integer(),
});

const MailboxFields = {
  address: Address,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  organizationId: Type.Optional(Nullable(Id)),
  serviceId: Type.Optional(Nullable(Id)),
  groupId: Type.Optional(Nullable(Id)),
  /** Omitted when creating: the mailbox's organization, as before this choice was its own. */
  unknownSenderOrganizationId: Type.Optional(Nullable(Id)),
};

export const CreateMailboxBody = Type.Object(MailboxFields, { additionalProperties: false });

export const UpdateMailboxBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(MailboxFields.name),
    organizationId: MailboxFields.organizationId,
    serviceId: MailboxFields.serviceId,
    groupId: MailboxFields.groupId,
    unknownSenderOrganizationId: MailboxFields.unknownSenderOrganizationId,
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const MailDomain = Type.Object({
  domain: Type.String(),
  organization: Type.Object({ id: Id, name: Type.String() }),
});

export const CreateMailDomainBody = Type.Object(
  {
    domain: Type.String({
      minLength: 3,
      maxLength: 253,
      pattern: '^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$',
    }),
    organizationId: Id,
  },
  { additionalProperties: false },
);

export const DomainParams = Type.Object({ domain: Type.String({ maxLength: 253 }) }, { additionalProperties: false });

export const INBOUND_STATUSES = ['received', 'processed', 'ignored', 'failed'] as const;

export const InboundMail = Type.Object({
  id: Id,
  via: Type.Enum(['smtp', 'http', 'imap'] as const),
  receivedAt: Timestamp,
  from: Nullable(Type.String()),
  to: Type.Array(Type.String()),
  subject: Nullable(Type.String()),
  messageId: Nullable(Type.String()),
  size: Type.Integer(),
  status: Type.Enum(INBOUND_STATUSES),
  reason: Nullable(Type.String({ description: 'Why it was ignored or failed' })),
  ticketId: Nullable(Id),
  outcome: Nullable(Type.Enum(['ticket', 'reply', 'bounce'] as const)),
  attempts: Type.Integer(),
});

export const InboundQuery = Type.Object(
  { ...ListQuery, status: Type.Optional(Type.Enum(INBOUND_STATUSES)) },
  { additionalProperties: false },
);

export const OutboundMail = Type.Object({
  id: Id,
  ticketId: Nullable(Id),
  event: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  messageId: Type.String({ description: 'The Message-ID it is (or was) sent with, without angle brackets' }),
  status: Type.Enum(['pending', 'sending', 'sent', 'failed', 'bounced'] as const, {
    description: 'bounced: sent, then a delivery report said it failed (lastError has its reason)',
  }),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  createdAt: Timestamp,
  sentAt: Nullable(Timestamp),
});

export const OutboundQuery = Type.Object(
  { ...ListQuery, ticketId: Type.Optional(Id) },
  { additionalProperties: false },
);

export const RawMailQuery = Type.Object(
  {
    to: Type.Optional(
      Type.Array(Address, { maxItems: 20, description: 'Envelope recipients; the To header otherwise' }),
    ),
    from: Type.Optional(Address),
  },
  { additionalProperties: false },
);

export const Accepted = Type.Object({ id: Id, duplicate: Type.Boolean() });

export type Mailbox = Static<typeof Mailbox>;
export type CreateMailboxBody = Static<typeof CreateMailboxBody>;
export type UpdateMailboxBody = Static<typeof UpdateMailboxBody>;
export type MailDomain = Static<typeof MailDomain>;
export type CreateMailDomainBody = Static<typeof CreateMailDomainBody>;
export type InboundMail = Static<typeof InboundMail>;
export type InboundQuery = Static<typeof InboundQuery>;
export type OutboundMail = Static<typeof OutboundMail>;
export type OutboundQuery = Static<typeof OutboundQuery>;

export const MAIL_TEMPLATE_EVENTS = [
  'ticket_received',
  'agent_reply',
  'waiting_on_you',
  'resolved',
  'closed',
  'known_issue',
  'staff_alert',
] as const;

export const MailTemplate = Type.Object({
  locale: Type.Enum(['es', 'en'] as const),
  event: Type.Enum(MAIL_TEMPLATE_EVENTS),
  subject: Type.String(),
  body: Type.Array(Type.String(), { description: 'Paragraphs; {{placeholders}} are filled in when sent' }),
  placeholders: Type.Array(Type.String()),
  customized: Type.Boolean({ description: 'Edited by an admin (false: the default text)' }),
});

export const MailTemplateParams = Type.Object(
  { locale: Type.Enum(['es', 'en'] as const), event: Type.Enum(MAIL_TEMPLATE_EVENTS) },
  { additionalProperties: false },
);

export const UpdateMailTemplateBody = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 300 }),
    body: Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);

export type MailTemplate = Static<typeof MailTemplate>;
export type UpdateMailTemplateBody = Static<typeof UpdateMailTemplateBody>;

export const MailStatus = Type.Object({
  smtpListener: Nullable(Type.Object({ host: Type.String(), port: Type.Integer() })),
  httpIntake: Type.Boolean({ description: 'POST /api/v1/mail/inbound/raw is enabled (a token is set)' }),
  imap: Nullable(Type.Object({ server: Type.String(), folder: Type.String() })),
  relay: Nullable(
    Type.Object({ server: Type.String({ description: 'host:port, without credentials' }), secure: Type.Boolean() }),
  ),
  from: Type.String(),
  maxMessageBytes: Type.Integer({
    description: 'The largest message taken in, by every way in (MESA_MAIL_MAX_MESSAGE_MB)',
  }),
  outbox: Type.Object({ pending: Type.Integer(), failed: Type.Integer() }),
  inbox: Type.Object({ waiting: Type.Integer(), failed: Type.Integer() }),
});

export type MailStatus = Static<typeof MailStatus>;

/** Whether mail to a person's address bounces (a delivery report said so), as staff see beside the requester. */
export const MailDelivery = Type.Object({
  userId: Id,
  address: Type.String(),
  bouncing: Nullable(
    Type.Object({
      since: Timestamp,
      reason: Type.String({ description: 'The status and words of the last report, e.g. "5.1.1 550 no such user"' }),
    }),
  ),
});

export type MailDelivery = Static<typeof MailDelivery>;
