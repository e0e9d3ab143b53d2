import { type Static, Type } from 'typebox';
import { Id, Nullable, Timestamp } from './common.js';

/** Why a file of a mail was not stored on the ticket; the UI words each one (withheld.reason.*). */
export const WITHHELD_REASONS = [
  'executable',
  'svg',
  'unknown_type',
  'too_large',
  'archive',
  'infected',
  'refused',
] as const;
export type WithheldReason = (typeof WITHHELD_REASONS)[number];

/**
 * A file a received mail carried that the desk did not store: named on the ticket with its size
 * and reason, for staff only, and downloadable by staff from the stored original message.
 */
export const WithheldFile = Type.Object({
  id: Id,
  ticketId: Id,
  /** The reply it came with; null when it came with the mail that raised the ticket. */
  messageId: Nullable(Id),
  inboundMailId: Id,
  fileName: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  reason: Type.Enum(WITHHELD_REASONS),
  /** The refusal as the checks worded it (English). */
  detail: Type.String(),
  createdAt: Timestamp,
});

export type WithheldFile = Static<typeof WithheldFile>;
