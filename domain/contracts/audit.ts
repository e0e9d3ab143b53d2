import { type Static, Type } from 'typebox';
import { Id, ListQuery, Nullable, Timestamp } from './common.js';

export const AuditEvent = Type.Object({
  id: Id,
  at: Timestamp,
  actorId: Nullable(Id),
  actorName: Nullable(Type.String()),
  action: Type.String({ description: 'e.g. user.created, organization.updated, token.revoked' }),
  entityType: Type.String(),
  entityId: Id,
  entityName: Nullable(Type.String({ description: 'The record’s name now, or as its change held it' })),
  changes: Type.Object({
    before: Nullable(Type.Record(Type.String(), Type.Unknown())),
    after: Nullable(Type.Record(Type.String(), Type.Unknown())),
  }),
  names: Type.Record(Type.String(), Type.String(), {
    description: 'Names of the records the event mentions (its record, and ids in `…Id`/`…Ids` fields of the changes)',
  }),
  requestId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
});

export const AuditListQuery = Type.Object(
  {
    ...ListQuery,
    entityType: Type.Optional(Type.String({ maxLength: 50 })),
    entityId: Type.Optional(Id),
    actorId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export type AuditEvent = Static<typeof AuditEvent>;
export type AuditListQuery = Static<typeof AuditListQuery>;
