import { type Static, Type } from 'typebox';
import { RoleSchema } from './auth.js';
import { Id, Nullable, Timestamp, Version } from './common.js';

/** A six-digit code from the authenticator app, or a recovery code (`xxxxx-xxxxx`). */
export const SecondFactorCode = Type.String({ minLength: 6, maxLength: 20, pattern: '^[0-9A-Za-z -]+$' });

export const MfaStatus = Type.Object({
  enabled: Type.Boolean(),
  recoveryCodesLeft: Type.Integer({ minimum: 0 }),
  /** The desk requires a second factor of this person and they have none yet. */
  required: Type.Boolean(),
});

export const TotpEnrolment = Type.Object({
  secret: Type.String({ description: 'Base32, for typing into an authenticator by hand' }),
  uri: Type.String({ description: 'otpauth:// URI' }),
  qrCode: Type.String({ description: 'The URI as a PNG data URL' }),
});

export const CodeBody = Type.Object({ code: SecondFactorCode }, { additionalProperties: false });

export const RecoveryCodes = Type.Object({
  recoveryCodes: Type.Array(Type.String(), { description: 'Shown once; each works once' }),
});

/** The login's answer when the password was right and a second factor is still due. */
export const MfaChallenge = Type.Object({
  mfaRequired: Type.Literal(true),
  challenge: Type.String({ description: 'Send back to POST /auth/mfa with the code' }),
  expiresAt: Timestamp,
});

export const MfaSignInBody = Type.Object(
  { challenge: Type.String({ minLength: 1, maxLength: 200 }), code: SecondFactorCode },
  { additionalProperties: false },
);

export const IdentityProvider = Type.Object({
  id: Id,
  name: Type.String(),
  issuer: Type.String(),
  clientId: Type.String(),
  organizationId: Nullable(Id),
  roleClaim: Nullable(Type.String()),
  roleMapping: Type.Record(Type.String(), RoleSchema),
  defaultRole: RoleSchema,
  enabled: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CreateIdentityProviderBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    issuer: Type.String({ minLength: 8, maxLength: 500, format: 'uri' }),
    clientId: Type.String({ minLength: 1, maxLength: 500 }),
    clientSecret: Type.String({ minLength: 1, maxLength: 1000 }),
    organizationId: Nullable(Id),
    roleClaim: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
    roleMapping: Type.Optional(Type.Record(Type.String({ maxLength: 200 }), RoleSchema)),
    defaultRole: RoleSchema,
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/**
 * An edit: only the fields sent change. The client secret is write-only: absent keeps the stored
 * one. Changing the issuer or the scope (organizationId) unlinks the accounts matched so far, so
 * a subject of another provider can never land in an account linked through this one.
 */
export const UpdateIdentityProviderBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(CreateIdentityProviderBody.properties.name),
    issuer: Type.Optional(CreateIdentityProviderBody.properties.issuer),
    clientId: Type.Optional(CreateIdentityProviderBody.properties.clientId),
    clientSecret: Type.Optional(CreateIdentityProviderBody.properties.clientSecret),
    organizationId: Type.Optional(Nullable(Id)),
    roleClaim: CreateIdentityProviderBody.properties.roleClaim,
    roleMapping: CreateIdentityProviderBody.properties.roleMapping,
    defaultRole: Type.Optional(RoleSchema),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** What the sign-in page lists: only the name and where to start. */
export const SignInProvider = Type.Object({ id: Id, name: Type.String(), startUrl: Type.String() });

export type MfaStatus = Static<typeof MfaStatus>;
export type TotpEnrolment = Static<typeof TotpEnrolment>;
export type RecoveryCodes = Static<typeof RecoveryCodes>;
export type MfaChallenge = Static<typeof MfaChallenge>;
export type IdentityProvider = Static<typeof IdentityProvider>;
export type CreateIdentityProviderBody = Static<typeof CreateIdentityProviderBody>;
export type UpdateIdentityProviderBody = Static<typeof UpdateIdentityProviderBody>;
export type SignInProvider = Static<typeof SignInProvider>;
