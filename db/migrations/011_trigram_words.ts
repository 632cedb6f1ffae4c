import { type Kysely, sql } from 'kysely';
import { searchWords } from '../search-words.js';

// The trigram index (002_search.ts) tokenised each document's whole text: about two thirds of the
// cost of storing a document (issue 12), though compound search only needs each long word once.
// Documents now carry `search_words` (db/search-words.ts, written by storeFile) and the trigram
// index reads those; a document written without them (another tool, an old row) is indexed by
// its whole text, as before, so nothing is ever missing from compound search.

const rowidOf = (doc: string) => `(select rowid from document_facts where document_id = ${doc})`;
const trigramText = (row: string) => `coalesce(${row}.search_words, ${row}.text)`;

function triggers(recompute: string): string[] {
  return [
    `create trigger documents_search_insert after insert on documents begin
    insert into document_facts (document_id) values (new.id);
    ${recompute}
    insert into documents_fts(rowid, text) values (${rowidOf('new.id')}, new.text);
    insert into documents_trigram(rowid, text) values (${rowidOf('new.id')}, ${trigramText('new')});
  end`,
    `create trigger documents_search_delete after delete on documents begin
    insert into documents_fts(documents_fts, rowid, text) values ('delete', ${rowidOf('old.id')}, old.text);
    insert into documents_trigram(documents_trigram, rowid, text) values ('delete', ${rowidOf('old.id')}, ${trigramText('old')});
    delete from document_facts where document_id = old.id;
  end`,
    `create trigger documents_search_text after update of text, search_words on documents begin
    insert into documents_fts(documents_fts, rowid, text) values ('delete', ${rowidOf('old.id')}, old.text);
    insert into documents_trigram(documents_trigram, rowid, text) values ('delete', ${rowidOf('old.id')}, ${trigramText('old')});
    insert into documents_fts(rowid, text) values (${rowidOf('new.id')}, new.text);
    insert into documents_trigram(rowid, text) values (${rowidOf('new.id')}, ${trigramText('new')});
  end`,
  ];
}

/**
 * The facts recomputation of documents_search_insert as the schema holds it, so a migration that
 * replaces the documents triggers keeps it without restating it (also 012_search_index_deferred.ts).
 */
export async function insertRecompute(db: Kysely<any>, migration = '011_trigram_words'): Promise<string> {
  const row = await sql<{ sql: string }>`select sql from sqlite_master where type = 'trigger' and name = 'documents_search_insert'`.execute(db);
  const body = row.rows[0]?.sql ?? '';
  const m = /(update document_facts set[\s\S]*?where document_id = new\.id;)/.exec(body);
  if (!m) throw new Error(`${migration}: documents_search_insert has no facts recomputation to keep`);
  return m[1];
}

export async function up(db: Kysely<any>): Promise<void> {
  const recompute = await insertRecompute(db);
  for (const t of ['documents_search_insert', 'documents_search_delete', 'documents_search_text']) await sql.raw(`drop trigger if exists ${t}`).execute(db);
  await sql`alter table documents add column search_words text`.execute(db);
  // Existing documents get their words in batches (an archive of 100 000 takes about a minute).
  const update = (id: string, words: string) => sql`update documents set search_words = ${words} where id = ${id}`.execute(db);
  for (let after = ''; ;) {
    const batch = await sql<{ id: string; text: string }>`select id, text from documents where id > ${after} order by id limit 500`.execute(db);
    if (!batch.rows.length) break;
    for (const d of batch.rows) await update(d.id, searchWords(d.text));
    after = batch.rows[batch.rows.length - 1].id;
  }
  await sql`drop table documents_trigram`.execute(db);
  await sql`create view trigram_content as
    select f.rowid as rowid, coalesce(d.search_words, d.text) as text from document_facts f join documents d on d.id = f.document_id`.execute(db);
  await sql`create virtual table documents_trigram using fts5(text, content = 'trigram_content', content_rowid = 'rowid', tokenize = 'trigram remove_diacritics 1')`.execute(db);
  for (const s of triggers(recompute)) await sql.raw(s).execute(db);
  await sql`insert into documents_trigram(documents_trigram) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const recompute = await insertRecompute(db);
  for (const t of ['documents_search_insert', 'documents_search_delete', 'documents_search_text']) await sql.raw(`drop trigger if exists ${t}`).execute(db);
  await sql`drop table documents_trigram`.execute(db);
  await sql`drop view trigram_content`.execute(db);
  await sql`alter table documents drop column search_words`.execute(db);
  await sql`create virtual table documents_trigram using fts5(text, content = 'search_content', content_rowid = 'rowid', tokenize = 'trigram remove_diacritics 1')`.execute(db);
  const both = (verb: string) => ['documents_fts', 'documents_trigram'].map((t) => verb.replaceAll('$T', t)).join('\n    ');
  await sql.raw(`create trigger documents_search_insert after insert on documents begin
    insert into document_facts (document_id) values (new.id);
    ${recompute}
    ${both(`insert into $T(rowid, text) values (${rowidOf('new.id')}, new.text);`)}
  end`).execute(db);
  await sql.raw(`create trigger documents_search_delete after delete on documents begin
    ${both(`insert into $T($T, rowid, text) values ('delete', ${rowidOf('old.id')}, old.text);`)}
    delete from document_facts where document_id = old.id;
  end`).execute(db);
  await sql.raw(`create trigger documents_search_text after update of text on documents begin
    ${both(`insert into $T($T, rowid, text) values ('delete', ${rowidOf('old.id')}, old.text);`)}
    ${both(`insert into $T(rowid, text) values (${rowidOf('new.id')}, new.text);`)}
  end`).execute(db);
  await sql`insert into documents_trigram(documents_trigram) values ('rebuild')`.execute(db);
}
