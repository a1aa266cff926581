// SQLite: the WAL is copied back into the database file (a checkpoint) by a worker thread with its own
// connection, not inside a COMMIT on the request thread: a checkpoint of a few thousand pages, with its fsync,
// used to pause every request behind one commit in ten (bench/ingest.bench.ts). A PASSIVE checkpoint never
// blocks the writer, so the worker simply runs one every CHECKPOINT_EVERY_MS; the request thread's own automatic
// checkpoint stays on at a higher mark (SAFETY_NET_PAGES), should the worker ever fall behind.
import { Worker } from 'node:worker_threads';

const CHECKPOINT_EVERY_MS = 250;
/** wal_autocheckpoint of the request thread's connection: 16 MB of WAL (SQLite's default is 1000 pages). */
export const SAFETY_NET_PAGES = 4000;

// CommonJS, evaluated in the worker: it only needs better-sqlite3, so it need not go through tsx.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy (a backup, another checkpoint): the next turn */ }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/** Starts the checkpointing worker for the database file at `path`; stop() ends it (before the file is closed). */
export function startCheckpointer(path: string, driver: string): { stop: () => Promise<void> } {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, everyMs: CHECKPOINT_EVERY_MS } });
  worker.unref();
  // A worker that fails (the file gone, say) leaves the request thread's own checkpoints to do the work.
  worker.on('error', (e) => console.error('SQLite checkpoint worker stopped:', e instanceof Error ? e.message : e));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        // Held open until it has closed its connection (unref'd, it would let the process end first).
        worker.ref();
        worker.postMessage('stop');
        setTimeout(() => void worker.terminate(), 2000).unref();
      }),
  };
}
