// The WAL checkpointer's thread (wal-checkpointer.ts): its own connection to the archive, a
// PASSIVE checkpoint on each request. Plain JS: it needs better-sqlite3 only, not the TypeScript
// loader a stage thread registers.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

let db;
try {
  db = new Database(workerData.path, { fileMustExist: true });
} catch (e) {
  // Said here: an error thrown from a thread reaches the parent without its message.
  parentPort.postMessage({ fatal: e instanceof Error ? e.message : String(e) });
  parentPort.close();
}
parentPort.on('message', (message) => {
  if (!db) return;
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    // PASSIVE: copies what no reader still needs and never waits for (or blocks) the writer.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ frames: result.log, copied: result.checkpointed });
  } catch (e) {
    parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
