import type { webhooksEs } from './webhooks-es.js';

/** English messages for Administration → Webhooks. Typed by the Spanish ones. */
export const webhooksEn: typeof webhooksEs = {
  webhooks: {
    title: 'Webhooks',
    description:
      'Addresses told of ticket events (created, updated, resolved, SLA breached), signed with HMAC-SHA256 in the X-Mesa-Signature header.',
    tableLabel: 'Registered webhooks',
    empty: 'No webhooks',
    emptyHint: 'Register an address to tell another system of ticket changes.',
    url: 'URL',
    events: 'Events',
    active: 'Active',
    inactive: 'Inactive',
    create: 'Register webhook',
    createTitle: 'New webhook',
    descriptionField: 'Description',
    deliveries: 'Deliveries',
    deliveriesTitle: 'Deliveries to {{url}}',
    noDeliveries: 'No deliveries yet',
    activate: 'Activate',
    deactivate: 'Deactivate',
    delete: 'Delete',
    deleteOne: 'Delete the webhook {{url}}',
    deleteTitle: 'Delete webhook',
    deleteMessage:
      'Delete {{url}} and its delivery history? Nothing more is sent to it. A receiver that still expects events should be told first; to pause it instead, deactivate it.',
    secretTitle: 'Webhook secret',
    secretOnce: 'Keep it now: it is not shown again. The receiver uses it to check the X-Mesa-Signature header.',
    columns: {
      event: 'Event',
      status: 'Status',
      attempts: 'Attempts',
      response: 'Response',
      lastError: 'Last error',
      created: 'Created',
    },
    eventNames: {
      'ticket.created': 'Ticket created',
      'ticket.updated': 'Ticket updated',
      'ticket.resolved': 'Ticket resolved',
      'ticket.sla_breached': 'SLA breached',
    },
    statuses: {
      pending: 'Pending',
      sending: 'Sending',
      delivered: 'Delivered',
      failed: 'Failed',
    },
  },
};
