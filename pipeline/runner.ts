import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fstatSync, openSync, read, readSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { availableParallelism } from 'node:os';
import { setImmediate } from 'node:timers/promises';
import { sql, type Transaction } from 'kysely';
import { openArchive, type Archive } from '../db/archive.js';
import { preparedQuery } from '../db/prepared-query.js';
import type { ArchiveSchema } from '../db/schema.js';
import { recordPath, storeFile, storeRejection, supersedeOtherVersions } from '../db/queries/store-file.js';
import { ByteBudget } from './byte-budget.js';
import { discoverFiles } from './discover.js';
import { limitHeapGrowth } from './heap.js';
import { ArendeError, FileTimeoutError, RejectedInputError } from './errors.js';
import { relinkDocuments } from './link.js';
import { loadPages } from './load/index.js';
import { acquireArchiveLock } from './lock.js';
import { createServices } from './services.js';
import { createSourceFile, type SourceFile } from './source-file.js';
import { TEXT_STAGES } from './stages.js';
import { defaultPipelineOptions, type PipelineOptions, type Services, type Stage, type StageContext } from './stage.js';
import { PIPELINE_VERSION } from './version.js';
import { ArchiveWriter, defaultGroupCommit, JOBS_PER_THREAD, StagePool, StagePoolUnavailableError, WalCheckpointer } from './workers/index.js';

/** Files a run must have before it starts stage threads (short runs stay in one thread). */
const STAGE_THREADS_AFTER = 16;

/**
 * Whether this thread has been busy more than half the time of late (event-loop utilisation over
 * windows of up to 5 s, judged once a window has 250 ms): stage threads pay off only then. While
 * tesseract reads scans this thread idles; a stage thread there (its isolate and lexicon, ~1 s of
 * CPU, then its compiled code) would only take CPU from the OCR workers.
 */
export function busyMeter(): () => boolean {
  let mark = performance.eventLoopUtilization();
  return () => {
    const window = performance.eventLoopUtilization(mark);
    const ms = window.active + window.idle;
    if (ms < 250) return false;
    if (ms > 5000) mark = performance.eventLoopUtilization();
    return window.utilization > 0.5;
  };
}

/**
 * SQLite page cache of an ingest run, in KiB: 1/32 of the archive's size when the run starts,
 * between 16 and 64 MiB. A large archive needs its key and link indexes cached (in the
 * 100 000-document archive 16 MiB read twice the pages 64 MiB did); a small one does not, and a
 * cache filled with pages the run just wrote is memory held for nothing (issue 12: 64 MiB from the
 * start made peak RSS grow with the number of files ingested).
 */
export function archiveCacheKb(archiveBytes: number): number {
  return Math.round(Math.min(64 * 1024, Math.max(16 * 1024, archiveBytes / 32 / 1024)));
}

/** WAL pages (4 KiB) after which an ingest run's commit checkpoints (SQLite's default: 1 000)… */
const WAL_CHECKPOINT_PAGES = 10_000;
/** …and with the checkpointer thread copying the WAL, once it reaches this (~200 MB), to start it over. */
const WAL_BOUND_PAGES = 50_000;

/** The stages in order; each enriches the file. */
export const STAGES: readonly [string, Stage][] = [['load', loadPages], ...TEXT_STAGES];

export type FileOutcome = 'new' | 'unchanged' | 'rejected';

export interface FileResult {
  path: string;
  sha256: string | null;
  outcome: FileOutcome;
  reason?: string;
  documents: number;
  pages: number;
  flags: number;
  ms: number;
}

export interface IngestSummary {
  files: number;
  new: number;
  unchanged: number;
  rejected: number;
  documents: number;
  pages: number;
  flagged: number;
  seconds: number;
  stopped: boolean;
  rejections: { file: string; reason: string }[];
  /** Files whose repair/split/extract ran in a stage thread. */
  threaded: number;
}

export interface IngestOptions extends Partial<PipelineOptions> {
  db: string;
  /** Aborting stops the run after the files in flight (SIGINT/SIGTERM). */
  stop?: AbortSignal;
  onFile?: (result: FileResult) => void;
  /** Files per group commit (default 100; 1 commits every file on its own: slower, nothing to redo after a crash). */
  commitEvery?: number;
  /** Re-process files already in the archive even when their version is current. */
  force?: boolean;
  /** Worker threads for repair/split/extract on long runs (default: cores - 1, at least one, at most jobs; 0 = none). */
  stageThreads?: number;
  /** Bytes of files held in memory at once across the files in flight (default 256 MiB; a larger file runs alone). */
  inFlightBytes?: number;
  /** Files wait for the stage threads to warm up instead of running in this thread meanwhile (tests that must see the threads work). */
  waitForStageThreads?: boolean;
}

