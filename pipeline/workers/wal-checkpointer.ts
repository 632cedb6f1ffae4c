import { Worker } from 'node:worker_threads';

/** What one checkpoint did: WAL frames, and how many of them are now in the database file. */
export type CheckpointReply = { frames: number; copied: number } | { error: string } | { fatal: string };

/**
 * Copies the archive's WAL into the database file from a thread of its own, after each group
 * commit (issue 12). Done by the writing connection, a checkpoint is random writes all over the
 * database file and an fsync, on the thread that stores and links: in a 100 000-document archive
 * each one cost ~250 ms there, three quarters of the commit time. A PASSIVE checkpoint on a second
 * connection runs beside the writer. It rarely catches up with a busy writer, so the WAL is not
 * started over by it: the writer's own checkpoint at the runner's bound (WAL_BOUND_PAGES) finds
 * almost every frame already copied, and then the WAL starts over (about every 14 groups in the
 * 100 000-document archive). Requests made while one runs are folded into one more.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private running = false;
  private again = false;
  private failed: string | null = null;
  private idle: (() => void) | null = null;
  /** Checkpoints run, and the last error if any (a failed checkpointer leaves the WAL to the writer's own checkpoints). */
  readonly stats = { checkpoints: 0, lastError: null as string | null };

  private constructor(path: string) {
    this.worker = new Worker(new URL('./wal-checkpoint-thread.mjs', import.meta.url), { workerData: { path }, execArgv: [] });
    // Idle, the thread does not keep the process alive (a run that fails before close() still
    // exits); while a checkpoint runs or it is closing, it does.
    this.worker.unref();
    this.worker.on('message', (reply: CheckpointReply) => {
      if ('fatal' in reply) return this.fail(reply.fatal);
      this.stats.checkpoints++;
      if ('error' in reply) this.stats.lastError = reply.error;
      this.running = false;
      if (this.again) this.request();
      else {
        this.worker.unref();
        this.idle?.();
      }
    });
    this.worker.on('error', (e) => this.fail(e.message));
    this.worker.on('exit', () => this.fail('thread exited'));
  }

  /** A checkpointer for the archive file at `path`; none for an in-memory archive (it has no WAL). */
  static forArchive(path: string): WalCheckpointer | null {
    return path === '' || path === ':memory:' || path.startsWith('file::memory:') ? null : new WalCheckpointer(path);
  }

  /** Whether it still runs (after a failure the writer's own checkpoints take over). */
  get alive(): boolean {
    return this.failed === null;
  }

  /** Asks for a checkpoint (after a commit); folded into the running one's follow-up if one runs. */
  request(): void {
    if (this.failed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.again = false;
    this.worker.ref();
    this.worker.postMessage('checkpoint');
  }

  /** Waits for the running checkpoint (and its follow-up), then ends the thread. */
  async close(): Promise<void> {
    if (this.running && !this.failed) await new Promise<void>((resolve) => (this.idle = resolve));
    if (this.failed) return;
    this.failed = 'closed';
    this.worker.ref();
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage('stop');
    await exited;
  }

  private fail(reason: string): void {
    if (this.failed) return;
    this.failed = reason;
    this.stats.lastError ??= reason;
    this.running = false;
    this.idle?.();
  }
}
