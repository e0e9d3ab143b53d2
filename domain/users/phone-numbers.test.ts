import { describe, expect, it } from 'vitest';
import { phoneQuery, phoneSearchKey } from './phone-numbers.js';

/** The oracle: a stored number matches a typed one when either one's digits end with the other's. */
function matches(stored: string, typed: string): boolean {
  const key = phoneSearchKey(stored);
  const query = phoneQuery(typed);
  if (!key || !query) return false;
  return key.startsWith(query.prefix) || query.suffixesOfTyped.includes(key);
}

describe('phone numbers', () => {
  it('keeps the digits, last first', () => {
    expect(phoneSearchKey('+56 9 1234 5678')).toBe('87654321965');
    expect(phoneSearchKey('(2) 2345-6789')).toBe('987654322');
    expect(phoneSearchKey('')).toBeNull();
    expect(phoneSearchKey(null)).toBeNull();
  });

  it('reads a search as a phone number only when it is one', () => {
    expect(phoneQuery('Rosa Quispe')).toBeNull();
    expect(phoneQuery('rosa2024@clinica.cl')).toBeNull();
    expect(phoneQuery('123')).toBeNull();
    expect(phoneQuery(' 5678 ')).toEqual({ prefix: '8765', suffixesOfTyped: [] });
  });

  it('finds a number however either side wrote it, with or without spaces or the country code', () => {
    for (const stored of ['+56 9 1234 5678', '+56912345678', '9 1234 5678', '56 9 1234-5678', '0056 9 1234 5678']) {
      for (const typed of ['+56 9 1234 5678', '+56912345678', '912345678', '9 1234 5678', '56912345678', '5678']) {
        expect(matches(stored, typed), `${stored} / ${typed}`).toBe(true);
      }
    }
  });

  it('does not find other numbers', () => {
    expect(matches('+56 9 1234 5678', '+56 9 1234 5679')).toBe(false);
    expect(matches('+56 9 1234 5678', '1234')).toBe(false);
    expect(matches('+56 9 8765 4321', '912345678')).toBe(false);
    // A short extension is not matched by any long number ending with it.
    expect(matches('5678', '+56 9 1234 5678')).toBe(false);
  });
});
