import { describe, expect, it } from 'vitest';
import { unknownSenderOrganization, unknownSendersOf } from './unknown-senders.js';

describe('unknown senders of a mailbox', () => {
  it('reads the choice from the mailbox, and sends the organization only when they join', () => {
    expect(unknownSendersOf(null)).toBe('wait');
    expect(unknownSendersOf('org-1')).toBe('join');
    expect(unknownSenderOrganization('wait', 'org-1')).toBeNull();
    expect(unknownSenderOrganization('join', 'org-1')).toBe('org-1');
    expect(unknownSenderOrganization('join', null)).toBeUndefined();
  });
});
