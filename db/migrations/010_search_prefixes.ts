import { type Kysely, sql } from 'kysely';

// Search matches every query word as a prefix ("insats" finds insatsen, insatser, insatsägare …).
// Without a prefix index FTS5 answers "insats"* by merging the doclists of every index term that
// starts so — 18 terms, 484 000 document entries, 1.4 M positions on 100 000 documents — and it
// merges them twice per ranked query: once to match, once more for bm25's document frequency.
// That merge, not the filters, was most of a filtered search's time (issue 10). FTS5 keeps prefix
// indexes only for the lengths named at creation, so documents_fts is rebuilt with one per length
// 2–12 (the lengths of most Swedish query words; longer prefixes have few expansions and merge
// fast). Matches and bm25 scores are the same as without them (FTS5 reads the same instances).
// Cost, measured on 20 000 documents: index 18.6 → ~90 MB, FTS insert 0.06 → ~0.25 ms CPU/doc.
//
// Also an index covering search's facts filters (current, year, kind): a filtered search reads the
// admitted documents first (db/queries/search.ts), and (current, year) alone cost a table row per
// document of the year to test its kind (7 ms of a 30 ms search on 100 000 documents).

const PREFIXES = '2 3 4 5 6 7 8 9 10 11 12';

async function recreate(db: Kysely<any>, prefix: string | null): Promise<void> {
  // The triggers of 002_search.ts name documents_fts in their bodies; they work on the new table.
  await sql`drop table documents_fts`.execute(db);
  await sql.raw(`create virtual table documents_fts using fts5(text, content = 'search_content', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'${prefix ? `, prefix = '${prefix}'` : ''})`).execute(db);
  await sql`insert into documents_fts(documents_fts) values ('rebuild')`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await recreate(db, PREFIXES);
  await sql`create index document_facts_filters on document_facts (current, year, kind)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists document_facts_filters`.execute(db);
  await recreate(db, null);
}
