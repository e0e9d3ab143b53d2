import { type Static, Type } from 'typebox';
import { Email, Locale, NewPassword, RoleSchema } from './auth.js';
import { Id, ListQuery, Nullable, Timestamp, Version } from './common.js';

const Status = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Phone = Type.String({ maxLength: 40, pattern: '^[0-9+()\\-. ]*$' });
const Roles = Type.Array(RoleSchema, { minItems: 1, maxItems: 6, uniqueItems: true });

export const User = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  roles: Type.Array(RoleSchema),
  organizationId: Nullable(Id),
  status: Status,
  locale: Nullable(Locale),
  phone: Nullable(Type.String()),
  hasPassword: Type.Boolean(),
  presence: Type.Enum(['available', 'away'] as const, { description: 'Away staff get no automatic assignments' }),
  shiftCalendarId: Nullable(Id),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CreateUserBody = Type.Object(
  {
    email: Email,
    name: Name,
    roles: Roles,
    organizationId: Type.Optional(Nullable(Id)),
    password: Type.Optional(NewPassword),
    locale: Type.Optional(Nullable(Locale)),
    phone: Type.Optional(Nullable(Phone)),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    version: Version,
    email: Type.Optional(Email),
    name: Type.Optional(Name),
    roles: Type.Optional(Roles),
    organizationId: Type.Optional(Nullable(Id)),
    status: Type.Optional(Status),
    locale: Type.Optional(Nullable(Locale)),
    phone: Type.Optional(Nullable(Phone)),
    shiftCalendarId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);

export const SetPasswordBody = Type.Object({ password: NewPassword }, { additionalProperties: false });

export const UserListQuery = Type.Object(
  {
    ...ListQuery,
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Matches name or email; a phone number (digits and + ( ) - . spaces, at least 4 digits) matches the numbers ending with it, or that it ends with, whatever the spacing or country code',
      }),
    ),
    role: Type.Optional(RoleSchema),
    organizationId: Type.Optional(Id),
    status: Type.Optional(Status),
  },
  { additionalProperties: false },
);

export type User = Static<typeof User>;
export type CreateUserBody = Static<typeof CreateUserBody>;
export type UpdateUserBody = Static<typeof UpdateUserBody>;
export type UserListQuery = Static<typeof UserListQuery>;
