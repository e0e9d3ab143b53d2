import { useCallback, useRef, useState } from 'react';
import type { Attachment } from '../../../domain/contracts/tickets.js';
import { uploadAttachment } from './use-tickets.js';

/** The API's limit for one file. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

// Which files are taken is the server's to judge, by their bytes (server/platform/content-type.ts):
// the picker offers every file and shows the server's refusal, so the policy lives in one place.

export type QueuedFileState = 'waiting' | 'uploading' | 'done' | 'failed';

export interface QueuedFile {
  key: string;
  file: File;
  state: QueuedFileState;
  attachment: Attachment | null;
  error: unknown;
}

export type RejectedFile = { name: string; reason: 'tooLarge' | 'badType' };

let sequence = 0;

/**
 * Files chosen for a message or a new ticket. They go up when the message is sent; one that
 * already went up is not sent twice when sending is tried again.
 */
export function useAttachmentQueue() {
  const [files, setFiles] = useState<QueuedFile[]>([]);
  const [rejected, setRejected] = useState<RejectedFile[]>([]);
  const current = useRef(files);
  current.current = files;

  const update = useCallback((key: string, patch: Partial<QueuedFile>) => {
    setFiles((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  }, []);

  const add = useCallback((chosen: File[]) => {
    const refused: RejectedFile[] = [];
    const accepted: QueuedFile[] = [];
    for (const file of chosen) {
      if (file.size > MAX_ATTACHMENT_BYTES) refused.push({ name: file.name, reason: 'tooLarge' });
      else {
        sequence += 1;
        accepted.push({ key: `f${sequence}`, file, state: 'waiting', attachment: null, error: null });
      }
    }
    setRejected(refused);
    setFiles((list) => [...list, ...accepted]);
  }, []);

  const remove = useCallback((key: string) => setFiles((list) => list.filter((item) => item.key !== key)), []);

  const reset = useCallback(() => {
    setFiles([]);
    setRejected([]);
  }, []);

  /** Sends every file not sent yet (to the ticket, if it exists); the ids of all of them, or throws the first failure. */
  const uploadAll = useCallback(
    async (ticketId: string | null, internal = false): Promise<string[]> => {
      const ids: string[] = [];
      let failure: unknown = null;
      for (const item of current.current) {
        if (item.attachment) {
          ids.push(item.attachment.id);
          continue;
        }
        update(item.key, { state: 'uploading', error: null });
        try {
          const attachment = await uploadAttachment(ticketId, item.file, internal);
          update(item.key, { state: 'done', attachment });
          ids.push(attachment.id);
        } catch (error) {
          update(item.key, { state: 'failed', error });
          failure ??= error;
        }
      }
      if (failure) throw failure;
      return ids;
    },
    [update],
  );

  const uploading = files.some((item) => item.state === 'uploading');
  return { files, rejected, add, remove, reset, uploadAll, uploading };
}

export type AttachmentQueue = ReturnType<typeof useAttachmentQueue>;
