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
  await sql`insert into documents_fts(rowid, text)
    select f.rowid, d.text from search_queue q join document_facts f on f.rowid = q.rowid join documents d on d.id = f.document_id`.execute(trx);
  await sql`insert into documents_trigram(rowid, text)
    select f.rowid, coalesce(d.search_words, d.text) from search_queue q join document_facts f on f.rowid = q.rowid join documents d on d.id = f.document_id`.execute(trx);
  await sql`delete from search_queue`.execute(trx);
  await sql`update search_indexing set deferred = 0`.execute(trx);
}
