import { parentPort } from 'node:worker_threads';
import { RejectedInputError } from '../errors.js';
import { STAGES } from '../runner.js';
import { createServices } from '../services.js';
import type { PipelineOptions } from '../stage.js';
import type { StageJob, StageReply } from './stage-pool.js';

// One thread of the stage pool: runs the CPU-bound stages after load (repair, split, extract) on
// the pages it is sent and posts back what they added. Its own services (the repairer's lexicon)
// live as long as the thread.

const services = createServices();

async function run({ file, stages, options }: StageJob): Promise<StageReply['result']> {
  const ctx = { signal: new AbortController().signal, options: options as PipelineOptions, services };
  for (const [name, stage] of STAGES) {
    if (!stages.includes(name)) continue;
    try {
      await stage(file, ctx);
    } catch (e) {
      if (e instanceof RejectedInputError) throw e;
      const message = e instanceof Error ? e.message : String(e);
      throw new RejectedInputError(`${name} stage failed: ${message}`, file.path, (e as { page?: number }).page);
    }
  }
  return { pages: file.pages, documents: file.documents, messages: file.messages };
}

parentPort!.on('message', (job: StageJob) => {
  run(job).then(
    (result) => parentPort!.postMessage({ id: job.id, result } satisfies StageReply),
    (e: unknown) => parentPort!.postMessage({
      id: job.id,
      error: { reason: e instanceof RejectedInputError ? e.reason : String((e as Error)?.message ?? e), page: (e as RejectedInputError)?.page },
    } satisfies StageReply),
  );
});
