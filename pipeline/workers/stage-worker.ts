import { parentPort } from 'node:worker_threads';
import { RejectedInputError } from '../errors.js';
import { TEXT_STAGES } from '../stages.js';
import { createServices } from '../services.js';
import { defaultPipelineOptions, type PipelineOptions } from '../stage.js';
import { createSourceFile } from '../source-file.js';
import type { StageJob, StageReady, StageReply } from './stage-pool.js';

// One thread of the stage pool: runs the CPU-bound stages after load (repair, split, extract) on
// the pages it is sent and posts back what they added. Its own services (the repairer's lexicon)
// live as long as the thread.

const services = createServices();

/** A short decision the thread runs through its stages before it takes files (see warmUp). */
const WARM_UP_TEXT = `Tjänsteskrivelse
Förslag till beslut
Förbundsstyrelsen föreslås besluta att bevilja Östhammars kommun maximalt 100 000 kronor för insatsen Steget vidare under perioden 2024-01-01 - 2024-12-31.
Ärendet
Östhammars kommun ansöker om 100 000 kronor i samverkan med Arbetsförmedlingen och Försäkringskassan.
`;

/**
 * Loads what the stages load on first use (the repairer's lexicon and counts, the extractors'
 * patterns) and lets the JIT see them once, before the first real file: until this thread says
 * it is ready, the pool leaves files to the caller's thread instead of queueing them here.
 */
async function warmUp(): Promise<void> {
  const bytes = Buffer.from(WARM_UP_TEXT);
  const file = createSourceFile({ path: 'warm-up.txt', sha256: '', size: bytes.length, bytes, mime: 'text/plain' });
  file.pages = [{ n: 1, text: WARM_UP_TEXT, raw: WARM_UP_TEXT, origin: 'text', confidence: null }];
  await run({ id: -1, file, stages: TEXT_STAGES.map(([name]) => name), options: defaultPipelineOptions });
}

async function run({ file, stages, options }: StageJob): Promise<StageReply['result']> {
  const ctx = { signal: new AbortController().signal, options: options as PipelineOptions, services };
  for (const [name, stage] of TEXT_STAGES) {
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

// A failed warm-up is not fatal: the first real file meets the same failure and is rejected alone.
void warmUp().catch(() => undefined).then(() => parentPort!.postMessage({ ready: true } satisfies StageReady));

parentPort!.on('message', (job: StageJob) => {
  run(job).then(
    (result) => parentPort!.postMessage({ id: job.id, result } satisfies StageReply),
    (e: unknown) => parentPort!.postMessage({
      id: job.id,
      error: { reason: e instanceof RejectedInputError ? e.reason : String((e as Error)?.message ?? e), page: (e as RejectedInputError)?.page },
    } satisfies StageReply),
  );
});
