import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept per connection: the ingest's and search's distinct SQL texts number a few dozen. */
export const STATEMENT_CACHE_SIZE = 200;

/**
 * The database as Kysely's SqliteDialect sees it, with prepared statements reused by SQL text
 * (least recently used dropped first). Kysely prepares on every query; better-sqlite3's prepare
 * parses and plans the SQL again each time, ~15 % of the ingest's main thread (issue 12).
 * A statement still being iterated (a streamed query) is busy: the same SQL then gets a fresh one.
 */
export function cachingDatabase(sqlite: Database.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Re-insert: a Map iterates in insertion order, so its first key is the least recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > size) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}
