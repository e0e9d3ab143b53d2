import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/passwords.js';
import { AppError } from './errors.js';
import { checkNewPassword, loadPasswordPolicy, passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it('ships a list of tens of thousands of common passwords, read from the repository', () => {
    expect(loadPasswordPolicy()).toBeGreaterThan(40_000);
  });

  it('asks for 12 characters at least and allows up to 200, with no composition rules', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBeGreaterThanOrEqual(64);
    expect(passwordProblem('short pass!')).toBe('must have at least 12 characters');
    expect(passwordProblem('lowercase only words')).toBeNull();
    expect(passwordProblem(`x${'correct horse '.repeat(14)}`.slice(0, 200))).toBeNull();
    expect(passwordProblem(`${'z'.repeat(199)}q`)).toBeNull();
    expect(passwordProblem(`${'long passphrase '.repeat(13)}`)).toBe('must have at most 200 characters');
  });

  it('counts characters, not bytes: a 12-letter passphrase in any script is long enough', () => {
    expect(passwordProblem('мойпарольдлин')).toBeNull();
    expect(passwordProblem('ñandú güiro')).toBe('must have at least 12 characters');
  });

  it('refuses common and breached passwords, whatever their case', () => {
    expect(passwordProblem('qwertyuiop123')).toMatch(/common or breached/);
    expect(passwordProblem('QWERTYUIOP123')).toMatch(/common or breached/);
    expect(passwordProblem('1qaz2wsx3edc4rfv')).toMatch(/common or breached/);
  });

  it('refuses a common password padded with digits or symbols, or repeated', () => {
    expect(passwordProblem('password2024!')).toMatch(/common or breached/);
    expect(passwordProblem('!!Dragon123456')).toMatch(/common or breached/);
    expect(passwordProblem('monkeymonkey')).toMatch(/common or breached/);
  });

  it('refuses runs of one character and sequences', () => {
    expect(passwordProblem('aaaaaaaaaaaaaaa')).toMatch(/predictable/);
    expect(passwordProblem('abcabcabcabcabc')).toMatch(/predictable/);
    expect(passwordProblem('abcdefghijklmn')).toMatch(/predictable/);
  });

  it("refuses the account's own email or name", () => {
    expect(passwordProblem('maria.lopez@mesa.example', ['maria.lopez@mesa.example', 'maria.lopez'])).toMatch(
      /your name or email/,
    );
    expect(passwordProblem('maria.lopez1234', ['maria.lopez@mesa.example', 'maria.lopez'])).toMatch(/your name/);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('tres tristes tigres comen trigo')).toBeNull();
  });

  it('throws a 400 that names the field and says why', () => {
    const error = (() => {
      try {
        checkNewPassword('password123456', 'newPassword');
      } catch (caught) {
        return caught;
      }
      return null;
    })() as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('validation_failed');
    expect(error.errors).toEqual([{ field: 'newPassword', message: expect.stringMatching(/common/) }]);
  });
});
