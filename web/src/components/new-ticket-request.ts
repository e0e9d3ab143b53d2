import type { CreateTicketBody } from '../../../domain/contracts/tickets.js';
import type { Impact, Urgency } from '../../../domain/tickets/priority.js';
import type { Channel, TicketType } from '../../../domain/tickets/ticket-types.js';
import { textToHtml } from './text-to-html.js';

/**
 * What the two new-ticket forms hold (the portal's and the desk's), and the request they send.
 * The portal leaves out requester, channel, impact and tags: the server takes the signed-in
 * requester, the portal channel and its defaults.
 */
export interface NewTicketDraft {
  type: TicketType;
  subject: string;
  /** Plain text as typed; sent as simple HTML. */
  description: string;
  serviceId: string | null;
  categoryId: string | null;
  urgency: Urgency;
  impact?: Impact;
  requesterId?: string;
  channel?: Channel;
  tags?: string[];
}

/** The request body: subject trimmed, description as HTML, empty tag and attachment lists left out. */
export function newTicketBody(draft: NewTicketDraft, attachmentIds: readonly string[] = []): CreateTicketBody {
  const body: CreateTicketBody = {
    type: draft.type,
    subject: draft.subject.trim(),
    description: textToHtml(draft.description),
    serviceId: draft.serviceId,
    categoryId: draft.categoryId,
    urgency: draft.urgency,
  };
  if (draft.requesterId !== undefined) body.requesterId = draft.requesterId;
  if (draft.channel !== undefined) body.channel = draft.channel;
  if (draft.impact !== undefined) body.impact = draft.impact;
  if (draft.tags?.length) body.tags = [...draft.tags];
  if (attachmentIds.length) body.attachmentIds = [...attachmentIds];
  return body;
}
