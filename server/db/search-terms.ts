/**
 * The words of full-text search, shared by every index: text folded so accents and case do not
 * matter, and queries turned into each engine's syntax from plain words only — input is never syntax.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function queryTerms(query: string): string[] {
  return (foldText(query).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

// Words that say nothing about a case in Spanish or English. PostgreSQL's ts_rank weighs every
// word alike, so when suggesting (any word may match) they would outrank the words that matter.
const STOP_WORDS = new Set(
  (
    'a al algo como con de del el ella en es esta este esto hay la las lo los me mi mis muy no nos o para pero por que se ' +
    'si sin su sus te tengo un una uno y ya yo ' +
    'a an and are as at be but by can do for from has have i in is it its my no not of on or our so the this to was we ' +
    'with you your'
  ).split(' '),
);

/** The terms worth ranking by: stop words dropped, unless nothing else is left. */
export function meaningfulTerms(terms: string[]): string[] {
  const kept = terms.filter((term) => !STOP_WORDS.has(term));
  return kept.length > 0 ? kept : terms;
}

/** `all`: every word must appear (searching); `any`: ranked by how many do (suggesting). */
export type MatchMode = 'all' | 'any';

/** An FTS5 query: each term quoted, the last one a prefix (search as you type). */
export function fts5Query(terms: string[], mode: MatchMode): string {
  return terms
    .map((term, i) => (i === terms.length - 1 ? `"${term}"*` : `"${term}"`))
    .join(mode === 'all' ? ' ' : ' OR ');
}

/** A PostgreSQL tsquery in the same spirit. */
export function tsQuery(terms: string[], mode: MatchMode): string {
  return terms.map((term, i) => (i === terms.length - 1 ? `${term}:*` : term)).join(mode === 'all' ? ' & ' : ' | ');
}
