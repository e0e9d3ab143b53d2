import type { SecretKeyring } from '../platform/secret-box.js';
import { loadOrCreateSecretKeyFile, readSecretKeyFile } from '../platform/secret-key-file.js';
import type { DatabaseTarget } from './connect.js';

/**
 * Which key seals the stored secrets. MESA_SECRET_KEY when set. Otherwise one SQLite process —
 * the `npm start` path — keeps a key of its own in the data directory (beside the database: back
 * both up). Several instances on one PostgreSQL must all hold the same key, which only the setting
 * gives them: there, without it, nothing is sealed, and startup refuses once a secret is stored
 * (`sealStoredSecrets`). On SQLite a key file left from before MESA_SECRET_KEY was set still opens
 * what it sealed, until startup seals it again with the set key.
 */
export function secretKeyringFor(
  target: DatabaseTarget,
  settings: { current: Buffer | null; previous: readonly Buffer[] },
  dataDir: string,
): { keyring: SecretKeyring | null; keyFile: string | null } {
  if (target.engine === 'postgres') {
    return {
      keyring: settings.current ? { current: settings.current, previous: settings.previous } : null,
      keyFile: null,
    };
  }
  if (settings.current) {
    const left = readSecretKeyFile(dataDir);
    return {
      keyring: { current: settings.current, previous: [...settings.previous, ...(left ? [left] : [])] },
      keyFile: null,
    };
  }
  const { key, path } = loadOrCreateSecretKeyFile(dataDir);
  return { keyring: { current: key, previous: settings.previous }, keyFile: path };
}
