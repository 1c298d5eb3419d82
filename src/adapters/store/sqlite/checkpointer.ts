import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The worker's whole program: its own connection to the file, a PASSIVE checkpoint every
 * `everyMs` (it never waits for or blocks the app's writes), a TRUNCATE on stop.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = (mode) => { try { db.pragma('wal_checkpoint(' + mode + ')'); } catch {} };
const timer = setInterval(() => checkpoint('PASSIVE'), workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint('TRUNCATE');
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Copies the write-ahead log back into the database file from a worker thread. SQLite's automatic
 * checkpoint runs inside whichever write fills the log, on the event loop, with an fsync: under
 * load it held acks for 100 ms and more. The app's connection turns it off (see store.ts) and this
 * thread does it instead; if the thread dies, `onFailure` turns the automatic one back on.
 */
export function startCheckpointer(
  file: string,
  everyMs: number,
  onFailure: () => void,
): Checkpointer {
  const worker = new Worker(PROGRAM, {
    eval: true,
    workerData: { file, everyMs, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
  });
  // A checkpoint thread must not keep a finished process alive.
  worker.unref();
  let stopped = false;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      if (!stopped) onFailure();
      resolve();
    });
  });
  worker.on('error', () => undefined);
  return {
    async stop() {
      stopped = true;
      // Held while it truncates and closes: an unref'd thread left a process awaiting `exited`
      // with nothing else alive, and Node ended it with exit code 13 mid-close.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
