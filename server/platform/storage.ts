import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from './errors.js';

/** Where attachment bytes live. Local files today; object storage implements the same three calls. */
export interface BlobStorage {
  /** Streams `source` into `key`, refusing more than `maxBytes`; returns its size and SHA-256. */
  write(key: string, source: Readable, maxBytes: number): Promise<{ size: number; sha256: string }>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
}

export function localStorage(root: string): BlobStorage {
  const pathOf = (key: string) => {
    if (!/^[\w-]+(\/[\w-]+)*$/.test(key)) throw new Error(`bad storage key ${key}`);
    return join(root, key);
  };
  return {
    async write(key, source, maxBytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Written beside its final name and renamed at the end, so a half-written file never shows.
      const partial = `${path}.partial`;
      const hash = createHash('sha256');
      let size = 0;
      try {
        await pipeline(
          source,
          async function* (chunks: AsyncIterable<Buffer>) {
            for await (const chunk of chunks) {
              size += chunk.length;
              if (size > maxBytes) throw new AppError('payload_too_large', `Files may be at most ${maxBytes} bytes`);
              hash.update(chunk);
              yield chunk;
            }
          },
          createWriteStream(partial),
        );
        // On disk before anyone is told it is stored: a mail server gets its 250 only after this.
        await syncPath(partial);
        await rename(partial, path);
        await syncPath(dirname(path));
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return { size, sha256: hash.digest('hex') };
    },
    read: (key) => createReadStream(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
