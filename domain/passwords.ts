/**
 * Password rules shared by the API contract and the forms that ask for one (OWASP ASVS 5.0 §6.2):
 * at least 12 characters, up to 200 (ASVS asks that 64 at least be allowed), no composition rules.
 * Common and breached passwords are refused by the server (server/platform/password-policy.ts).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
