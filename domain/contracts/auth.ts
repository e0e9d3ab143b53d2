import { type Static, Type } from 'typebox';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../passwords.js';
import { ROLES } from '../roles.js';
import { Id, Nullable, Timestamp } from './common.js';

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const NewPassword = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH });
export const Locale = Type.Union([Type.Literal('es'), Type.Literal('en')]);
export const RoleSchema = Type.Enum(ROLES);

export const LoginBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }) },
  { additionalProperties: false },
);

export const Me = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  roles: Type.Array(RoleSchema),
  organizationId: Nullable(Id),
  organizationName: Nullable(Type.String()),
  locale: Nullable(Locale),
  csrfToken: Nullable(Type.String({ description: 'Send as X-CSRF-Token on cookie-authenticated changes' })),
});

export const UpdateMeBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    locale: Type.Optional(Nullable(Locale)),
  },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    newPassword: NewPassword,
    revokeTokens: Type.Optional(Type.Boolean({ description: 'Also revoke every API token of the account' })),
  },
  { additionalProperties: false },
);

export const ApiToken = Type.Object({
  id: Id,
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to recognize it' }),
  createdAt: Timestamp,
  lastUsedAt: Nullable(Timestamp),
  lastUsedIp: Nullable(Type.String({ description: 'The address the token was last used from' })),
  expiresAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
});

export const CreateApiTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
    expiresAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'When the token stops working; must be in the future' }),
    ),
  },
  { additionalProperties: false },
);

export const SignInLock = Type.Object({
  locked: Type.Boolean({ description: 'Whether wrong guesses have locked the account, from some address or all' }),
  lockedAddresses: Type.Integer({ description: 'How many addresses are locked out of it' }),
});

export const CreatedApiToken = Type.Object({
  token: ApiToken,
  secret: Type.String({ description: 'Shown once; use as "Authorization: Bearer <secret>"' }),
});

export type LoginBody = Static<typeof LoginBody>;
export type Me = Static<typeof Me>;
export type UpdateMeBody = Static<typeof UpdateMeBody>;
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
export type ApiToken = Static<typeof ApiToken>;
export type CreateApiTokenBody = Static<typeof CreateApiTokenBody>;
export type CreatedApiToken = Static<typeof CreatedApiToken>;
export type SignInLock = Static<typeof SignInLock>;
export type Locale = Static<typeof Locale>;
