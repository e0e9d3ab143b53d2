import type { mailRulesEs } from './mail-rules-es.js';

/** English messages for senders' mail (mailboxes: unknown senders) and bounces. Typed by the Spanish ones. */
export const mailRulesEn: typeof mailRulesEs = {
  mailRules: {
    unknownSenders: {
      label: 'Unknown senders',
      column: 'Unknown senders',
      description:
        'Someone without an account writing from a domain no organization has mapped (the subdomains of a mapped domain already belong to its organization).',
      wait: 'They wait',
      waitHint:
        'The message stays in Received as failed, with the reason, until its domain is mapped and it is reprocessed.',
      join: 'They join an organization',
      joinHint: 'Their requester account is created in the organization you choose and the message becomes a ticket.',
      organization: 'Organization for unknown senders',
      organizationPlaceholder: 'Pick the organization',
      organizationRequired: 'Pick the organization, or let them wait.',
      waitsInWords: 'They wait until their domain is mapped',
      joinInWords: 'They become requesters of {{organization}}',
    },
    bounce: {
      timeline: 'Mail to {{address}} could not be delivered',
      timelineDetail: '“{{notice}}” notice. {{reason}}',
      badge: 'Mail bounces',
      badgeLabel: 'Mail to {{address}} bounces since {{since}}: {{reason}}',
      clear: 'Mark as receiving mail',
      clearFailed: 'The mark could not be removed',
      unknownReason: 'no reason given',
    },
  },
};