/**
 * Files up to this size are read with blocking calls: for a text file the four thread-pool round
 * trips of an async open, stat, read and close cost more main-thread time than the read itself.
 */
const BLOCKING_READ_BYTES = 1 << 20;

const readAsync = promisify(read);

/**
 * Files an ingest run holds at once: `loading` files being read, parsed or OCR'd, and `files` in
 * all, counting those queued for or in a stage thread and those waiting to be written. Without
 * stage threads, `jobs` of each. With them, loading stays at 4 × jobs (OCR queue time counts
 * against a file's time limit), but beyond that every thread is kept posted full
 * (JOBS_PER_THREAD) with room for as many answers again waiting to be written: a group commit
 * blocks this thread for tens of milliseconds, in which it takes no answers and posts no work.
 * With 4 × jobs in flight in all, the stage thread stood idle through every commit and this
 * thread's event loop was idle 18–21 % of a 3 000-file text run (issue 12).
 */
export function inFlightLimits(jobs: number, stageThreads: number): { loading: number; files: number } {
  if (!stageThreads) return { loading: jobs, files: jobs };
  const loading = 4 * jobs;
  return { loading, files: loading + JOBS_PER_THREAD * (stageThreads + 1) };
}

/** Bytes of files read and not yet stored, across the files in flight (ByteBudget). */
const IN_FLIGHT_BYTES = 256 * 1024 * 1024;

/** A file as read: its size and hash, its bytes (null over the size limit), and the release of its room in the budget. */
interface FileRead { size: number; sha256: string; bytes: Buffer | null; release: () => void }

/**
 * Size, sha256 and, within the limit, the bytes of a file, from one open (three opens per file
 * were a tenth of a text file's time). The bytes are read once `budget` holds room for them;
 * `release` hands the room back.
 */
async function readAndHash(path: string, maxBytes: number, budget: ByteBudget): Promise<FileRead> {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) {
      // Only hashed, streamed: the file is rejected for its size.
      const hash = createHash('sha256');
      for await (const chunk of createReadStream('', { fd, autoClose: false, start: 0 })) hash.update(chunk as Buffer);
      return { size, sha256: hash.digest('hex'), bytes: null, release: () => undefined };
    }
    const release = await budget.hold(size);
    try {
      // One read into a buffer of the known size (FileHandle.readFile reads in small chunks: slow).
      const bytes = await readInto(Buffer.allocUnsafe(size), size <= BLOCKING_READ_BYTES
        ? (b, at) => readSync(fd, b, at, b.length - at, at)
        : async (b, at) => (await readAsync(fd, b, at, b.length - at, at)).bytesRead);
      return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), bytes, release };
    } catch (e) {
      release();
      throw e;
    }
  } finally {
    closeSync(fd);
  }
}

/** Fills `buffer` by repeated reads until it is full or the file ends (it may have shrunk). */
async function readInto(buffer: Buffer, read: (buffer: Buffer, at: number) => number | Promise<number>): Promise<Buffer> {
  let filled = 0;
  for (let n = -1; filled < buffer.length && n !== 0; filled += n) n = await read(buffer, filled);
  return filled < buffer.length ? buffer.subarray(0, filled) : buffer;
}

