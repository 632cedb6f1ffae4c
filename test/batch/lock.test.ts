import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchiveLockedError } from '../../pipeline/errors.js';
import { acquireArchiveLock } from '../../pipeline/lock.js';

describe('acquireArchiveLock', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'arende-lock-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes our pid, refuses a second holder while a live run holds it, and releases', () => {
    const db = join(dir, 'a.db');
    const release = acquireArchiveLock(db);
    expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid));
    writeFileSync(`${db}.lock`, String(process.ppid));
    expect(() => acquireArchiveLock(db)).toThrow(ArchiveLockedError);
    writeFileSync(`${db}.lock`, String(process.pid));
    release();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('takes over a lock whose run is gone, leaving no temporary file behind', () => {
    const db = join(dir, 'b.db');
    writeFileSync(`${db}.lock`, '999999999');
    const release = acquireArchiveLock(db);
    expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(`${db}.lock.${process.pid}.tmp`)).toBe(false);
  });
});
