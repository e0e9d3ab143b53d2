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
