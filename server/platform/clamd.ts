import { connect, type Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { AppError } from './errors.js';

/** What a virus scanner says about a file. */
export type ScanVerdict = { infected: false } | { infected: true; signature: string };

/** Scans a file's bytes; throws AppError('unavailable') when the scanner cannot give an answer. */
export interface VirusScanner {
  scan(source: Readable): Promise<ScanVerdict>;
}

/** clamd reads a stream in chunks of at most this many bytes (well under its StreamMaxLength). */
const CHUNK = 64 * 1024;
export const CLAMD_TIMEOUT_MS = 30_000;

/** Where clamd listens, from MESA_CLAMD: an absolute Unix socket path, or tcp://host:port. */
export type ClamdAddress = { path: string } | { host: string; port: number };

export function parseClamdAddress(value: string): ClamdAddress | null {
  if (value.startsWith('/')) return { path: value };
  const match = /^tcp:\/\/(\[[^\]]+\]|[^:/]+):(\d{1,5})\/?$/.exec(value);
  if (!match) return null;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return null;
  return { host: (match[1] as string).replace(/^\[|\]$/g, ''), port };
}

/**
 * A ClamAV daemon spoken to with its INSTREAM command: `zINSTREAM\0`, then the file as chunks each
 * led by its length (4 bytes, big-endian), a zero length to end; clamd answers `stream: OK` or
 * `stream: <signature> FOUND`, NUL-terminated. Anything else — no connection, no answer within the
 * timeout, an ERROR answer (a file over its StreamMaxLength, say) — is `unavailable`: the caller
 * fails closed rather than take a file nobody has looked at.
 */
export function clamdScanner(address: ClamdAddress, timeoutMs = CLAMD_TIMEOUT_MS): VirusScanner {
  const where = 'path' in address ? address.path : `${address.host}:${address.port}`;
  const unavailable = (why: string) =>
    new AppError('unavailable', `The virus scanner could not check the file (${why}); try again later`, {
      headers: { 'retry-after': '60' },
    });
  return {
    scan: (source) =>
      new Promise<ScanVerdict>((resolve, reject) => {
        let settled = false;
        const answer: Buffer[] = [];
        const socket: Socket = connect(address);
        const finish = (error: AppError | null, verdict?: ScanVerdict) => {
          if (settled) return;
          settled = true;
          socket.destroy();
          source.destroy();
          if (error) reject(error);
          else resolve(verdict as ScanVerdict);
        };
        socket.setTimeout(timeoutMs, () => finish(unavailable(`no answer from clamd at ${where} in ${timeoutMs} ms`)));
        socket.on('error', (error) => finish(unavailable(`clamd at ${where}: ${error.message}`)));
        socket.on('data', (chunk: Buffer) => {
          answer.push(chunk);
          const text = Buffer.concat(answer).toString('utf8');
          if (text.includes('\0')) finish(...readAnswer(text.slice(0, text.indexOf('\0')), unavailable));
        });
        socket.on('end', () => finish(...readAnswer(Buffer.concat(answer).toString('utf8'), unavailable)));
        socket.on('connect', () => {
          send(socket, source).catch((error: unknown) => {
            // The file could not be read, or clamd closed the stream early (a size limit).
            finish(unavailable(error instanceof Error ? error.message : String(error)));
          });
        });
      }),
  };
}

async function send(socket: Socket, source: Readable): Promise<void> {
  const write = (bytes: Buffer) =>
    new Promise<void>((resolve, reject) => {
      socket.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  await write(Buffer.from('zINSTREAM\0', 'latin1'));
  for await (const data of source) {
    const bytes = data as Buffer;
    for (let at = 0; at < bytes.length; at += CHUNK) {
      const piece = bytes.subarray(at, at + CHUNK);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(piece.length);
      await write(Buffer.concat([length, piece]));
    }
  }
  await write(Buffer.alloc(4));
}

function readAnswer(text: string, unavailable: (why: string) => AppError): [AppError | null, ScanVerdict?] {
  const line = text.replace(/\0/g, '').trim();
  if (line === 'stream: OK') return [null, { infected: false }];
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found) return [null, { infected: true, signature: (found[1] as string).slice(0, 200) }];
  return [
    unavailable(line ? `clamd answered "${line.slice(0, 200)}"` : 'clamd closed the connection without an answer'),
  ];
}
