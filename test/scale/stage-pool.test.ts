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

const corpus = join(import.meta.dirname ?? process.cwd(), '..', '..', 'corpus', 'documents');

function decision() {
  const bytes = readFileSync(join(corpus, '000_bf5909d8c7ddf687.txt'));
  const file = createSourceFile({ path: 'beslut.txt', sha256: 'ab'.repeat(32), size: bytes.length, bytes, mime: 'text/plain' });
  const text = bytes.toString('utf8');
  file.pages = [{ n: 1, text, raw: text, origin: 'text', confidence: null }];
  return file;
}

const TEXT_STAGE_NAMES = TEXT_STAGES.map(([name]) => name);

describe('StagePool', () => {
  const services = createServices();
  afterAll(() => services.close());

  it('lends a file back while no thread has warmed up, then runs files in its thread with the same result', async () => {
    const pool = new StagePool(1);
    try {
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
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('makes files wait for the warm-up when it may not lend', async () => {
    const pool = new StagePool(1, { lendWhileWarming: false });
    try {
      const file = decision();
      await pool.run(file, TEXT_STAGE_NAMES, defaultPipelineOptions, new AbortController().signal);
      expect(pool.completed).toBe(1);
      expect(file.documents[0]?.kind).toBe('decision');
    } finally {
      await pool.close();
    }
  }, 30_000);
});
