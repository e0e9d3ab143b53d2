import type { MailTemplates } from './mail-es.js';

/** The mail Mesa sends, in English; typed by the Spanish reference. */
export const mailEn: MailTemplates = {
  ticket_received: {
    subject: '[{{number}}] We received your request: {{subject}}',
    body: [
      'Hello {{requester}},',
      'Your case is registered as {{number}}. We will write to you here; to add information, reply to this message without changing the subject.',
    ],
  },
  agent_reply: {
    subject: 'Re: [{{number}}] {{subject}}',
    body: ['{{agent}} replied to your case {{number}}:'],
  },
  waiting_on_you: {
    subject: '[{{number}}] We need your answer: {{subject}}',
    body: [
      'Hello {{requester}},',
      'To go on with your case {{number}} we need information from you. Reply to this message and we will pick it up.',
    ],
  },
  resolved: {
    subject: '[{{number}}] Resolved: {{subject}}',
    body: [
      'Hello {{requester}},',
      'We resolved your case {{number}}: {{resolution}}',
      'If all is well there is nothing to do: it will close by itself. If the problem remains, reply to this message and we will reopen it.',
    ],
  },
  closed: {
    subject: '[{{number}}] Closed: {{subject}}',
    body: [
      'Hello {{requester}},',
      'We closed your case {{number}}. If you need anything else, write to us and we will open a new one.',
    ],
  },
  known_issue: {
    subject: '[{{number}}] Known issue: {{subject}}',
    body: [
      'Hello {{requester}},',
      'What you told us in your case {{number}} is a known issue and we are working on it. We will write to you here when it is solved.',
    ],
  },
  staff_alert: {
    subject: '[{{number}}] {{what}}',
    body: ['{{what}}.', 'Case {{number}}: {{subject}}'],
  },
  footer: 'Service desk · Keep [{{number}}] in the subject when you reply.',
  openTicket: 'See the case',
  workaroundLead: 'Meanwhile, you can keep working this way:',
};
