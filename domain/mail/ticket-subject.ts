/** The longest subject a ticket takes (domain/contracts/tickets.ts). */
export const TICKET_SUBJECT_MAX = 200;

/** What a subject cut to fit ends with, so nobody takes the cut text for the whole of it. */
export const SUBJECT_CUT_MARK = '… [asunto recortado]';

/** What a message without a subject is filed under. */
export const NO_SUBJECT = '(sin asunto)';

/**
 * A mail's subject as a ticket's: a message's Subject may legally be megabytes long, and a subject
 * too long for a ticket is cut, at a character (never inside a surrogate pair), with a mark.
 */
export function ticketSubjectOf(subject: string): string {
  const text = subject.trim();
  if (!text) return NO_SUBJECT;
  if (text.length <= TICKET_SUBJECT_MAX) return text;
  let kept = '';
  for (const character of text.slice(0, TICKET_SUBJECT_MAX)) {
    if (kept.length + character.length + SUBJECT_CUT_MARK.length > TICKET_SUBJECT_MAX) break;
    kept += character;
  }
  return kept.trimEnd() + SUBJECT_CUT_MARK;
}
