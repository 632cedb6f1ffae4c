// Ingest stores each file in a savepoint; SQLite's statement journal for it stays in memory
// (pipeline/runner.ts, issue 12) instead of costing dozens of writes to a temporary file per
// document. Watched from outside: SQLite creates its temporary files under SQLITE_TMPDIR.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = resolve(fileURLToPath(import.meta.url), '../../..');

describe('ingest and temporary files', () => {
  it('creates no SQLite temporary file while storing files in savepoints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arende-temp-'));
    try {
      const input = join(dir, 'in');
      const sqliteTmp = join(dir, 'sqlite-tmp');
      mkdirSync(input);
      mkdirSync(sqliteTmp);
      const seeds = readdirSync(join(repo, 'corpus/documents')).filter((n) => /^\d{3}_.*\.txt$/.test(n));
      expect(seeds.length).toBeGreaterThanOrEqual(5);
      // Several files in one group commit: each file's savepoint changes pages the group already changed.
      for (const name of seeds) for (const copy of [1, 2, 3]) copyFileSync(join(repo, 'corpus/documents', name), join(input, `${copy}-${name}`));
      const created: string[] = [];
      const watcher = watch(sqliteTmp, (event, name) => created.push(`${event} ${name}`));
      try {
        await run('node', [join(repo, 'bin/arende.js'), 'ingest', input, '--db', join(dir, 'a.db'), '--quiet'],
          { cwd: repo, env: { ...process.env, CI: 'true', SQLITE_TMPDIR: sqliteTmp } });
        await new Promise((r) => setTimeout(r, 200));
      } finally {
        watcher.close();
      }
      expect(created).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
