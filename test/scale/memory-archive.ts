// In-memory archives for the schema tests: Kysely over better-sqlite3 with the statement cache
// ingest uses, and (storedFile) migrated with one file 'f1' for documents to point at.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { migrateToLatest } from '../../db/archive.js';
import { cachingDatabase } from '../../db/statement-cache.js';

export function memoryArchive(): Kysely<any> {
  return new Kysely<any>({ dialect: new SqliteDialect({ database: cachingDatabase(new Database(':memory:')) }) });
}

export async function memoryArchiveWithFile(): Promise<Kysely<any>> {
  const db = memoryArchive();
  await migrateToLatest(db);
  await sql`insert into files (sha256, path, size, mime, page_count, pipeline_version, ingested_at) values ('f1', 'a.txt', 1, 'text/plain', 1, 'v', 't')`.execute(db);
  return db;
}
