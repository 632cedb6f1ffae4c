import { type Kysely, sql } from 'kysely';
import { insertRecompute } from './011_trigram_words.js';

// FTS5 flushes its pending terms to a new segment at every savepoint, and a statement with
// triggers opens one: indexing in the documents triggers wrote a segment per document, with its
// prefix terms (010), and merged them — most of a stored document's time (issue 12). While
// search_indexing.deferred is set (ArchiveWriter sets it inside each group transaction), the
// triggers only queue the document; flushSearchIndex (db/search-index.ts) indexes the whole
// queue in one statement per index before the group commits. Any other writer sees deferred = 0
// and the triggers index at once, as before.

const rowidOf = (doc: string) => `(select rowid from document_facts where document_id = ${doc})`;
const deferred = '(select deferred from search_indexing)';
const queued = (doc: string) => `exists (select 1 from search_queue where rowid = ${rowidOf(doc)})`;
const trigramText = (row: string) => `coalesce(${row}.search_words, ${row}.text)`;

/** The statements indexing (or un-indexing) a documents row in both indexes when `when` holds (also 013). */
export function indexNow(row: 'new' | 'old', verb: 'insert' | 'delete', when: string): string {
  const doc = `${row}.id`;
  const fts = verb === 'insert'
    ? [`insert into documents_fts(rowid, text) select ${rowidOf(doc)}, ${row}.text where ${when};`,
      `insert into documents_trigram(rowid, text) select ${rowidOf(doc)}, ${trigramText(row)} where ${when};`]
    : [`insert into documents_fts(documents_fts, rowid, text) select 'delete', ${rowidOf(doc)}, ${row}.text where ${when};`,
      `insert into documents_trigram(documents_trigram, rowid, text) select 'delete', ${rowidOf(doc)}, ${trigramText(row)} where ${when};`];
  return fts.join('\n    ');
}

/** The documents triggers of this migration (013_facts_deferred.ts's down restores them). */
export function triggers(recompute: string): string[] {
  return [
    `create trigger documents_search_insert after insert on documents begin
    insert into document_facts (document_id) values (new.id);
    ${recompute}
    ${indexNow('new', 'insert', `not ${deferred}`)}
    insert or ignore into search_queue(rowid) select ${rowidOf('new.id')} where ${deferred};
  end`,
    // A queued document is not in the indexes yet: it only leaves the queue.
    `create trigger documents_search_delete after delete on documents begin
    ${indexNow('old', 'delete', `not ${queued('old.id')}`)}
    delete from search_queue where rowid = ${rowidOf('old.id')};
    delete from document_facts where document_id = old.id;
  end`,
    `create trigger documents_search_text after update of text, search_words on documents begin
    ${indexNow('old', 'delete', `not ${queued('old.id')}`)}
    insert or ignore into search_queue(rowid) select ${rowidOf('new.id')} where ${deferred};
    ${indexNow('new', 'insert', `not ${deferred}`)}
  end`,
  ];
}

export const TRIGGERS = ['documents_search_insert', 'documents_search_delete', 'documents_search_text'];

export async function up(db: Kysely<any>): Promise<void> {
  const recompute = await insertRecompute(db, '012_search_index_deferred');
  await sql`create table search_indexing (deferred integer not null)`.execute(db);
  await sql`insert into search_indexing (deferred) values (0)`.execute(db);
  await sql`create table search_queue (rowid integer primary key)`.execute(db);
  for (const t of TRIGGERS) await sql.raw(`drop trigger if exists ${t}`).execute(db);
  for (const s of triggers(recompute)) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const recompute = await insertRecompute(db, '012_search_index_deferred');
  for (const t of TRIGGERS) await sql.raw(`drop trigger if exists ${t}`).execute(db);
  // 011's triggers: index at once.
  await sql.raw(`create trigger documents_search_insert after insert on documents begin
    insert into document_facts (document_id) values (new.id);
    ${recompute}
    ${indexNow('new', 'insert', '1')}
  end`).execute(db);
  await sql.raw(`create trigger documents_search_delete after delete on documents begin
    ${indexNow('old', 'delete', '1')}
    delete from document_facts where document_id = old.id;
  end`).execute(db);
  await sql.raw(`create trigger documents_search_text after update of text, search_words on documents begin
    ${indexNow('old', 'delete', '1')}
    ${indexNow('new', 'insert', '1')}
  end`).execute(db);
  // The queue is empty outside a writer's open transaction: nothing in it to index.
  await sql`drop table search_queue`.execute(db);
  await sql`drop table search_indexing`.execute(db);
}
