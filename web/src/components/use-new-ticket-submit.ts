import { useState } from 'react';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import { useAttachmentQueue } from '../api/use-attachment-queue.js';
import { useCreateTicket } from '../api/use-tickets.js';
import { type NewTicketDraft, newTicketBody } from './new-ticket-request.js';

/**
 * Sends a new ticket the same way from the portal and the desk: upload the queued files first
 * (a failed upload stops there and is shown), then create the ticket with their ids.
 */
export function useNewTicketSubmit() {
  const create = useCreateTicket();
  const queue = useAttachmentQueue();
  const [uploadError, setUploadError] = useState<unknown>(null);
  const busy = create.isPending || queue.uploading;

  const submit = async (draft: NewTicketDraft, onCreated: (ticket: Ticket) => void) => {
    setUploadError(null);
    let attachmentIds: string[];
    try {
      attachmentIds = await queue.uploadAll(null);
    } catch (error) {
      setUploadError(error);
      return;
    }
    create.mutate(newTicketBody(draft, attachmentIds), { onSuccess: onCreated });
  };

  return { submit, busy, queue, createError: create.error, error: create.error ?? uploadError };
}
