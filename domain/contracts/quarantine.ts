import { type Static, Type } from 'typebox';
import { Id, Nullable, Timestamp } from './common.js';

/** A file refused as infected and kept in quarantine: never an attachment, never downloadable. */
export const QuarantinedFile = Type.Object({
  id: Id,
  fileName: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  sha256: Type.String(),
  /** What the virus scanner named, e.g. "Win.Test.EICAR_HDB-1". */
  signature: Type.String(),
  createdAt: Timestamp,
  /** The ticket it was sent to, or the ticket its mail made; null for an upload never attached. */
  ticket: Nullable(Type.Object({ id: Id, number: Type.String(), subject: Type.String() })),
  /** The mail it came with, when it came by mail. */
  mail: Nullable(Type.Object({ id: Id, from: Nullable(Type.String()), subject: Nullable(Type.String()) })),
  uploadedBy: Type.Object({ id: Id, name: Type.String() }),
});

export type QuarantinedFile = Static<typeof QuarantinedFile>;
