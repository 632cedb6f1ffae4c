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
  const db = connect(path, { ...options, mustExist: options.readonly ?? false });
  try {
    if (!options.readonly) await migrateToLatest(db, path);
    else {
      // A reader cannot migrate, and this version's queries may not run on an older schema (017 moved evidence).
      const pending = await pendingMigrations(db, path);
      if (pending.length) {
        throw new ArchiveSchemaError(`the archive was written by an older arende (${pending.length} migration${pending.length === 1 ? '' : 's'} to apply, from ${pending[0]}): `
          + `run "arende migrate --db ${path}" (or an ingest) once, then read it`, path);
      }
    }
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return db;
}

/** Applies the migrations an existing archive has not had (`arende migrate`); returns their names. */
export async function migrateArchive(path: string): Promise<string[]> {
  const db = connect(path, { mustExist: true });
  try {
    const pending = await pendingMigrations(db, path);
    await migrateToLatest(db, path);
    return pending;
  } finally {
    await db.destroy();
  }
}

/** The archive's schema is older than this version reads: `arende migrate` (migrateArchive) brings it up. */
export class ArchiveSchemaError extends ArendeError {
  override name = 'ArchiveSchemaError';
}

/** This version's migrations the archive has not had, in order (Kysely's Migrator reads them without writing). */
export async function pendingMigrations(db: Kysely<any>, path = 'archive'): Promise<string[]> {
  const migrations = await new Migrator({ db, provider: migrationProvider }).getMigrations();
  if (!migrations.some((m) => m.executedAt)) throw new ArchiveSchemaError('not an arende archive (none of its migrations applied)', path);
  return migrations.filter((m) => !m.executedAt).map((m) => m.name);
}

function connect(path: string, options: { readonly?: boolean; mustExist: boolean; busyTimeoutMs?: number }): Archive {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.mustExist });
  } catch (cause) {
    throw new ArendeError(`cannot open archive: ${(cause as Error).message}`, path, undefined, { cause });
  }
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 30000}`);
  if (!options.readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
  }
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<ArchiveSchema>({ dialect: new SqliteDialect({ database: cachingDatabase(sqlite) }) });
}

export async function migrateToLatest(db: Kysely<any>, path = 'archive'): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new ArendeError(`migration ${failed ?? ''} failed: ${(error as Error).message}`, path, undefined, { cause: error });
  }
}
