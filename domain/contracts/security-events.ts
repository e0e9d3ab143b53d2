import { type Static, Type } from 'typebox';
import { Id, ListQuery, Nullable, Timestamp } from './common.js';

/** What the security event log records (OWASP ASVS 5.0 §16): never a password, token or hash. */
export const SECURITY_EVENT_KINDS = [
  'sign_in.succeeded',
  'sign_in.failed',
  'sign_in.locked',
  'account.unlocked',
  'token.created',
  'token.revoked',
  'token.new_address',
  'role.changed',
  'password.changed',
  'password.reset_requested',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export const SecurityEvent = Type.Object({
  id: Id,
  at: Timestamp,
  kind: Type.Enum(SECURITY_EVENT_KINDS),
  userId: Nullable(Id),
  email: Nullable(Type.String({ description: 'The account named, as typed at sign-in when no account has it' })),
  actorId: Nullable(Id),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  requestId: Nullable(Type.String()),
});

export const SecurityEventListQuery = Type.Object(
  {
    ...ListQuery,
    kind: Type.Optional(Type.Enum(SECURITY_EVENT_KINDS)),
    userId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export type SecurityEvent = Static<typeof SecurityEvent>;
export type SecurityEventListQuery = Static<typeof SecurityEventListQuery>;
