import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { constants, createGunzip, gunzipSync, inflateRawSync } from 'node:zlib';

/**
 * Archive bombs and deeply nested archives, found without extracting anything to disk: a zip is
 * judged by its central directory (the sizes it declares, their sum and each entry's ratio), an
 * entry that is itself an archive is inflated in memory under the remaining budget and judged in
 * turn; a gzip is inflated as a stream and counted, never kept, past a cap.
 */
export const ARCHIVE_LIMITS = {
  /** Everything an upload expands to, all levels together. */
  maxExpandedBytes: 100 * 1024 * 1024,
  /** An archive inside an archive inside an archive is the deepest taken. */
  maxDepth: 3,
  /** Expanded over compressed, for an entry that expands past `ratioFloorBytes`. */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 10_000,
};

export type ArchiveLimits = typeof ARCHIVE_LIMITS;

/** Why an archive is refused; the message is shown to whoever sent it. */
export class ArchiveRefused extends Error {
  constructor(
    readonly reason: 'expanded_size' | 'ratio' | 'depth' | 'entries' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
const isEmptyZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x06054b50;
const isGzip = (bytes: Buffer) => bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 8;
const isTar = (bytes: Buffer) => bytes.length >= 262 && bytes.toString('latin1', 257, 262) === 'ustar';

/** Whether a file's first bytes are an archive this module judges. */
export const isArchive = (head: Buffer) => isZip(head) || isEmptyZip(head) || isGzip(head);

interface Budget {
  left: number;
  entries: number;
}

const MiB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

/** Throws ArchiveRefused when `read()`'s bytes, a zip or a gzip, expand too far or nest too deep. */
export async function inspectArchive(
  head: Buffer,
  read: () => Readable,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<void> {
  const budget: Budget = { left: limits.maxExpandedBytes, entries: 0 };
  if (isGzip(head)) return inspectGzipStream(read(), 1, budget, limits);
  if (isZip(head) || isEmptyZip(head)) return inspectZip(await buffer(read()), 1, budget, limits);
}

function tooBig(limits: ArchiveLimits): never {
  throw new ArchiveRefused('expanded_size', `the archive expands to more than ${MiB(limits.maxExpandedBytes)}`);
}

function checkDepth(depth: number, limits: ArchiveLimits) {
  if (depth > limits.maxDepth)
    throw new ArchiveRefused('depth', `archives are nested more than ${limits.maxDepth} levels deep`);
}

async function inspectBytes(bytes: Buffer, depth: number, budget: Budget, limits: ArchiveLimits): Promise<void> {
  if (isZip(bytes) || isEmptyZip(bytes)) return inspectZip(bytes, depth, budget, limits);
  if (isGzip(bytes)) return inspectGzipBuffer(bytes, depth, budget, limits);
  if (isTar(bytes)) return inspectTar(bytes, depth, budget, limits);
}

interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function inspectZip(bytes: Buffer, depth: number, budget: Budget, limits: ArchiveLimits): Promise<void> {
  checkDepth(depth, limits);
  const entries = centralDirectory(bytes);
  budget.entries += entries.length;
  if (budget.entries > limits.maxEntries)
    throw new ArchiveRefused('entries', `the archive holds more than ${limits.maxEntries} files`);
  // First what the directory declares, all entries together: a bomb says so before anything is inflated.
  for (const entry of entries) {
    budget.left -= entry.size;
    if (budget.left < 0) tooBig(limits);
    if (entry.size > limits.ratioFloorBytes && entry.size > limits.maxRatio * Math.max(entry.compressedSize, 1))
      throw new ArchiveRefused(
        'ratio',
        `${entry.name.slice(0, 100)} expands ${Math.round(entry.size / Math.max(entry.compressedSize, 1))} times (at most ${limits.maxRatio})`,
      );
  }
  return inspectNested(bytes, entries, depth, budget, limits);
}

async function inspectNested(bytes: Buffer, entries: ZipEntry[], depth: number, budget: Budget, limits: ArchiveLimits) {
  for (const entry of entries) {
    // An encrypted entry, or one compressed other than stored or deflated, cannot be looked into
    // here; its declared size has been counted, and the virus scanner judges it.
    if (entry.encrypted || (entry.method !== 0 && entry.method !== 8)) continue;
    const data = entryData(bytes, entry);
    // The first bytes tell whether an entry is an archive, whatever its name says.
    let head: Buffer;
    try {
      head =
        entry.method === 0
          ? data.subarray(0, 512)
          : inflateRawSync(data.subarray(0, 1024), { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, 512);
    } catch {
      throw new ArchiveRefused('malformed', `${entry.name.slice(0, 100)} is damaged`);
    }
    if (!isZip(head) && !isEmptyZip(head) && !isGzip(head) && !isTar(head)) continue;
    checkDepth(depth + 1, limits);
    let inner: Buffer;
    try {
      // Inflated no further than it declared (already counted): a lying directory is cut short.
      inner = entry.method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
    } catch {
      throw new ArchiveRefused('malformed', `${entry.name.slice(0, 100)} is not what the archive declares`);
    }
    // Its bytes were counted as this level's; what it expands to is counted at the next.
    await inspectBytes(inner, depth + 1, budget, limits);
  }
}

function centralDirectory(bytes: Buffer): ZipEntry[] {
  const malformed = () => new ArchiveRefused('malformed', 'the zip archive is damaged');
  // The end-of-central-directory record: in the last 64 KiB + 22 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw malformed();
  let count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && bytes.readUInt32LE(end - 20) === 0x07064b50) {
    const zip64End = Number(bytes.readBigUInt64LE(end - 12));
    if (zip64End + 56 > bytes.length || bytes.readUInt32LE(zip64End) !== 0x06064b50) throw malformed();
    count = Number(bytes.readBigUInt64LE(zip64End + 32));
    offset = Number(bytes.readBigUInt64LE(zip64End + 48));
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw malformed();
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      encrypted: (bytes.readUInt16LE(at + 8) & 1) === 1,
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    };
    readZip64Extra(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
    if (entries.length > ARCHIVE_LIMITS.maxEntries * 10) throw malformed();
  }
  return entries;
}

/** Sizes and offset too big for 32 bits move to the zip64 extra field, in this order. */
function readZip64Extra(extra: Buffer, entry: ZipEntry) {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        const value = field + 8 <= at + 4 + length ? Number(extra.readBigUInt64LE(field)) : undefined;
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next() ?? entry.size;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localOffset === 0xffffffff) entry.localOffset = next() ?? entry.localOffset;
    }
    at += 4 + length;
  }
}

