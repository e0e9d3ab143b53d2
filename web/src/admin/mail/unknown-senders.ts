/**
 * What a mailbox does with someone unknown writing from an unmapped domain: they wait (the message
 * kept 'failed' to be reprocessed), or they join an organization. The API holds the choice as one
 * nullable organization; the form holds it as a choice and an organization, so switching to
 * "wait" and back keeps the organization picked.
 */
export type UnknownSenders = 'wait' | 'join';

export const unknownSendersOf = (organizationId: string | null): UnknownSenders => (organizationId ? 'join' : 'wait');

/** What the form sends: the organization when they join, null when they wait; undefined when it cannot be sent yet. */
export function unknownSenderOrganization(
  choice: UnknownSenders,
  organizationId: string | null,
): string | null | undefined {
  if (choice === 'wait') return null;
  return organizationId ?? undefined;
}
