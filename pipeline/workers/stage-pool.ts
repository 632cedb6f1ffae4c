import { Worker } from 'node:worker_threads';
import { RejectedInputError } from '../errors.js';
import type { SourceFile } from '../source-file.js';
import { defaultPipelineOptions, type PipelineOptions } from '../stage.js';

/** What a stage thread is sent: the file without its bytes and page images, and the stages to run. */
export interface StageJob {
  id: number;
  file: SourceFile;
  stages: string[];
  options: PipelineOptions;
}

/** A thread's word that it has warmed up and takes jobs. */
export interface StageReady { ready: true }

/** A thread's answer to a job. */
export interface StageReply {
  id: number;
  result?: Pick<SourceFile, 'pages' | 'documents' | 'messages'>;
  error?: { reason: string; page?: number };
}

/**
 * The pool cannot run this file's stages — its threads failed to start, or (lending) none has
 * warmed up yet: the stages should run in the caller's thread.
 */
export class StagePoolUnavailableError extends Error {
  constructor(cause: Error) {
    super(`stage threads unavailable: ${cause.message}`, { cause });
  }
}

export interface StagePoolOptions {
  /**
   * While no thread has warmed up (~1 s: imports, lexicon), give files back to the caller to run
   * itself instead of queueing them (default). Off, files wait for the threads: for tests that
   * must see the threads work.
   */
  lendWhileWarming?: boolean;
}

/**
 * Jobs posted to a thread at once: it starts the next as soon as it has answered one, instead of
 * idling until this thread has taken the answer and posted again (often only after a file's SQL:
 * a third of the stage thread's time on 3 000 text files). Enough to last through a group commit,
 * in which this thread posts nothing: ~45 ms in an empty archive and ~115 ms in the 100 000-
 * document one (index flush and commit of ~100 files), at ~2.5 ms per text file in the thread.
 * At 16 the thread ran dry in those commits, and this thread then waited for its answers: asleep
 * 0.43-0.47 ms per document in the large archive, 0.58-0.63 in an empty one; at 48, 0.26-0.28 and
 * 0.28-0.55 (its event loop idle 5-6 % of a 10 000-file run instead of 9-14 %).
 */
export const JOBS_PER_THREAD = 48;

interface Slot { worker: Worker; ready: boolean; done: number }
interface Pending { job: StageJob; file: SourceFile; signal: AbortSignal; resolve: () => void; reject: (e: Error) => void }
interface Running { slot: Slot; pending: Pending }

/**
 * A pool of worker threads for the CPU-bound stages (tesseract.js's scheduler shape: callers only
 * add jobs). The main thread keeps loading (I/O, the OCR pool) and the SQLite writes; a file's
 * pages go to a free thread and come back repaired, split and extracted. A thread whose file
 * runs out of time is terminated and replaced, so a runaway extractor cannot hold a slot.
 */
