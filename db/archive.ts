import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { ArendeError } from '../pipeline/errors.js';
import { migrationProvider } from './migrations/index.js';
import { cachingDatabase } from './statement-cache.js';
import type { ArchiveSchema } from './schema.js';

export type Archive = Kysely<ArchiveSchema>;

export interface OpenArchiveOptions {
  /** Open an existing archive read-only (export, search); migrations are not run. */
  readonly?: boolean;
  busyTimeoutMs?: number;
}

/** Opens (creating and migrating if needed) the SQLite archive at `path`. WAL mode, so readers never block the nightly writer. */
export async function openArchive(path: string, options: OpenArchiveOptions = {}): Promise<Archive> {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (cause) {
    throw new ArendeError(`cannot open archive: ${(cause as Error).message}`, path, undefined, { cause });
  }
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 30000}`);
  if (!options.readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
  }
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<ArchiveSchema>({ dialect: new SqliteDialect({ database: cachingDatabase(sqlite) }) });
  if (!options.readonly) await migrateToLatest(db, path);
  return db;
}

export async function migrateToLatest(db: Kysely<any>, path = 'archive'): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new ArendeError(`migration ${failed ?? ''} failed: ${(error as Error).message}`, path, undefined, { cause: error });
  }
}
