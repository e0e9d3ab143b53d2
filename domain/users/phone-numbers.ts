/**
 * Finding people by phone number, whatever way it was written (`+56 9 1234 5678`, `912345678`,
 * `(09) 1234-5678`), without knowing country codes: only digits count, and two numbers match when
 * one ends with the other. The stored key is the number's digits reversed, so "ends with" becomes
 * "starts with" and an ordinary index answers it on both engines.
 */

/** Fewer typed digits than this is a name or an email still being typed, not a phone number. */
export const MIN_PHONE_QUERY_DIGITS = 4;
/**
 * A stored number this long or longer matches a typed number that ends with it (the agent typed
 * `+56 9 1234 5678`, the person's record says `9 1234 5678`). Shorter stored numbers (extensions)
 * would match too many typed ones.
 */
export const MIN_STORED_SUFFIX_DIGITS = 7;

/** The stored search key: the digits of the number, last first; null when it has none. */
export function phoneSearchKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits ? [...digits].reverse().join('') : null;
}

export interface PhoneQuery {
  /** Stored keys starting with this: numbers ending with what was typed. */
  prefix: string;
  /** Stored keys equal to one of these: numbers that what was typed ends with. */
  suffixesOfTyped: string[];
}

/**
 * What a search box's text asks for when it is a phone number: only digits and the signs people
 * write numbers with, and at least four digits. Anything else (a name, an email) is null.
 */
export function phoneQuery(text: string): PhoneQuery | null {
  const trimmed = text.trim();
  if (!/^[0-9+()\-.\s]+$/.test(trimmed)) return null;
  const key = phoneSearchKey(trimmed);
  if (!key || key.length < MIN_PHONE_QUERY_DIGITS) return null;
  const suffixesOfTyped: string[] = [];
  for (let length = MIN_STORED_SUFFIX_DIGITS; length < key.length; length++) suffixesOfTyped.push(key.slice(0, length));
  return { prefix: key, suffixesOfTyped };
}
