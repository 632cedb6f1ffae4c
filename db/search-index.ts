import { sql, type Kysely } from 'kysely';

// Batched facts and full-text indexing (db/migrations/012_search_index_deferred.ts,
// 013_facts_deferred.ts): inside a write transaction, deferSearchIndex makes the documents
// triggers queue new documents instead of making their facts row and indexing them, and
// flushSearchIndex makes the queued facts rows in one insert and indexes the queue in one
// statement per index — one FTS5 segment for the whole group instead of one per document. Both
// must run in the same transaction, flush before commit.

/** From now until flushSearchIndex, in this transaction, new documents are queued for their facts and the indexes. */
export async function deferSearchIndex(trx: Kysely<any>): Promise<void> {
  await sql`update search_indexing set deferred = 1`.execute(trx);
}

/** Makes every queued document's facts row, indexes the queued documents (word and trigram indexes) and ends deferral. */
export async function flushSearchIndex(trx: Kysely<any>): Promise<void> {
  await sql`insert into document_facts select * from facts_queued`.execute(trx);
  // IN, not a join: left to itself SQLite walked the whole document_facts index (80 ms a group in the 100 000-document archive).
  await sql`insert or ignore into search_queue (rowid) select rowid from document_facts where document_id in (select document_id from facts_queue)`.execute(trx);
  await sql`delete from facts_queue`.execute(trx);
  // Each index's own content view (002's search_content, 011's trigram_content) says what it holds.
  await sql`insert into documents_fts(rowid, text) select rowid, text from search_content where rowid in (select rowid from search_queue)`.execute(trx);
  await sql`insert into documents_trigram(rowid, text) select rowid, text from trigram_content where rowid in (select rowid from search_queue)`.execute(trx);
  await sql`delete from search_queue`.execute(trx);
  await sql`update search_indexing set deferred = 0`.execute(trx);
}
