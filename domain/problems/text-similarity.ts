/**
 * The words of an incident, as recurring-incident detection compares them: plain text in Spanish
 * or English (often both in one mail thread), with the noise of a service desk taken out first.
 * Pure and deterministic, so the clusters are the same whichever engine the incidents came from.
 */

import { STOP_WORDS } from './stop-words.js';

/** A term of an incident: its comparison key (accents and a plural taken off) and how it was written. */
export interface Term {
  key: string;
  surface: string;
}

// Where the quoted history of a reply begins: everything from that line down is someone else's earlier
// message, the same in every reply of a thread, and would make unrelated replies look alike.
const QUOTE_STARTS = [
  /^-{2,}\s*(original message|mensaje original|forwarded message|mensaje reenviado)/i,
  /(wrote|escribi[oó])\s*:\s*$/i,
  /^_{5,}\s*$/,
  /^--\s*$/,
];
// "De: … / Enviado: …" (Outlook's header of the message replied to) begins the history only when a
// header line follows, so a description saying "De: contabilidad" keeps its text.
const HEADER_START = /^\s*(from|de)\s*:/i;
const HEADER_NEXT = /^\s*(sent|enviado|date|fecha|to|para|subject|asunto)\s*:/i;

/** The text without the quoted history of a reply, nor its signature. */
export function withoutQuotedHistory(text: string): string {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (QUOTE_STARTS.some((start) => start.test(line.trim()))) break;
    if (HEADER_START.test(line) && lines.slice(i + 1, i + 4).some((next) => HEADER_NEXT.test(next))) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return withoutSignature(kept);
}

// A closing ("Saludos cordiales,", "Regards,", "Quedo atento, saludos.") at the start of a line or
// after a sentence, followed by nothing but a few short lines: the signature. The sender's name in
// it would make every incident of one person look alike.
const CLOSING =
  /(^|[.!?]\s+)((quedo (atento|atenta)[, ]*)?(saludos|saludos cordiales|atentamente|cordialmente|un saludo|regards|best regards|kind regards|best|cheers|thanks|thank you)[,.!]?)\s*$/i;
const SIGNATURE_LINES = 3;
const SIGNATURE_LINE_LENGTH = 60;

function withoutSignature(lines: string[]): string {
  for (let k = Math.max(0, lines.length - 1 - SIGNATURE_LINES); k < lines.length; k++) {
    const match = CLOSING.exec((lines[k] as string).trimEnd());
    if (!match) continue;
    const after = lines.slice(k + 1);
    if (after.every((line) => line.trim().length <= SIGNATURE_LINE_LENGTH)) {
      const line = lines[k] as string;
      return [...lines.slice(0, k), line.slice(0, match.index + (match[1] ?? '').length)].join('\n').trimEnd();
    }
  }
  return lines.join('\n');
}

// Ticket and problem numbers, "#1234", mail addresses and links: unique to each incident, they say
// nothing about what happened.
const IDENTIFIERS = [
  /\b(?:inc|req|qry|prb)-?\d+\b/gi,
  /#\d+/g,
  /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g,
  /\bhttps?:\/\/\S+/gi,
  /\bwww\.\S+/gi,
];

/** Lower case without accents: how two spellings of one word ("envío", "ENVIO") become one. */
export function foldAccents(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * A plural's singular, roughly, for both languages: "correos" → "correo", "errores" → "error",
 * "printers" → "printer". Good enough to compare; never shown (the surface form is).
 */
export function lightStem(key: string): string {
  if (key.length > 5 && /[rlndzj]es$/.test(key)) return key.slice(0, -2);
  if (key.length > 4 && key.endsWith('s') && !key.endsWith('ss')) return key.slice(0, -1);
  return key;
}

/**
 * Whether a token is worth comparing: words of three letters or more; codes mixing letters and
 * digits ("0x800ccc0e", "e550"); numbers of three or four digits (an SMTP or HTTP status, a port)
 * except years. Longer numbers are phone numbers, amounts or ids, and differ in every incident.
 */
function isMeaningful(key: string): boolean {
  if (/^\d+$/.test(key)) return key.length >= 3 && key.length <= 4 && !/^(19|20)\d\d$/.test(key);
  if (key.length < 3 || key.length > 24) return false;
  return !STOP_WORDS.has(key);
}

/** A token's term key, or null when it is not worth comparing; kept across texts, as a desk's words repeat. */
export type TermMemo = Map<string, string | null>;

/**
 * The terms of a text, in order: quoted history, signature, identifiers and stop words (Spanish
 * and English) left out. `memo` spares folding a word seen before (pass one per batch of texts).
 */
export function termsOf(text: string, memo: TermMemo = new Map()): Term[] {
  let clean = withoutQuotedHistory(text);
  for (const pattern of IDENTIFIERS) clean = clean.replace(pattern, ' ');
  const terms: Term[] = [];
  for (const token of clean
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    if (!token) continue;
    let key = memo.get(token);
    if (key === undefined) {
      const folded = foldAccents(token);
      key = isMeaningful(folded) ? lightStem(folded) : null;
      memo.set(token, key);
    }
    if (key !== null) terms.push({ key, surface: token });
  }
  return terms;
}

/** The character trigrams of a term key, with its edges marked: "red" → "_re", "red", "ed_". */
export function trigramsOf(key: string): string[] {
  const padded = `_${key}_`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}
