// The WAL checkpointer (pipeline/workers/wal-checkpointer.ts, issue 12): a thread of its own
// copies the archive's WAL into the database file after each group commit, so the writing
// thread no longer pays the random writes and fsync of a checkpoint.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WalCheckpointer } from '../../pipeline/workers/wal-checkpointer.js';

describe('WalCheckpointer', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'arende-wal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A WAL archive whose writer never checkpoints by itself, with `rows` rows committed. */
  function walArchive(rows: number): Database.Database {
    const db = new Database(join(dir, 'a.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('create table t (id integer primary key, body text)');
    const insert = db.prepare('insert into t (body) values (?)');
    db.transaction(() => { for (let i = 0; i < rows; i++) insert.run('x'.repeat(500) + i); })();
    return db;
  }

  it('copies every committed frame into the database file, beside the open writer', async () => {
    const db = walArchive(2000);
    const before = statSync(join(dir, 'a.db')).size;
    const checkpointer = WalCheckpointer.forArchive(join(dir, 'a.db'))!;
    checkpointer.request();
    await checkpointer.close();
    expect(checkpointer.stats).toEqual({ checkpoints: 1, lastError: null });
    expect(statSync(join(dir, 'a.db')).size).toBeGreaterThan(before + 1_000_000);
    // Nothing left to copy: the writer's own checkpoint finds every frame already copied.
    const [left] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(left.log).toBeGreaterThan(200);
    expect(left.checkpointed).toBe(left.log);
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 2000 });
    db.close();
  });

  it('folds requests made while one runs into a single follow-up', async () => {
    const db = walArchive(500);
    const checkpointer = WalCheckpointer.forArchive(join(dir, 'a.db'))!;
    for (let i = 0; i < 6; i++) checkpointer.request();
    await checkpointer.close();
    expect(checkpointer.stats.checkpoints).toBe(2);
    db.close();
  });

  it('is none for an in-memory archive, and a failed thread leaves requests harmless', async () => {
    expect(WalCheckpointer.forArchive(':memory:')).toBeNull();
    const missing = WalCheckpointer.forArchive(join(dir, 'no-such.db'))!;
    missing.request();
    await missing.close();
    expect(missing.alive).toBe(false);
    expect(missing.stats.lastError).toMatch(/unable to open|no such|exited/i);
    missing.request();
  });

  it('when idle does not keep the process alive (a run that fails before closing it still exits)', async () => {
    walArchive(10).close();
    const script = `const { WalCheckpointer } = await import('./pipeline/workers/wal-checkpointer.ts');
      const c = WalCheckpointer.forArchive(${JSON.stringify(join(dir, 'a.db'))});
      c.request();
      setTimeout(() => console.log('checkpoints', c.stats.checkpoints), 1500);`;
    const repo = join(import.meta.dirname ?? process.cwd(), '..', '..');
    const { stdout } = await promisify(execFile)('node', ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repo, timeout: 20_000 });
    expect(stdout.trim()).toBe('checkpoints 1');
  }, 30_000);
});
