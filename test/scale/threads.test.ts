// Stage threads (issue 12) must change where repair, split and extract run, never what they
// produce: the corpus's text files ingested with and without them export the same archive.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../../db/archive.js';
import { exportArchive } from '../../db/queries/export.js';
import { busyMeter, inFlightLimits, ingest, type IngestOptions } from '../../pipeline/runner.js';
import { JOBS_PER_THREAD } from '../../pipeline/workers/index.js';

const documents = join(import.meta.dirname ?? process.cwd(), '..', '..', 'corpus', 'documents');

async function exported(db: string, stageThreads: number, more: Partial<IngestOptions> = {}) {
  const files = readdirSync(documents).filter((f) => f.endsWith('.txt')).sort().map((f) => join(documents, f));
  // More files than STAGE_THREADS_AFTER (16), so the threaded run does start its threads.
  expect(files.length).toBeGreaterThan(16);
  const summary = await ingest(files, { db, jobs: 2, stageThreads, waitForStageThreads: true, ...more });
  expect(summary.rejected).toBe(0);
  if (stageThreads) expect(summary.threaded).toBeGreaterThan(0);
  const archive = await openArchive(db, { readonly: true });
  try {
    return await exportArchive(archive);
  } finally {
    await archive.destroy();
  }
}

describe('stage threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arende-threads-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('export the corpus texts exactly as one thread does', async () => {
    const single = await exported(join(dir, 'single.db'), 0);
    const threaded = await exported(join(dir, 'threaded.db'), 2);
    expect(threaded.documents.length).toBe(single.documents.length);
    expect(threaded).toEqual(single);
    // One stage thread beside this one (the default on two cores) runs too.
    expect(await exported(join(dir, 'one-thread.db'), 1)).toEqual(single);
    // A byte budget smaller than every file: each file is read only when no other is held.
    expect(await exported(join(dir, 'one-file-at-a-time.db'), 1, { inFlightBytes: 1 })).toEqual(single);
  }, 180_000);
});

describe('inFlightLimits (backpressure of an ingest run)', () => {
  it('loads at most jobs files alone and 4 × jobs beside stage threads, and holds enough beyond loading to keep every thread posted full', () => {
    for (const jobs of [1, 2, 8]) {
      expect(inFlightLimits(jobs, 0)).toEqual({ loading: jobs, files: jobs });
      for (const threads of [1, 3]) {
        const limit = inFlightLimits(jobs, threads);
        expect(limit.loading).toBe(4 * jobs);
        // Each thread's posted files plus a thread's worth of answers waiting for this thread to write them.
        expect(limit.files - limit.loading).toBeGreaterThanOrEqual(JOBS_PER_THREAD * (threads + 1));
      }
    }
  });
});

describe('busyMeter (when stage threads start)', () => {
  const spin = (ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until);
  };
  const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('says busy only after a window of work, not for an idle thread', async () => {
    const busy = busyMeter();
    expect(busy()).toBe(false); // no window yet
    await idle(300);
    expect(busy()).toBe(false); // a thread waiting on OCR workers
    const working = busyMeter();
    spin(300);
    expect(working()).toBe(true); // a thread running the stages itself
  });

  it('judges recent time: a busy spell after a long idle one counts once the window restarts', async () => {
    const busy = busyMeter();
    await idle(5100);
    expect(busy()).toBe(false); // closes the 5 s window
    await idle(1);
    spin(400);
    expect(busy()).toBe(true);
  }, 10_000);
});