function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number, file: string, outer?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  outer?.addEventListener('abort', () => controller.abort(), { once: true });
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new FileTimeoutError(`time limit of ${Math.round(ms / 1000)} s per file exceeded`, file));
    }, ms);
  });
  return Promise.race([work(controller.signal), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the stages over one file in memory; throws RejectedInputError for input that cannot be
 * archived. `onLoaded` is told once the pages are loaded (read, parsed, OCR'd), before the text stages.
 */
export async function processFile(file: SourceFile, options: PipelineOptions, services: Services, signal: AbortSignal, threads?: StagePool, onLoaded?: () => void): Promise<SourceFile> {
  const ctx: StageContext = { signal, options, services };
  for (const [i, [name, stage]] of STAGES.entries()) {
    if (name === 'repair' && !options.repair) continue;
    if (signal.aborted) throw new FileTimeoutError('stopped', file.path);
    if (threads && name !== 'load') {
      // The CPU-bound stages after load run in a stage thread; this thread loads and writes.
      const rest = STAGES.slice(i).map(([n]) => n).filter((n) => n !== 'repair' || options.repair);
      const ran = await threads.run(file, rest, options, signal).then(() => true, (e: unknown) => {
        if (e instanceof StagePoolUnavailableError) return false;
        throw e instanceof RejectedInputError ? e : new RejectedInputError(`stage thread failed: ${(e as Error).message}`, file.path, undefined, { cause: e });
      });
      if (ran) return file;
      threads = undefined;
    }
    try {
      await stage(file, ctx);
    } catch (e) {
      if (e instanceof RejectedInputError) throw e;
      // A crash inside a stage (parser, OCR worker) is this file's problem, not the batch's.
      const message = e instanceof Error ? e.message : String(e);
      throw new RejectedInputError(`${name} stage failed: ${message}`, file.path, e instanceof ArendeError ? e.page : undefined, { cause: e });
    }
    if (name === 'load') onLoaded?.();
  }
  return file;
}

/** The statements every file runs, compiled once (db/prepared-query.ts). */
const statements = {
  known: preparedQuery((db, sha256: string) => db.selectFrom('files').select(['sha256', 'path', 'pipeline_version', 'superseded_by']).where('sha256', '=', sha256)),
  rejection: preparedQuery((db, path: string) => db.selectFrom('rejections').selectAll().where('path', '=', path)),
  retired: preparedQuery((db, sha256: string) => db.selectFrom('documents as d').innerJoin('files as f', 'f.sha256', 'd.sha256')
    .where('f.superseded_by', '=', sha256).select('d.id')),
};

/**
 * Makes `sha256` the current version of what stands at `path`: other contents last seen there
 * are superseded, and the documents of superseded versions leave their cases and flags (the
 * export shows only current documents, so a case or flag naming a superseded one would dangle).
 * Returns the current documents that were linked to a retired one, to be linked again.
 */
async function makeCurrent(trx: Transaction<ArchiveSchema>, path: string, sha256: string): Promise<string[]> {
  await trx.updateTable('files').set({ path, superseded_by: null }).where('sha256', '=', sha256).execute();
  await supersedeOtherVersions(trx, path, sha256);
  return retireSuperseded(trx, sha256);
}

/**
 * The documents of the versions `sha256` superseded leave their cases and flags; returns their
 * former partners (current documents) to be linked again. storeFile has already made a stored
 * file current, so after it only this part of makeCurrent is left to do.
 */
async function retireSuperseded(trx: Transaction<ArchiveSchema>, sha256: string): Promise<string[]> {
  const retired = (await statements.retired(trx, sha256)).map((r) => r.id);
  if (!retired.length) return [];
  const cases = await trx.selectFrom('cases').selectAll()
    .where((eb) => eb.or([eb('decision_id', 'in', retired), eb('application_id', 'in', retired)])).execute();
  if (cases.length) await trx.deleteFrom('cases').where('id', 'in', cases.map((c) => c.id)).execute();
  await trx.deleteFrom('flags').where((eb) => eb.or([eb('document_id', 'in', retired), eb('other_document_id', 'in', retired)])).execute();
  const partners = cases.flatMap((c) => [c.decision_id, c.application_id]).filter((id): id is string => !!id && !retired.includes(id));
  return [...new Set(partners)].sort();
}

/**
 * A rejection for a limit of the run (--max-bytes, --max-pages, --timeout) says nothing about the
 * bytes themselves: the next run, maybe with other limits or a quieter machine, tries again.
 */
export function dependsOnRun(reason: string): boolean {
  return /^(file too large|too many pages|time limit)/.test(reason);
}

/** Ingests one discovered path into the archive: skip if known, else process and store in one transaction. */
async function ingestOne(writer: ArchiveWriter, path: string, options: PipelineOptions & { force?: boolean }, services: Services, budget: ByteBudget, threads?: StagePool, onLoaded?: () => void): Promise<FileResult> {
  const started = Date.now();
  const result = (outcome: FileOutcome, sha256: string | null, extra: Partial<FileResult> = {}): FileResult => ({
    path, sha256, outcome, documents: 0, pages: 0, flags: 0, ms: Date.now() - started, ...extra,
  });
  const reject = async (sha256: string | null, reason: string) => {
    await writer.write((trx) => storeRejection(trx, path, sha256, reason));
    return result('rejected', sha256, { reason });
  };

  // One turn of the event loop per file: reads, stages and SQL can all run synchronously for a text
  // file, and without this turn no timer, signal or stage-thread message would be seen for a batch.
  await setImmediate();
  // Read once: the bytes are hashed here and processed below (a file over the limit is only hashed, streamed).
  let read: FileRead;
  try {
    read = await readAndHash(path, options.maxBytes, budget);
  } catch (e) {
    return reject(null, `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return await ingestRead(read);
  } finally {
    read.release();
  }

  // What follows holds the file's bytes in the budget, whichever way it returns.
  async function ingestRead({ size, sha256, bytes }: FileRead): Promise<FileResult> {
    const [known] = await writer.read((db) => statements.known(db, sha256));
    if (known && known.pipeline_version === PIPELINE_VERSION && !options.force) {
      // Same bytes: nothing to process, but they are what stands at this path now (a move, a rename,
      // or a file changed back to an earlier version).
      await writer.write(async (trx) => {
        await recordPath(trx, path, sha256);
        const partners = await makeCurrent(trx, path, sha256);
        if (known.superseded_by || partners.length) {
          const own = await trx.selectFrom('documents').select('id').where('sha256', '=', sha256).execute();
          await relinkDocuments(trx, own.map((d) => d.id));
          if (partners.length) await relinkDocuments(trx, partners);
        }
      });
      return result('unchanged', sha256);
    }
    const [rejected] = await writer.read((db) => statements.rejection(db, path));
    if (rejected && rejected.sha256 === sha256 && rejected.pipeline_version === PIPELINE_VERSION && !options.force && !dependsOnRun(rejected.reason)) {
      return result('rejected', sha256, { reason: rejected.reason });
    }
    if (size === 0) return reject(sha256, 'empty file (0 bytes)');
    // readAndHash leaves out the bytes exactly when the file is over the limit.
    if (!bytes) return reject(sha256, `file too large: ${size} bytes (limit ${options.maxBytes}, see --max-bytes)`);

    let file: SourceFile;
    try {
      file = createSourceFile({ path, sha256, size, bytes });
      await withTimeout((signal) => processFile(file, options, services, signal, threads, onLoaded), options.fileTimeoutMs, path);
    } catch (e) {
      if (e instanceof RejectedInputError) return reject(sha256, e.reason);
      return reject(sha256, `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    let flags = 0;
    await writer.write(async (trx) => {
      const ids = await storeFile(trx, file);
      const partners = await retireSuperseded(trx, sha256);
      flags = await relinkDocuments(trx, ids, file.documents);
      if (partners.length) await relinkDocuments(trx, partners);
    });
    return result('new', sha256, { documents: file.documents.length, pages: file.pages.length, flags });
  }
}

/**
 * The nightly job: discovers files under `paths` as a stream, processes up to `jobs` at once,
 * stores each file whole (a savepoint in a group commit) and never lets one bad file stop the batch.
 */
export async function ingest(paths: string[], options: IngestOptions): Promise<IngestSummary> {
  const opts = { ...defaultPipelineOptions, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as PipelineOptions & IngestOptions;
  const started = Date.now();
  limitHeapGrowth();
  const release = acquireArchiveLock(options.db);
  const archiveBytes = existsSync(options.db) ? statSync(options.db).size : 0;
  const db = await openArchive(options.db);
  // SQLite's default cache is 2 MB.
  await sql`pragma cache_size = -${sql.raw(String(archiveCacheKb(archiveBytes)))}`.execute(db);
  // Each file is stored in a savepoint, and SQLite copies every page a savepoint changes to a
  // statement journal first: by default a temporary file, ~36 writes and 144 kB per text document.
  // In memory it is a copy, and it is freed when the file's savepoint is released.
  await sql`pragma temp_store = memory`.execute(db);
  // The WAL is copied into the database file by a thread of its own after each commit; the
  // writer's own checkpoint then comes only at WAL_BOUND_PAGES, finds the frames already copied
  // and lets the WAL start over. Without that thread, every WAL_CHECKPOINT_PAGES (SQLite's default
  // is 1 000: a group in a large archive writes more).
  const checkpointer = WalCheckpointer.forArchive(options.db);
  await sql`pragma wal_autocheckpoint = ${sql.raw(String(checkpointer ? WAL_BOUND_PAGES : WAL_CHECKPOINT_PAGES))}`.execute(db);
  const services = createServices();
  // Every access of the run goes through the writer: one connection, files committed in groups.
  const writer = new ArchiveWriter(db, {
    ...defaultGroupCommit, ...(options.commitEvery ? { maxFiles: options.commitEvery } : {}), afterCommit: () => checkpointer?.request(),
  });
  // Stage threads pay off on long runs only (each loads the lexicon): started once the run has
  // more files than STAGE_THREADS_AFTER and this thread is busy (busyMeter), one per core but
  // this thread's (it loads, stores and links: on 2 cores one stage thread ingested 147 text
  // docs/s, two 117, none 112), at most jobs;
  // 0 stage threads keeps all in this thread. Until a thread has warmed up, this one runs the
  // stages itself.
  const threadCount = Math.min(opts.stageThreads ?? Math.max(1, availableParallelism() - 1), opts.jobs, availableParallelism());
  let threads: StagePool | undefined;
  let discovered = 0;
  const busy = busyMeter();
  const budget = new ByteBudget(options.inFlightBytes ?? IN_FLIGHT_BYTES);
  const summary: IngestSummary = { files: 0, new: 0, unchanged: 0, rejected: 0, documents: 0, pages: 0, flagged: 0, seconds: 0, stopped: false, rejections: [], threaded: 0 };
  const run = await db.insertInto('runs').values({ started_at: new Date().toISOString(), finished_at: null, pipeline_version: PIPELINE_VERSION, summary_json: null }).returning('id').executeTakeFirstOrThrow();
  const record = (r: FileResult) => {
    summary.files++;
    summary[r.outcome]++;
    summary.documents += r.documents;
    summary.pages += r.pages;
    summary.flagged += r.flags;
    if (r.outcome === 'rejected') summary.rejections.push({ file: r.path, reason: r.reason ?? 'rejected' });
    options.onFile?.(r);
  };
  try {
    const inFlight = new Set<Promise<void>>();
    // Files not yet through their load stage (inFlightLimits), and the wait for one to get there.
    let loading = 0;
    let wake: (() => void) | undefined;
    for await (const found of discoverFiles(paths)) {
      if (options.stop?.aborted) { summary.stopped = true; break; }
      if (found.error) {
        await writer.write((trx) => storeRejection(trx, found.path, null, found.error!));
        record({ path: found.path, sha256: null, outcome: 'rejected', reason: found.error, documents: 0, pages: 0, flags: 0, ms: 0 });
        continue;
      }
      if (++discovered > STAGE_THREADS_AFTER && threadCount >= 1 && !threads && busy()) threads = new StagePool(threadCount, { lendWhileWarming: !options.waitForStageThreads });
      let loaded = false;
      const onLoaded = () => {
        if (loaded) return;
        loaded = true;
        loading--;
        wake?.();
      };
      loading++;
      const task = ingestOne(writer, found.path, opts, services, budget, threads, onLoaded)
        .catch((e) => ({ path: found.path, sha256: null, outcome: 'rejected' as const, reason: `internal error: ${(e as Error).message}`, documents: 0, pages: 0, flags: 0, ms: 0 }))
        .then(record)
        .finally(() => {
          onLoaded();
          inFlight.delete(task);
        });
      inFlight.add(task);
      // Backpressure: no more files read than can be worked on (inFlightLimits).
      for (let limit = inFlightLimits(opts.jobs, threads?.size ?? 0); inFlight.size >= limit.files || loading >= limit.loading;) {
        await Promise.race([...inFlight, new Promise<void>((resolve) => { wake = resolve; })]);
        wake = undefined;
      }
    }
    await Promise.all(inFlight);
    await writer.flush();
    if (options.stop?.aborted) summary.stopped = true;
  } finally {
    await writer.flush().catch(() => undefined);
    await checkpointer?.close();
    summary.threaded = threads?.completed ?? 0;
    await threads?.close();
    summary.seconds = Math.round((Date.now() - started) / 10) / 100;
    await db.updateTable('runs').set({ finished_at: new Date().toISOString(), summary_json: JSON.stringify(summary) }).where('id', '=', run.id).execute().catch(() => undefined);
    await services.close();
    await db.destroy();
    release();
  }
  return summary;
}
