import { AUTOMATIC_HEADERS, type Automatic, automaticMessage } from '../../../domain/mail/mail-rules.js';
import { rawHeader } from './mail-intake.service.js';
import type { IncomingMail } from './mail-reader.js';

/**
 * Whether a machine wrote the message (domain/mail/mail-rules.ts), read from the raw header block:
 * the parser folds List-Id and List-Unsubscribe into one structured `list` header, so the headers
 * the rules look at are taken as the sender's server wrote them.
 */
export function automaticSender(raw: Buffer, mail: IncomingMail): Automatic | null {
  const headers = new Map<string, string>();
  for (const name of AUTOMATIC_HEADERS) {
    const value = rawHeader(raw, name);
    if (value !== null) headers.set(name, value);
  }
  return automaticMessage(headers, mail.from?.address ?? null, mail.contentType);
}