export class StagePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  /** Posted files by job id, in the order they were posted. */
  private readonly running = new Map<number, Running>();
  private nextId = 0;
  private closed = false;
  /** Set when a thread could not even start (e.g. no TypeScript loader): callers run the stages themselves. */
  private broken: Error | null = null;
  /** Jobs done by threads since replaced. */
  private retired = 0;

  private readonly lendWhileWarming: boolean;

  constructor(readonly size: number, options: StagePoolOptions = {}) {
    this.lendWhileWarming = options.lendWhileWarming ?? true;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Runs `stages` (names from STAGES) on the file in a thread; the file is updated in place. */
  run(file: SourceFile, stages: string[], options: PipelineOptions, signal: AbortSignal): Promise<void> {
    if (this.closed) return Promise.reject(new Error('stage pool closed'));
    if (this.broken) return Promise.reject(new StagePoolUnavailableError(this.broken));
    if (this.lendWhileWarming && !this.slots.some((s) => s.ready)) return Promise.reject(new StagePoolUnavailableError(new Error('warming up')));
    return new Promise((resolve, reject) => {
      // Bytes stay here (the stages after load do not read them); page images too (large, unread).
      const pages = file.pages.map((p) => (p.image?.png ? { ...p, image: { width: p.image.width, height: p.image.height } } : p));
      // Only the pipeline options cross: the run's own (stop signal, callbacks) cannot be cloned.
      const cloneable = Object.fromEntries(Object.keys(defaultPipelineOptions).map((k) => [k, options[k as keyof PipelineOptions]])) as unknown as PipelineOptions;
      const job: StageJob = { id: this.nextId++, file: { ...file, bytes: Buffer.alloc(0), pages }, stages, options: cloneable };
      const pending: Pending = { job, file, signal, resolve, reject };
      signal.addEventListener('abort', () => this.abort(pending), { once: true });
      this.queue.push(pending);
      this.dispatch();
    });
  }

  /** Files posted to threads and not yet answered. */
  get inThreads(): number {
    return this.running.size;
  }

  /** Files whose stages ran in a thread of this pool. */
  get completed(): number {
    return this.slots.reduce((n, s) => n + s.done, this.retired);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('stage pool closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./stage-worker-entry.mjs', import.meta.url), { execArgv: [] });
    const slot: Slot = { worker, ready: false, done: 0 };
    worker.on('message', (reply: StageReply | StageReady) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.dispatch();
      } else this.settle(slot, reply);
    });
    worker.on('error', (e) => this.fail(slot, e));
    // An idle thread must not keep the process alive; a busy one must (its file is awaited).
    worker.unref();
    return slot;
  }

  /** The files posted to a thread and not yet answered, oldest (the one it is working on) first. */
  private postedTo(slot: Slot): Running[] {
    return [...this.running.values()].filter((entry) => entry.slot === slot);
  }

  private dispatch(): void {
    // Each thread gets one job before any gets a second.
    for (let depth = 1; depth <= JOBS_PER_THREAD; depth++) {
      for (const slot of this.slots) {
        while (slot.ready && this.postedTo(slot).length < depth) {
          const pending = this.queue.shift();
          if (!pending) return;
          if (pending.signal.aborted) continue;
          slot.worker.ref();
          this.running.set(pending.job.id, { slot, pending });
          slot.worker.postMessage(pending.job);
        }
      }
    }
  }

  private settle(slot: Slot, reply: StageReply): void {
    // A replaced thread may still answer for files since posted again: only their new thread counts.
    const entry = this.running.get(reply.id);
    if (!entry || entry.slot !== slot) return;
    this.running.delete(reply.id);
    if (!this.postedTo(slot).length) slot.worker.unref();
    slot.done++;
    const { file, resolve, reject } = entry.pending;
    if (reply.error) reject(new RejectedInputError(reply.error.reason, file.path, reply.error.page));
    else {
      const images = new Map(file.pages.map((p) => [p.n, p.image]));
      // Page images were kept here; cloned bytes come back as Uint8Array, which storeFile accepts.
      file.pages = reply.result!.pages.map((p) => (images.get(p.n)?.png ? { ...p, image: images.get(p.n) } : p));
      file.documents = reply.result!.documents;
      file.messages = reply.result!.messages;
      resolve();
    }
    this.dispatch();
  }

  /**
   * A thread crashed (or was terminated): the file it was working on fails, the files posted
   * behind it go back to the queue, and a fresh thread takes the slot.
   */
  private fail(slot: Slot, e: Error): void {
    if (!slot.ready) {
      // It never started: nothing was posted to it; no thread of this pool will start either.
      this.broken = e;
      for (const p of this.queue.splice(0)) p.reject(new StagePoolUnavailableError(e));
      void slot.worker.terminate();
      return;
    }
    const [working] = this.postedTo(slot);
    if (working) {
      this.running.delete(working.pending.job.id);
      working.pending.reject(e);
    }
    this.replace(slot);
  }

  private abort(pending: Pending): void {
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) this.queue.splice(queued, 1);
    const entry = this.running.get(pending.job.id);
    if (entry) {
      // A posted job cannot be taken back: the thread goes, with any other file posted to it.
      this.running.delete(pending.job.id);
      this.replace(entry.slot);
    }
    pending.reject(new Error('stopped'));
  }

  /** Terminates a thread; the files still posted to it go back to the front of the queue, in order. */
  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.retired += slot.done;
    const requeued = this.postedTo(slot);
    for (const { pending } of requeued) this.running.delete(pending.job.id);
    this.queue.unshift(...requeued.map((entry) => entry.pending));
    void slot.worker.terminate();
    if (i < 0 || this.closed) return;
    this.slots[i] = this.spawn();
    this.dispatch();
  }
}
