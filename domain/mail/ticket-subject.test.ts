import { describe, expect, it } from 'vitest';
import { NO_SUBJECT, SUBJECT_CUT_MARK, TICKET_SUBJECT_MAX, ticketSubjectOf } from './ticket-subject.js';

describe('ticketSubjectOf', () => {
  it('keeps a subject that fits, trimmed', () => {
    expect(ticketSubjectOf('  La impresora no imprime ')).toBe('La impresora no imprime');
    expect(ticketSubjectOf('x'.repeat(TICKET_SUBJECT_MAX))).toBe('x'.repeat(TICKET_SUBJECT_MAX));
  });

  it('files a message without a subject under a name', () => {
    expect(ticketSubjectOf('   ')).toBe(NO_SUBJECT);
  });

  it('cuts a subject too long, with a mark, within the limit', () => {
    const subject = ticketSubjectOf(`Error en SAP ${'OC-4500012007 rechazada '.repeat(50_000)}`);
    expect(subject.length).toBeLessThanOrEqual(TICKET_SUBJECT_MAX);
    expect(subject.startsWith('Error en SAP OC-4500012007 rechazada OC-')).toBe(true);
    expect(subject.endsWith(SUBJECT_CUT_MARK)).toBe(true);
  });

  it('never cuts inside a character made of two code units', () => {
    const subject = ticketSubjectOf('🔥'.repeat(TICKET_SUBJECT_MAX));
    expect(subject.endsWith(SUBJECT_CUT_MARK)).toBe(true);
    expect(subject.replace(SUBJECT_CUT_MARK, '')).toMatch(/^(🔥)+$/u);
    expect(subject.length).toBeLessThanOrEqual(TICKET_SUBJECT_MAX);
  });
});
