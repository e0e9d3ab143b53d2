import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSecretKey, SECRET_KEY_BYTES } from './secret-box.js';

export const SECRET_KEY_FILE = 'secret.key';

/** The key kept in the data directory, or null when there is none. A file others may read is refused. */
export function readSecretKeyFile(dataDir: string): Buffer | null {
  const path = join(dataDir, SECRET_KEY_FILE);
  if (!existsSync(path)) return null;
  // Whoever reads it reads every secret it seals.
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0)
    throw new Error(`${path} may be read by other users: chmod 600 it (it holds the key secrets are encrypted with)`);
  return parseSecretKey(readFileSync(path, 'utf8'), path);
}

/**
 * The key a single instance keeps for itself when MESA_SECRET_KEY is not set: made once, at the
 * first start, in the data directory, readable by its owner only (0600). Created exclusively, so
 * two processes starting together still end with one key.
 */
export function loadOrCreateSecretKeyFile(dataDir: string): { key: Buffer; path: string } {
  const path = join(dataDir, SECRET_KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(SECRET_KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return { key: readSecretKeyFile(dataDir) as Buffer, path };
}
