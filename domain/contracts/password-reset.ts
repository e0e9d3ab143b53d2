import { type Static, Type } from 'typebox';
import { Email, Locale, NewPassword } from './auth.js';

/** Asks for a link to set a new password, sent to this address if an active account has it. */
export const ForgotPasswordBody = Type.Object(
  { email: Email, locale: Type.Optional(Locale) },
  { additionalProperties: false },
);

/** The same answer whether or not an account has the address, so it tells no one who has one. */
export const ForgotPasswordAnswer = Type.Object({ status: Type.Literal('sent_if_known') });

/** Sets a new password with the secret of a reset link (used once, within the hour). */
export const ResetPasswordBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200 }), password: NewPassword },
  { additionalProperties: false },
);

export type ForgotPasswordBody = Static<typeof ForgotPasswordBody>;
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;
