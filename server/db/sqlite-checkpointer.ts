import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the thread checkpoints. */
export const CHECKPOINT_EVERY_MS = 1000;
/** The writer's own threshold (pages of 4 KiB), a backstop for this thread. */
export const WRITER_AUTO_CHECKPOINT_PAGES = 10_000;

// The thread's code, as CommonJS: it needs only the driver, resolved from here.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or failing: the writer's own threshold still bounds the log.
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Checkpoints once more and ends the thread. */
  stop(): Promise<void>;
}

/**
 * Folds SQLite's write-ahead log back into the database file from a thread of its own.
 *
 * SQLite does this itself ("auto-checkpoint") inside the commit that takes the log past 1,000
 * pages, on the thread that committed: in a server, that is the one thread that answers requests,
 * and each time it spends milliseconds writing a thousand pages and syncing the file. Here a
 * thread with its own connection runs a passive checkpoint every second instead, which copies
 * what is committed without ever blocking the writer or the readers. The server's writer keeps a
 * far higher auto-checkpoint threshold of its own, so the log stays bounded should this thread
 * fall behind.
 */
export function startCheckpointer(file: string, everyMs = CHECKPOINT_EVERY_MS): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(SOURCE, { eval: true, workerData: { file, driver, everyMs } });
  // It never keeps the process alive on its own, and its failure never ends the server: the
  // writer's own threshold takes over.
  worker.unref();
  worker.on('error', (error) => process.emitWarning(`The SQLite checkpoint thread stopped: ${error.message}`));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop() {
      // Held open until the thread has checkpointed and closed, or the process would exit first.
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}