function entryData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50)
    throw new ArchiveRefused('malformed', 'the zip archive is damaged');
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  return bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
}

/** A gzip in memory (one nested in another archive): inflated under what is left of the budget. */
async function inspectGzipBuffer(bytes: Buffer, depth: number, budget: Budget, limits: ArchiveLimits) {
  checkDepth(depth, limits);
  let inner: Buffer;
  try {
    inner = gunzipSync(bytes, { maxOutputLength: Math.max(budget.left, 1) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') tooBig(limits);
    throw new ArchiveRefused('malformed', 'the gzip stream is damaged');
  }
  budget.left -= inner.length;
  if (budget.left < 0) tooBig(limits);
  await inspectBytes(inner, depth + 1, budget, limits);
}

/**
 * An uploaded gzip, inflated as a stream and counted; nothing is kept but the first bytes (what
 * it holds) and, for a tar, each member that is itself an archive, to judge it one level down.
 */
async function inspectGzipStream(source: Readable, depth: number, budget: Budget, limits: ArchiveLimits) {
  checkDepth(depth, limits);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const tar = new TarWalker();
  // Until 512 bytes have come it is not known what the gzip holds.
  let mode: 'undecided' | 'tar' | 'whole' | 'other' = 'undecided';
  let kept: Buffer[] = [];
  const members: Buffer[] = [];
  try {
    for await (const data of gunzip) {
      const chunk = data as Buffer;
      budget.left -= chunk.length;
      if (budget.left < 0) tooBig(limits);
      if (mode === 'tar') members.push(...tar.push(chunk));
      else if (mode === 'whole') kept.push(chunk);
      else if (mode === 'undecided') {
        kept.push(chunk);
        const head = Buffer.concat(kept);
        if (head.length >= 512) {
          // A tar is walked member by member; a gzip or zip inside a gzip is kept to be judged whole.
          mode = isTar(head) ? 'tar' : isGzip(head) || isZip(head) ? 'whole' : 'other';
          if (mode === 'tar') members.push(...tar.push(head));
          if (mode !== 'whole') kept = [];
        }
      }
      for (const member of members.splice(0)) await inspectBytes(member, depth + 1, budget, limits);
    }
  } catch (error) {
    if (error instanceof ArchiveRefused) throw error;
    throw new ArchiveRefused('malformed', 'the gzip stream is damaged');
  } finally {
    source.unpipe(gunzip);
    source.destroy();
    gunzip.destroy();
  }
  if (kept.length) await inspectBytes(Buffer.concat(kept), depth + 1, budget, limits);
}

/**
 * Reads tar headers from a stream of chunks; hands back the members whose first bytes say they
 * are archives (kept whole, within the budget the caller counts), and skips every other member.
 */
class TarWalker {
  private pending = Buffer.alloc(0);
  /** Bytes of the current member still to come, then its padding. */
  private left = 0;
  private padding = 0;
  private member: Buffer[] | null = null;
  private undecided = false;
  private early: Buffer[] = [];

  *push(chunk: Buffer): Generator<Buffer> {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (;;) {
      if (this.left > 0) {
        const take = Math.min(this.left, this.pending.length);
        if (take === 0) return;
        const piece = this.pending.subarray(0, take);
        this.pending = this.pending.subarray(take);
        this.left -= take;
        if (this.member) this.member.push(piece);
        else if (this.undecided) {
          this.early.push(piece);
          const head = Buffer.concat(this.early);
          if (head.length >= 8 || this.left === 0) {
            this.undecided = false;
            if (isGzip(head) || isZip(head)) this.member = this.early;
            this.early = [];
          }
        }
        if (this.left === 0 && this.member) {
          const whole = Buffer.concat(this.member);
          this.member = null;
          yield whole;
        }
        continue;
      }
      if (this.padding > 0) {
        const skip = Math.min(this.padding, this.pending.length);
        if (skip === 0) return;
        this.pending = this.pending.subarray(skip);
        this.padding -= skip;
        continue;
      }
      if (this.pending.length < 512) return;
      const header = this.pending.subarray(0, 512);
      this.pending = this.pending.subarray(512);
      if (header.every((byte) => byte === 0)) continue;
      const size = Number.parseInt(header.toString('latin1', 124, 136).replace(/\0.*$/, '').trim() || '0', 8);
      if (!Number.isFinite(size) || size < 0) throw new ArchiveRefused('malformed', 'the tar archive is damaged');
      this.left = size;
      this.padding = (512 - (size % 512)) % 512;
      this.member = null;
      this.undecided = size > 0;
      this.early = [];
    }
  }
}

/** A tar in memory (inside a gzip inside something else): its members that are archives, one level down. */
async function inspectTar(bytes: Buffer, depth: number, budget: Budget, limits: ArchiveLimits) {
  checkDepth(depth, limits);
  for (const member of new TarWalker().push(bytes)) await inspectBytes(member, depth + 1, budget, limits);
}
