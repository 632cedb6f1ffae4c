import { createScheduler, createWorker, type ImageLike, type Scheduler, type Worker } from 'tesseract.js';
import { availableParallelism } from 'node:os';
import { ArendeError } from '../errors.js';
import type { OcrWord } from '../source-file.js';
import { modelPath, type OcrLanguage } from './model.js';
import { wholeSharedBuffer } from './shared-image.js';
import { dropSpecks, meanConfidence, placeWords, wordsFromTsv } from './words.js';

/** What OCR of one page image yields. */
export interface OcrPage {
  text: string;
  /** Mean word confidence 0..1, null when no word was found. */
  confidence: number | null;
  words: OcrWord[];
}

export interface OcrPool {
  readonly size: number;
  readonly language: OcrLanguage;
  /** OCR one page image (PGM/PNG/JPEG/TIFF bytes). Rejects with AbortError when the signal fires first. */
  recognize(image: Buffer, signal?: AbortSignal): Promise<OcrPage>;
  /** A searchable PDF (image + invisible text layer) of the page, as tesseract renders it. */
  recognizePdf(image: Buffer): Promise<Uint8Array>;
  /** Terminates the workers; the pool cannot be used afterwards. */
  close(): Promise<void>;
}

export interface OcrPoolOptions {
  language?: OcrLanguage;
  /**
   * Page segmentation mode. 3 (fully automatic, the CLI's default) measured better than
   * tesseract.js's default 6 (one uniform block) on the generated decisions: it keeps
   * headings and paragraphs apart instead of merging lines across gaps.
   */
  psm?: string;
}

/**
 * A tesseract.js scheduler over `workers` workers, each loading the model from
 * node_modules (`langPath`), gzip-compressed, with `cacheMethod: 'none'` so nothing is
 * fetched and no traineddata lands in the working directory.
 */
export async function createOcrPool(workers = availableParallelism(), options: OcrPoolOptions = {}): Promise<OcrPool> {
  const language = options.language ?? 'swe';
  const langPath = modelPath(language);
  const size = Math.max(1, Math.floor(workers));
  const scheduler: Scheduler = createScheduler();
  const started: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: size }, async () => {
        const worker = await createWorker(language, 1 /* LSTM only */, {
          langPath,
          gzip: true,
          cacheMethod: 'none',
          // A failed load must reject here, not crash the process from the worker thread.
          errorHandler: () => undefined,
        });
        started.push(worker);
        await worker.setParameters({
          tessedit_pageseg_mode: (options.psm ?? '3') as never,
          user_defined_dpi: '300',
          preserve_interword_spaces: '1',
          // Tesseract reads a doubtful line again inverted (white on black): never the case in
          // these case files, and ~12 % of a page's time (issue 12; same text on the bench scans).
          tessedit_do_invert: '0',
          // tesseract's own diagnostics ("Detected N diacritics") would otherwise reach stdout.
          debug_file: '/dev/null',
        } as never);
        scheduler.addWorker(worker);
      }),
    );
  } catch (cause) {
    await Promise.allSettled(started.map((w) => w.terminate()));
    throw new ArendeError(`could not start the OCR workers (${language}): ${String(cause)}`, undefined, undefined, { cause });
  }
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new ArendeError('OCR pool is closed');
  };

  return {
    size,
    language,
    async recognize(image, signal) {
      ensureOpen();
      signal?.throwIfAborted();
      const job = scheduler.addJob('recognize', sharedOrCopied(image), {}, { text: true, tsv: true });
      const result = await (signal ? raceAbort(job, signal) : job);
      const { text, words: recognised } = dropSpecks(result.data.text ?? '', wordsFromTsv(result.data.tsv ?? ''));
      const words = placeWords(text, recognised);
      return { text, confidence: meanConfidence(words), words };
    },
    async recognizePdf(image) {
      ensureOpen();
      const result = await scheduler.addJob('recognize', sharedOrCopied(image), { pdfTitle: 'scan' }, { text: false, pdf: true });
      if (!result.data.pdf) throw new ArendeError('tesseract produced no PDF');
      return Uint8Array.from(result.data.pdf);
    },
    async close() {
      if (closed) return;
      closed = true;
      await scheduler.terminate();
    },
  };
}

/**
 * The image as tesseract.js should get it. It makes a Uint8Array of whatever it is given and posts
 * that to the worker: a Buffer is copied there and again by postMessage, while a whole
 * SharedArrayBuffer becomes a view that both threads share (prepareImage's pages are one).
 */
function sharedOrCopied(image: Buffer): ImageLike {
  // tesseract.js's ImageLike does not name ArrayBuffers, though its loadImage takes them.
  return (wholeSharedBuffer(image) as unknown as ImageLike | null) ?? image;
}

/** Stops waiting when the signal fires; the worker finishes its page but nobody awaits it. */
function raceAbort<T>(job: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    job.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
