import { describe, expect, it } from 'vitest';
import { linkProblem, tokenFromFragment } from './reset-link.js';

describe('reset links', () => {
  it('reads the secret from the fragment only when it looks like one', () => {
    const secret = 'q3Vx_9-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
    expect(tokenFromFragment(`#token=${secret}`)).toBe(secret);
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#token=short')).toBeNull();
    expect(tokenFromFragment(`#token=${secret}&x=<script>`)).toBeNull();
  });

  it('says which way a link was refused', () => {
    expect(linkProblem('has already been used')).toBe('linkUsed');
    expect(linkProblem('has expired')).toBe('linkExpired');
    expect(linkProblem('is not a valid reset link')).toBe('linkInvalid');
    expect(linkProblem(undefined)).toBeNull();
  });
});
