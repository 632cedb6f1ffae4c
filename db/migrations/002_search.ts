import { type Kysely, sql } from 'kysely';

// Full-text search and the per-document facts that search filters and stats read, all kept in
// sync by SQLite triggers so the ingest code (storeFile, corrections) needs no change.
//
// - document_facts: one row per document with its effective (corrected) scalar fields. Its
//   INTEGER PRIMARY KEY is the stable rowid both FTS indexes use (documents has only an
//   implicit rowid, which VACUUM may renumber). Rows are only ever UPDATEd after insert, so
//   the rowid never changes under the index.
// - documents_fts: unicode61 with remove_diacritics 2 — "forsakringskassan" finds
//   "Försäkringskassan"; ranked with bm25; prefix queries catch Swedish inflections.
// - documents_trigram: trigram with remove_diacritics 1 — substrings, so "samverkan" finds
//   "flerpartssamverkan" (Swedish compounds put the head word last). Needs SQLite ≥ 3.45.
// Both are external-content tables over the view search_content: the text is stored once,
// in documents, and snippet()/highlight() still work.

/** A field's effective JSON for document `doc`: the newest correction, else the extracted value (as effectiveFields does). */
export function effectiveJson(doc: string, field: string): string {
  return `coalesce((select c.value_json from corrections c where c.document_id = ${doc} and c.field = '${field}' order by c.id desc limit 1),`
    + ` (select v.value_json from field_values v where v.document_id = ${doc} and v.field = '${field}'))`;
}

/** Lower case and Swedish/Latin diacritics folded, in plain SQL (SQLite's lower() folds ASCII only). */
export function sqlFold(expr: string): string {
  const pairs: [string, string][] = [
    ['Å', 'a'], ['Ä', 'a'], ['Ö', 'o'], ['å', 'a'], ['ä', 'a'], ['ö', 'o'], ['É', 'e'], ['é', 'e'], ['È', 'e'], ['è', 'e'], ['Ü', 'u'], ['ü', 'u'], ['Ø', 'o'], ['ø', 'o'], ['Æ', 'ae'], ['æ', 'ae'],
  ];
  // Decomposed text (NFD, as some PDF and DOCX layers give it) carries the marks separately: drop them.
  const marks = [0x300, 0x301, 0x302, 0x303, 0x308, 0x30a].map((c) => `char(${c})`);
  const composed = pairs.reduce((acc, [from, to]) => `replace(${acc}, '${from}', '${to}')`, `lower(${expr})`);
  return marks.reduce((acc, mark) => `replace(${acc}, ${mark}, '')`, composed);
}

/** Each facts column with the expression computing it for document `doc` from documents, files, field_values and corrections (also 013's queued facts). */
export function factsColumns(doc: string): [column: string, expression: string][] {
  const value = (field: string) => `json_extract(${effectiveJson(doc, field)}, '$')`;
  const list = (field: string) => `coalesce(${effectiveJson(doc, field)}, '[]')`;
  const period = effectiveJson(doc, 'period');
  const signatories = effectiveJson(doc, 'signatories');
  return [
    ['kind', `(select kind from documents where id = ${doc})`],
    ['current', `coalesce((select f.superseded_by is null from documents d join files f on f.sha256 = d.sha256 where d.id = ${doc}), 1)`],
    ['title', value('title')],
    ['owner', value('owner')],
    ['partners', list('partners')],
    ['municipalities', list('municipalities')],
    ['municipalities_key', `(select '|' || group_concat(${sqlFold('j.value')}, '|') || '|' from json_each(${list('municipalities')}) j)`],
    ['period_start', `json_extract(${period}, '$.start')`],
    ['period_end', `json_extract(${period}, '$.end')`],
    // The year of the period's start, else of the earliest signature (the decision's date).
    ['year', `cast(coalesce(substr(json_extract(${period}, '$.start'), 1, 4),`
      + ` (select substr(min(json_extract(j.value, '$.date')), 1, 4) from json_each(coalesce(${signatories}, '[]')) j)) as integer)`],
    ['amount_sek', value('amount_sek')],
    ['outcome', value('outcome')],
  ];
}

/** The SET list recomputing one facts row. */
function factsAssignments(doc: string): string {
  return factsColumns(doc).map(([column, expression]) => `${column} = ${expression}`).join(',\n      ');
}

