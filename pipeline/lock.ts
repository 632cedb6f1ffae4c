import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
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
export function acquireArchiveLock(dbPath: string): () => void {
  const lockPath = `${dbPath}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
        } catch { /* already gone */ }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lockPath, 'utf8'));
      if (pid && alive(pid) && pid !== process.pid) {
        throw new ArchiveLockedError(`archive is being written by another arende run (pid ${pid}); try again when it has finished`, dbPath);
      }
      unlinkSync(lockPath);
    }
  }
  throw new ArchiveLockedError('could not take the archive lock', dbPath);
}
