import { sql, type Kysely } from 'kysely';

// Batched full-text indexing (db/migrations/012_search_index_deferred.ts): inside a write
// transaction, deferSearchIndex makes the documents triggers queue what they would index, and
// flushSearchIndex indexes the queue in one statement per index — one FTS5 segment for the whole
// group instead of one per document. Both must run in the same transaction, flush before commit.

/** From now until flushSearchIndex, in this transaction, documents are queued for the indexes. */
export async function deferSearchIndex(trx: Kysely<any>): Promise<void> {
  await sql`update search_indexing set deferred = 1`.execute(trx);
}

/** Indexes every queued document (word and trigram indexes) and ends deferral. */
export async function flushSearchIndex(trx: Kysely<any>): Promise<void> {
  // Each index's own content view (002's search_content, 011's trigram_content) says what it holds.
  await sql`insert into documents_fts(rowid, text) select rowid, text from search_content where rowid in (select rowid from search_queue)`.execute(trx);
  await sql`insert into documents_trigram(rowid, text) select rowid, text from trigram_content where rowid in (select rowid from search_queue)`.execute(trx);
  await sql`delete from search_queue`.execute(trx);
  await sql`update search_indexing set deferred = 0`.execute(trx);
}
