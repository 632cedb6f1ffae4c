// Flat memory (issue 12): an ingest run keeps no per-file state once a file is stored, and its
// writes reach the archive in bounded groups. Asserted on heap size after a full GC, not on time.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openArchive, type Archive } from '../../db/archive.js';
import { storeRejection } from '../../db/queries/store-file.js';
import { archiveCacheKb } from '../../pipeline/runner.js';
import { ArchiveWriter } from '../../pipeline/workers/index.js';

const run = promisify(execFile);
const repo = join(import.meta.dirname ?? process.cwd(), '..', '..');

describe('memory across an ingest run', () => {
  it('keeps the heap flat from file 50 to file 150 of generated ansökningar and beslut', async () => {
    const { stdout } = await run('node', ['--expose-gc', '--import', 'tsx', 'test/scale/heap-probe.ts', '150'], { cwd: repo, maxBuffer: 1 << 20 });
    const { heap, new: stored, rejected } = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(stored).toBe(150);
    expect(rejected).toBe(0);
    // A stored file kept alive costs ≥ 20 kB (bytes, pages, fields, evidence): 100 of them ≥ 2 MB.
    // The bounded memos of repair and extraction may still fill a little with new names.
    expect(heap[150] - heap[50]).toBeLessThan(1 << 20);
  }, 120_000);
});

describe('archiveCacheKb', () => {
  it('gives a new or small archive 16 MiB, a large one 1/32 of its size, and never more than 64 MiB', () => {
    expect(archiveCacheKb(0)).toBe(16 * 1024);
    expect(archiveCacheKb(300 * 2 ** 20)).toBe(16 * 1024);
    expect(archiveCacheKb(1536 * 2 ** 20)).toBe(48 * 1024);
    expect(archiveCacheKb(2.85e9)).toBe(64 * 1024);
  });
});

describe('ArchiveWriter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arende-writer-'));
  let db: Archive;
  beforeAll(async () => {
    db = await openArchive(join(dir, 'a.db'));
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits every maxFiles writes and never holds more uncommitted', async () => {
    const writer = new ArchiveWriter(db, { maxFiles: 10, maxMs: 60_000 });
    let peak = 0;
    for (let i = 0; i < 25; i++) {
      await writer.write((trx) => storeRejection(trx, `f${i}.txt`, null, 'test'));
      peak = Math.max(peak, writer.pending);
    }
    expect(peak).toBe(9);
    expect(writer.pending).toBe(5);
    await writer.flush();
    expect(writer.pending).toBe(0);
    const { n } = await db.selectFrom('rejections').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(25);
  });

  it('rolls back a failing file alone and keeps the others of its group', async () => {
    const writer = new ArchiveWriter(db, { maxFiles: 100, maxMs: 60_000 });
    await writer.write((trx) => storeRejection(trx, 'good-1.txt', null, 'kept'));
    await expect(writer.write(async (trx) => {
      await storeRejection(trx, 'bad.txt', null, 'half written');
      throw new Error('extract crashed');
    })).rejects.toThrow('extract crashed');
    await writer.write((trx) => storeRejection(trx, 'good-2.txt', null, 'kept'));
    await writer.flush();
    const paths = (await db.selectFrom('rejections').select('path').where('reason', '!=', 'test').orderBy('path').execute()).map((r) => r.path);
    expect(paths).toEqual(['good-1.txt', 'good-2.txt']);
  });

  it('lets reads see the uncommitted writes of the group', async () => {
    const writer = new ArchiveWriter(db, { maxFiles: 100, maxMs: 60_000 });
    await writer.write((trx) => storeRejection(trx, 'seen.txt', null, 'pending'));
    const row = await writer.read((q) => q.selectFrom('rejections').select('reason').where('path', '=', 'seen.txt').executeTakeFirst());
    expect(row?.reason).toBe('pending');
    await writer.flush();
  });
});
