import { parentPort, workerData } from 'node:worker_threads';
import { SqliteBatchWriter } from './sqlite-writer.js';
import type { Batch } from './tables.js';

/**
 * The writer thread: SQLite inserts batches here while the main thread makes the next ones, so
 * both cores work. Each message is a batch (answered once committed) or null to finish: the
 * deferred indexes made again, statistics gathered and the connection closed (answered too).
 */
const port = parentPort;
if (!port) throw new Error('sqlite-worker runs as a worker thread');
const { file, deferIndexes } = workerData as { file: string; deferIndexes: boolean };
const writer = new SqliteBatchWriter(file, deferIndexes);
const reply = (run: () => void) => {
  try {
    run();
    port.postMessage({ ok: true });
  } catch (error) {
    port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
port.on('message', (batch: Batch | null) => {
  if (batch !== null) {
    reply(() => writer.write(batch));
    return;
  }
  reply(() => {
    try {
      writer.restoreIndexes();
      writer.analyze();
    } finally {
      writer.close();
    }
  });
  port.close();
});
