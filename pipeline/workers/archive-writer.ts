import { sql, type ControlledTransaction, type Transaction } from 'kysely';
import type { Archive } from '../../db/archive.js';
import type { ArchiveSchema } from '../../db/schema.js';
import { deferSearchIndex, flushSearchIndex } from '../../db/search-index.js';

export type ArchiveDb = Archive | Transaction<ArchiveSchema>;

export interface GroupCommitOptions {
  /** Commit after this many files' writes… */
  maxFiles: number;
  /** …or once the oldest uncommitted write is this old (also when no further write comes). */
  maxMs: number;
  /** Called after each commit (the WAL checkpointer's request). */
  afterCommit?: () => void;
}

export const defaultGroupCommit: GroupCommitOptions = { maxFiles: 100, maxMs: 1000 };

/**
 * The one door to the archive during an ingest run. Every access is serialised on the single
 * SQLite connection, and the writes of many files share one transaction (group commit): each
 * file's writes run inside a savepoint, so a failing file rolls back alone and the others stay
 * whole, while the commit — WAL append and the FTS5 flush of pending terms — is paid once per
 * group instead of once per file. The group's documents are full-text indexed together just
 * before the commit (db/search-index.ts). A crash loses at most the uncommitted group, which the
 * next run ingests again (known bytes are skipped only once stored).
 */
export class ArchiveWriter {
  private trx: ControlledTransaction<ArchiveSchema> | null = null;
  private files = 0;
  private openedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Archive, private readonly options: GroupCommitOptions = defaultGroupCommit) {}

  /** Runs `work` alone on the archive (inside the open group, if any, so it sees its writes). */
  read<T>(work: (db: ArchiveDb) => Promise<T>): Promise<T> {
    return this.serial(() => work(this.trx ?? this.db));
  }

  /** Runs one file's writes: all of them or none, committed with the group. */
  write<T>(work: (trx: Transaction<ArchiveSchema>) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      if (!this.trx) {
        this.trx = await this.db.startTransaction().execute();
        this.openedAt = Date.now();
        await deferSearchIndex(this.trx);
      }
      const trx = this.trx;
      // Writes are serial, so a savepoint never nests in another: one name, one prepared
      // statement each (a name per file made two new SQL texts per file, crowding the cache).
      await sql`savepoint file`.execute(trx);
      let out: T;
      try {
        out = await work(trx);
      } catch (e) {
        await sql`rollback to file`.execute(trx);
        await sql`release file`.execute(trx);
        throw e;
      }
      await sql`release file`.execute(trx);
      this.files++;
      if (this.files >= this.options.maxFiles || Date.now() - this.openedAt >= this.options.maxMs) await this.commit();
      else this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.options.maxMs);
      return out;
    });
  }

  /** Commits the open group (end of run, stop, or before another connection needs the archive). */
  flush(): Promise<void> {
    return this.serial(() => this.commit());
  }

  /** Files written but not yet committed. */
  get pending(): number {
    return this.files;
  }

  private async commit(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const trx = this.trx;
    this.trx = null;
    this.files = 0;
    if (!trx) return;
    await flushSearchIndex(trx);
    await trx.commit().execute();
    this.options.afterCommit?.();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
