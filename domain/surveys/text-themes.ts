import { type TermMemo, termsOf } from '../problems/text-similarity.js';

/**
 * The themes of a survey's free-text answers: the terms most respondents used (Spanish and English
 * stop words and a desk's courtesies left out, accents and plurals folded, as recurring-incident
 * detection reads incidents), each with how many answers used it and a few of those answers to quote.
 */
export interface TextTheme {
  /** The term as respondents wrote it most often. */
  term: string;
  /** Answers that used it (once each, however often one answer repeats it). */
  answers: number;
  quotes: string[];
}

export function textThemes(texts: readonly string[], options: { limit?: number; quotes?: number } = {}): TextTheme[] {
  const limit = options.limit ?? 10;
  const quoteCount = options.quotes ?? 3;
  const memo: TermMemo = new Map();
  type Entry = { answers: number[]; surfaces: Map<string, number> };
  const byKey = new Map<string, Entry>();
  texts.forEach((text, index) => {
    for (const term of termsOf(text, memo)) {
      const entry: Entry = byKey.get(term.key) ?? { answers: [], surfaces: new Map() };
      if (entry.answers.at(-1) !== index) entry.answers.push(index);
      entry.surfaces.set(term.surface, (entry.surfaces.get(term.surface) ?? 0) + 1);
      byKey.set(term.key, entry);
    }
  });
  return (
    [...byKey.entries()]
      // A term one person used is not a theme.
      .filter(([, entry]) => entry.answers.length >= 2)
      .sort(([keyA, a], [keyB, b]) => b.answers.length - a.answers.length || keyA.localeCompare(keyB))
      .slice(0, limit)
      .map(([, entry]) => ({
        term: [...entry.surfaces.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '',
        answers: entry.answers.length,
        quotes: entry.answers.slice(0, quoteCount).map((index) => quote(texts[index] ?? '')),
      }))
  );
}

const QUOTE_LENGTH = 200;
const quote = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= QUOTE_LENGTH ? flat : `${flat.slice(0, QUOTE_LENGTH - 1).trimEnd()}…`;
};
