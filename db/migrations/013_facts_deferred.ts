import { type Kysely, sql } from 'kysely';
import { factsColumns } from './002_search.js';
import { insertRecompute } from './011_trigram_words.js';
import { indexNow, TRIGGERS, triggers as immediateFactsTriggers } from './012_search_index_deferred.js';

// A stored document's facts row was made empty by the documents insert trigger and then filled
// by one UPDATE per field row (008), each moving the document's counts in stats_groups (009):
// ~8 facts updates and their stats cascades per document, the dearest statement of ingest
// (issue 12). While search_indexing.deferred is set (ArchiveWriter's group transaction), a new
// document now only joins facts_queue; its field rows find no facts row to update, and the
// group's flush (db/search-index.ts) inserts every queued document's facts row whole, from the
// view facts_queued — one insert, one stats cascade — and queues it for the full-text indexes.
// Outside a deferred transaction the triggers do what 012's did.

const deferred = '(select deferred from search_indexing)';
const rowidOf = (doc: string) => `(select rowid from document_facts where document_id = ${doc})`;
/** Not in the indexes yet: waiting for its facts row, or for the index flush. */
const pending = (doc: string) =>
  `(exists (select 1 from facts_queue where document_id = ${doc}) or exists (select 1 from search_queue where rowid = ${rowidOf(doc)}))`;

function triggers(recompute: string): string[] {
  return [
    // The recomputation stays for the immediate path (and for later migrations to find).
    `create trigger documents_search_insert after insert on documents begin
    insert into facts_queue (document_id) select new.id where ${deferred};
    insert into document_facts (document_id) select new.id where not ${deferred};
    ${recompute}
    ${indexNow('new', 'insert', `not ${deferred}`)}
  end`,
    `create trigger documents_search_delete after delete on documents begin
    ${indexNow('old', 'delete', `not ${pending('old.id')}`)}
    delete from search_queue where rowid = ${rowidOf('old.id')};
    delete from facts_queue where document_id = old.id;
    delete from document_facts where document_id = old.id;
  end`,
    // A document still waiting for its facts row is queued for the indexes by the flush.
    `create trigger documents_search_text after update of text, search_words on documents begin
    ${indexNow('old', 'delete', `not ${pending('old.id')}`)}
    insert or ignore into search_queue (rowid) select rowid from document_facts where document_id = new.id and ${deferred};
    ${indexNow('new', 'insert', `not ${deferred}`)}
  end`,
  ];
}

/** Queued documents' facts rows, column for column as document_facts (rowid null: assigned on insert). */
function factsQueuedView(): string {
  const columns = factsColumns('q.document_id').map(([column, expression]) => `${expression} as ${column}`);
  return `create view facts_queued as
    select null as rowid, q.document_id as document_id, ${columns.join(',\n      ')}
    from facts_queue q where exists (select 1 from documents where id = q.document_id)`;
}

export async function up(db: Kysely<any>): Promise<void> {
  const recompute = await insertRecompute(db, '013_facts_deferred');
  await sql`create table facts_queue (document_id text primary key) without rowid`.execute(db);
  await sql.raw(factsQueuedView()).execute(db);
  for (const t of TRIGGERS) await sql.raw(`drop trigger if exists ${t}`).execute(db);
  for (const s of triggers(recompute)) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const recompute = await insertRecompute(db, '013_facts_deferred');
  for (const t of TRIGGERS) await sql.raw(`drop trigger if exists ${t}`).execute(db);
  for (const s of immediateFactsTriggers(recompute)) await sql.raw(s).execute(db);
  // The queue is empty outside a writer's open transaction.
  await sql`drop view facts_queued`.execute(db);
  await sql`drop table facts_queue`.execute(db);
}
