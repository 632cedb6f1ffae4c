import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { ArchiveLockedError } from './errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer per archive: `FILE.lock` holds the writer's pid. A lock left by a killed run (its pid
 * is gone) is taken over; a live one makes the second run stop with a clear message.
 */
/** Creates the lock file with our pid in one step (link is atomic), so no run ever reads it empty. */
function tryCreate(lockPath: string): boolean {
  const tmp = `${lockPath}.${process.pid}.tmp`;
  writeFileSync(tmp, String(process.pid));
  try {
    linkSync(tmp, lockPath);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return false;
  } finally {
    unlinkSync(tmp);
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function acquireArchiveLock(dbPath: string): () => void {
  const lockPath = `${dbPath}.lock`;
  const mine = String(process.pid);
  let tookOverStale = false;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(lockPath)) {
      if (tookOverStale) {
        // Two runs may both have cleared the same stale lock; the one whose pid stands in the file wins.
        sleep(100);
        const holder = readFileSync(lockPath, 'utf8');
        if (holder !== mine) throw new ArchiveLockedError(`archive is being written by another arende run (pid ${holder}); try again when it has finished`, dbPath);
      }
      return () => {
        try {
          if (readFileSync(lockPath, 'utf8') === mine) unlinkSync(lockPath);
        } catch { /* already gone */ }
      };
    }
    let pid = 0;
    try {
      pid = Number(readFileSync(lockPath, 'utf8'));
    } catch { /* removed meanwhile: try again */ }
    if (pid && alive(pid) && pid !== process.pid) {
      throw new ArchiveLockedError(`archive is being written by another arende run (pid ${pid}); try again when it has finished`, dbPath);
    }
    try {
      unlinkSync(lockPath);
    } catch { /* another run cleared it first */ }
    tookOverStale = true;
  }
  throw new ArchiveLockedError('could not take the archive lock', dbPath);
}
