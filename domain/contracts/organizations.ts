import { type Static, Type } from 'typebox';
import { Id, ListQuery, Timestamp, Version } from './common.js';

const Status = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Code = Type.String({
  pattern: '^[A-Z0-9][A-Z0-9-]{1,19}$',
  description: 'Short client code, 2–20 capital letters, digits or dashes',
});

export const Organization = Type.Object({
  id: Id,
  name: Type.String(),
  code: Type.String(),
  status: Status,
  requestersSeeAllTickets: Type.Boolean({
    description: "Requesters see their organization's tickets, not only their own",
  }),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CreateOrganizationBody = Type.Object(
  { name: Name, code: Code, requestersSeeAllTickets: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const UpdateOrganizationBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Name),
    code: Type.Optional(Code),
    status: Type.Optional(Status),
    requestersSeeAllTickets: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const OrganizationListQuery = Type.Object(
  { ...ListQuery, q: Type.Optional(Type.String({ maxLength: 200 })), status: Type.Optional(Status) },
  { additionalProperties: false },
);

export const Service = Type.Object({
  id: Id,
  organizationId: Id,
  name: Type.String(),
  description: Type.String(),
  status: Status,
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CreateServiceBody = Type.Object(
  { name: Name, description: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export const UpdateServiceBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Name),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    status: Type.Optional(Status),
  },
  { additionalProperties: false },
);

export type Organization = Static<typeof Organization>;
export type CreateOrganizationBody = Static<typeof CreateOrganizationBody>;
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>;
export type OrganizationListQuery = Static<typeof OrganizationListQuery>;
export type Service = Static<typeof Service>;
export type CreateServiceBody = Static<typeof CreateServiceBody>;
export type UpdateServiceBody = Static<typeof UpdateServiceBody>;