/** The UPDATE recomputing one facts row (also used by 008_facts_per_field.ts down). */
export function recompute(doc: string): string {
  return `update document_facts set\n      ${factsAssignments(doc)}\n    where document_id = ${doc};`;
}

const INDEXES = ['documents_fts', 'documents_trigram'] as const;

function indexInsert(rowid: string, text: string): string {
  return INDEXES.map((t) => `insert into ${t}(rowid, text) values (${rowid}, ${text});`).join('\n    ');
}

function indexDelete(rowid: string, text: string): string {
  return INDEXES.map((t) => `insert into ${t}(${t}, rowid, text) values ('delete', ${rowid}, ${text});`).join('\n    ');
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table document_facts (
    rowid integer primary key,
    document_id text not null unique,
    kind text, current integer not null default 1,
    title text, owner text, partners text, municipalities text, municipalities_key text,
    period_start text, period_end text, year integer, amount_sek integer, outcome text
  )`.execute(db);
  await sql`create index document_facts_year on document_facts (current, year)`.execute(db);
  await sql`create view search_content as
    select f.rowid as rowid, d.text as text from document_facts f join documents d on d.id = f.document_id`.execute(db);
  await sql`create virtual table documents_fts using fts5(text, content = 'search_content', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  await sql`create virtual table documents_trigram using fts5(text, content = 'search_content', content_rowid = 'rowid', tokenize = 'trigram remove_diacritics 1')`.execute(db);

  const rowidOf = (doc: string) => `(select rowid from document_facts where document_id = ${doc})`;
  const statements = [
    `create trigger documents_search_insert after insert on documents begin
    insert into document_facts (document_id) values (new.id);
    ${recompute('new.id')}
    ${indexInsert(rowidOf('new.id'), 'new.text')}
  end`,
    `create trigger documents_search_delete after delete on documents begin
    ${indexDelete(rowidOf('old.id'), 'old.text')}
    delete from document_facts where document_id = old.id;
  end`,
    `create trigger documents_search_text after update of text on documents begin
    ${indexDelete(rowidOf('old.id'), 'old.text')}
    ${indexInsert(rowidOf('new.id'), 'new.text')}
  end`,
    `create trigger documents_facts_update after update of kind, sha256 on documents begin
    ${recompute('new.id')}
  end`,
    `create trigger files_facts_superseded after update of superseded_by on files begin
    update document_facts set current = (new.superseded_by is null)
      where document_id in (select id from documents where sha256 = new.sha256);
  end`,
  ];
  for (const table of ['field_values', 'corrections']) {
    statements.push(
      `create trigger ${table}_facts_insert after insert on ${table} begin ${recompute('new.document_id')} end`,
      `create trigger ${table}_facts_delete after delete on ${table} begin ${recompute('old.document_id')} end`,
      `create trigger ${table}_facts_update after update on ${table} begin ${recompute('old.document_id')} ${recompute('new.document_id')} end`,
    );
  }
  for (const s of statements) await sql.raw(s).execute(db);

  // Archives made before this migration: index what is there.
  await sql`insert into document_facts (document_id) select id from documents order by rowid`.execute(db);
  await sql.raw(`update document_facts set ${factsAssignments('document_facts.document_id')}`).execute(db);
  for (const t of INDEXES) await sql.raw(`insert into ${t}(${t}) values ('rebuild')`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['documents_search_insert', 'documents_search_delete', 'documents_search_text', 'documents_facts_update', 'files_facts_superseded',
    'field_values_facts_insert', 'field_values_facts_delete', 'field_values_facts_update', 'corrections_facts_insert', 'corrections_facts_delete', 'corrections_facts_update']) {
    await sql.raw(`drop trigger if exists ${t}`).execute(db);
  }
  for (const t of ['documents_trigram', 'documents_fts']) await sql.raw(`drop table if exists ${t}`).execute(db);
  await sql`drop view if exists search_content`.execute(db);
  await sql`drop table if exists document_facts`.execute(db);
}

/** document_facts as queries read it (db/schema.ts stays the lead's; this table is derived, never written by code). */
export interface DocumentFactsTable {
  rowid: number;
  document_id: string;
  kind: string | null;
  current: number;
  title: string | null;
  owner: string | null;
  /** JSON text arrays. */
  partners: string;
  municipalities: string;
  /** Folded kommuner between bars: "|alvkarleby|knivsta|". */
  municipalities_key: string | null;
  period_start: string | null;
  period_end: string | null;
  year: number | null;
  amount_sek: number | null;
  outcome: string | null;
}
