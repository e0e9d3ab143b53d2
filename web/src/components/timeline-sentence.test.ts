import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../domain/contracts/tickets.js';
import { timelineSentence } from './timeline-sentence.js';

/** The key and its values, so the test reads what the screen would be asked to say. */
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

const bounce = (changes: TimelineEntry['changes']): TimelineEntry => ({
  id: 'e1',
  at: '2026-03-16T14:52:07.000Z',
  actor: null,
  kind: 'mail_bounced',
  internal: true,
  message: null,
  changes,
});

describe('the sentence of a bounce on the timeline', () => {
  it('names the address, the notice and the report’s status and words', () => {
    expect(
      timelineSentence(
        bounce([
          { field: 'recipient', from: null, to: 'ana@clinica.test' },
          { field: 'notice', from: null, to: 'resolved' },
          { field: 'status', from: null, to: '5.1.1' },
          { field: 'diagnostic', from: null, to: '550 no such user' },
        ]),
        t,
      ),
    ).toEqual({
      sentence: 'mailRules.bounce.timeline {"address":"ana@clinica.test"}',
      detail:
        'mailRules.bounce.timelineDetail {"notice":"mailAdmin.templates.events.resolved","reason":"5.1.1 550 no such user"}',
    });
  });

  it('says so when the report gave no reason, and shows an unknown notice as it came', () => {
    expect(
      timelineSentence(
        bounce([
          { field: 'recipient', from: null, to: 'ana@clinica.test' },
          { field: 'notice', from: null, to: 'password_reset' },
          { field: 'status', from: null, to: null },
          { field: 'diagnostic', from: null, to: null },
        ]),
        t,
      )?.detail,
    ).toBe('mailRules.bounce.timelineDetail {"notice":"password_reset","reason":"mailRules.bounce.unknownReason"}');
  });
});
