// The stage pool (issue 12) takes files only from threads that have warmed up: until then it
// hands them back to the caller, which runs the stages itself, unless told to make them wait.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processFile } from '../../pipeline/runner.js';
import { TEXT_STAGES } from '../../pipeline/stages.js';
import { createServices } from '../../pipeline/services.js';
import { createSourceFile } from '../../pipeline/source-file.js';
import { defaultPipelineOptions } from '../../pipeline/stage.js';
import { StagePool, StagePoolUnavailableError } from '../../pipeline/workers/index.js';
import { JOBS_PER_THREAD } from '../../pipeline/workers/stage-pool.js';

const corpus = join(import.meta.dirname ?? process.cwd(), '..', '..', 'corpus', 'documents');

function decision(times = 1) {
  const bytes = Buffer.from(readFileSync(join(corpus, '000_bf5909d8c7ddf687.txt'), 'utf8').repeat(times));
  const file = createSourceFile({ path: 'beslut.txt', sha256: 'ab'.repeat(32), size: bytes.length, bytes, mime: 'text/plain' });
  const text = bytes.toString('utf8');
  file.pages = [{ n: 1, text, raw: text, origin: 'text', confidence: null }];
  return file;
}

const TEXT_STAGE_NAMES = TEXT_STAGES.map(([name]) => name);

/** Runs `work` with the pool, which is closed after, whatever happens. */
async function withPool(pool: StagePool, work: (pool: StagePool) => Promise<void>): Promise<void> {
  try {
    await work(pool);
  } finally {
    await pool.close();
  }
}

describe('StagePool', () => {
  const services = createServices();
  afterAll(() => services.close());

  it('lends a file back while no thread has warmed up, then runs files in its thread with the same result', async () => {
    await withPool(new StagePool(1), async (pool) => {
      const signal = new AbortController().signal;
      const early = pool.run(decision(), TEXT_STAGE_NAMES, defaultPipelineOptions, signal);
      await expect(early).rejects.toBeInstanceOf(StagePoolUnavailableError);
      await expect(early).rejects.toThrow('warming up');
      // The caller's own run of the stages…
      const here = await processFile(decision(), defaultPipelineOptions, services, signal);
      // …equals the thread's, once the thread has said it is ready.
      let threaded = decision();
      for (let tries = 0; tries < 200; tries++) {
        threaded = decision();
        const taken = await pool.run(threaded, TEXT_STAGE_NAMES, defaultPipelineOptions, signal).then(() => true, (e: unknown) => {
          if (e instanceof StagePoolUnavailableError) return false;
          throw e;
        });
        if (taken) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(pool.completed).toBe(1);
      expect(threaded.documents.length).toBeGreaterThan(0);
      expect(threaded.documents).toEqual(here.documents);
    });
  }, 30_000);

  it('makes files wait for the warm-up when it may not lend', async () => {
    await withPool(new StagePool(1, { lendWhileWarming: false }), async (pool) => {
      const file = decision();
      await pool.run(file, TEXT_STAGE_NAMES, defaultPipelineOptions, new AbortController().signal);
      expect(pool.completed).toBe(1);
      expect(file.documents[0]?.kind).toBe('decision');
    });
  }, 30_000);

  const until = async (ok: () => boolean) => {
    for (let tries = 0; !ok() && tries < 600; tries++) await new Promise((r) => setTimeout(r, 10));
  };

  it('posts JOBS_PER_THREAD files to a thread at once, and every file gets its own result', async () => {
    await withPool(new StagePool(1, { lendWhileWarming: false }), async (pool) => {
      const signal = new AbortController().signal;
      // The first long enough to keep the thread busy while the count is read: no answer comes back before.
      const files = Array.from({ length: JOBS_PER_THREAD + 1 }, (_, i) => decision(i === 0 ? 150 : i + 1));
      const runs = files.map((f) => pool.run(f, TEXT_STAGE_NAMES, defaultPipelineOptions, signal));
      await until(() => pool.inThreads > 0);
      // Posted together once the thread was ready: the last waits in the queue.
      expect(pool.inThreads).toBe(JOBS_PER_THREAD);
      await Promise.all(runs);
      expect(pool.completed).toBe(files.length);
      const here = decision(files.length);
      await processFile(here, defaultPipelineOptions, services, signal);
      expect(files.at(-1)!.documents).toEqual(here.documents);
      expect(files[0].documents).not.toEqual(here.documents);
    });
  }, 30_000);

  it('stopping a file posted behind another replaces the thread, and the other file is posted again and finishes', async () => {
    await withPool(new StagePool(1, { lendWhileWarming: false }), async (pool) => {
      // Long enough to still be in the thread when the second is stopped.
      const long = decision(150);
      const stop = new AbortController();
      const first = pool.run(long, TEXT_STAGE_NAMES, defaultPipelineOptions, new AbortController().signal);
      const second = pool.run(decision(), TEXT_STAGE_NAMES, defaultPipelineOptions, stop.signal);
      await until(() => pool.inThreads === 2);
      expect(pool.inThreads).toBe(2);
      stop.abort();
      await expect(second).rejects.toThrow('stopped');
      // The first went back to the queue: nothing is in a thread until the new one has warmed up.
      expect(pool.inThreads).toBe(0);
      await first;
      expect(long.documents.length).toBeGreaterThan(0);
      expect(pool.completed).toBe(1);
    });
  }, 60_000);
});
