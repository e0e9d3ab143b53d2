import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { DEFAULT_MAX_MESSAGE_MB } from '../../config.js';
import type { DB, InboundMailTable } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { BlobStorage } from '../../platform/storage.js';
import * as repo from './mail.repository.js';

/** The largest message taken in when the installation sets none (MESA_MAIL_MAX_MESSAGE_MB). */
export const MAX_MESSAGE_BYTES = DEFAULT_MAX_MESSAGE_MB * 1024 * 1024;

/** What a sender is told when a message is over the limit, in the SMTP reply or the problem+json. */
export const tooLargeMessage = (maxBytes: number) =>
  `Messages may be at most ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MiB`;

export interface Envelope {
  from: string | null;
  to: string[];
}

/** A header of the raw message, unfolded, without decoding it (enough for Message-ID, From, Subject). */
export function rawHeader(raw: Buffer, name: string): string | null {
  const end = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const head = raw
    .subarray(0, end >= 0 ? end : Math.min(raw.length, 64 * 1024))
    .toString('latin1')
    .replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head);
  // Control characters (a NUL, say) have no place in a header, and PostgreSQL refuses them in text.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return match?.[1]?.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim() || null;
}

/**
 * The front door for mail, whichever way it comes (SMTP, HTTP, IMAP): the raw bytes are written
 * to disk and the arrival recorded before the sender hears "accepted", so nothing handed to Mesa
 * is lost; the same message handed twice is recognized and stored once.
 */
export class MailIntakeService {
  private listener: ((id: string) => void) | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly storage: BlobStorage,
    /** The one size limit of every way in: SMTP announces it, HTTP and IMAP refuse above it. */
    readonly maxBytes: number = MAX_MESSAGE_BYTES,
  ) {}

  /** Called with each new arrival, after it is stored (the processor takes it from there). */
  onArrival(listener: (id: string) => void): void {
    this.listener = listener;
  }

  async accept(
    raw: Buffer,
    envelope: Envelope,
    via: InboundMailTable['via'],
  ): Promise<{ id: string; duplicate: boolean }> {
    if (raw.length === 0) throw new AppError('validation_failed', 'The message is empty');
    if (raw.length > this.maxBytes) throw new AppError('payload_too_large', tooLargeMessage(this.maxBytes));
    const messageId = rawHeader(raw, 'Message-ID')?.replace(/^<|>$/g, '').trim().slice(0, 500) || null;
    const fingerprint = messageId ? `id:${messageId}` : `sha256:${createHash('sha256').update(raw).digest('hex')}`;
    const known = await repo.findInboundByFingerprint(this.db, fingerprint);
    if (known) return { id: known.id, duplicate: true };

    const at = this.clock.now();
    const id = newId(at.getTime());
    const rawKey = `mail/inbound/${at.toISOString().slice(0, 7)}/${id}`;
    await this.storage.write(rawKey, Readable.from(raw), this.maxBytes);
    const fromHeader = rawHeader(raw, 'From');
    const inserted = await repo.insertInbound(this.db, {
      id,
      via,
      received_at: at.toISOString(),
      envelope_from: envelope.from?.toLowerCase() ?? null,
      envelope_to: JSON.stringify(envelope.to.map((address) => address.toLowerCase())),
      fingerprint,
      message_id: messageId,
      from_address: fromHeader
        ? (/<([^<>\s]+@[^<>\s]+)>/.exec(fromHeader)?.[1] ?? fromHeader).toLowerCase().slice(0, 320)
        : null,
      subject: rawHeader(raw, 'Subject')?.slice(0, 500) ?? null,
      size: raw.length,
      raw_key: rawKey,
      status: 'received',
      reason: null,
      ticket_id: null,
      outcome: null,
      attempts: 0,
      processed_at: null,
    });
    if (!inserted) {
      // The same message arrived twice at once; the other copy is the one kept.
      await this.storage.remove(rawKey);
      const other = await repo.findInboundByFingerprint(this.db, fingerprint);
      return { id: other?.id ?? id, duplicate: true };
    }
    this.listener?.(id);
    return { id, duplicate: false };
  }
}
