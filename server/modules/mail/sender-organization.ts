import type { Kysely } from 'kysely';
import { domainAndParents } from '../../../domain/mail/mail-rules.js';
import type { DB, MailboxTable } from '../../db/schema.js';
import * as repo from './mail.repository.js';

/**
 * The organization someone without an account joins when they write: the one their domain is
 * mapped to (a mapped domain covers its subdomains, the most specific mapping wins), else the one
 * the mailbox takes unknown senders into. Null when the mailbox keeps them waiting.
 */
export async function organizationForSender(
  db: Kysely<DB>,
  address: string,
  mailbox: Pick<MailboxTable, 'unknown_sender_organization_id'> | undefined,
): Promise<string | null> {
  const mapped = await repo.organizationOfDomains(db, domainAndParents(address.split('@')[1] ?? ''));
  return mapped ?? mailbox?.unknown_sender_organization_id ?? null;
}

/** Why a stranger's message waits, in words the inbound log shows (and the admin screen translates). */
export const unknownSenderReason = (address: string) => {
  const domain = address.split('@')[1] ?? '';
  return `unknown sender ${address}: map the domain ${domain} to an organization, or choose an organization for unknown senders on the mailbox, then reprocess`;
};
