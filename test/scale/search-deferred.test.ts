// Full-text indexing deferred to the group commit (db/migrations/012_search_index_deferred.ts,
// issue 12): inside a deferred transaction documents are queued, flushSearchIndex indexes them
// all, and every path — insert, delete, text update, queued or not, deferred or not — leaves the
// indexes equal to a fresh rebuild.
import { type Kysely, Migrator, sql } from 'kysely';
import { migrationProvider } from '../../db/migrations/index.js';
import { deferSearchIndex, flushSearchIndex } from '../../db/search-index.js';
import { searchWords } from '../../db/search-words.js';
import { memoryArchiveWithFile } from './memory-archive.js';

const TEXTS = {
  d1: 'Förslag till beslut: bevilja Lotsen i flerpartssamverkan med Försäkringskassan.',
  d2: 'Ansökan om medel för Steg mot arbete i Älvkarleby kommun.',
  d3: 'Tjänsteskrivelse om Vägen vidare, samordningsförbundets styrelse beslutar.',
};

async function insert(db: Kysely<any>, id: keyof typeof TEXTS | string, text: string): Promise<void> {
  await sql`insert into documents (id, sha256, first_page, last_page, start_offset, end_offset, kind, language, text, ocr_used, pipeline_version, search_words)
    values (${id}, 'f1', 1, 1, 0, ${text.length}, 'decision', 'swe', ${text}, 0, 'v', ${searchWords(text)})`.execute(db);
}

/** The documents an index finds (its rowids are document_facts rowids). */
const hits = async (db: Kysely<any>, table: 'documents_fts' | 'documents_trigram', q: string) =>
  (await sql<{ id: string }>`select f.document_id as id from ${sql.table(table)} t join document_facts f on f.rowid = t.rowid
    where ${sql.table(table)} match ${q} order by f.document_id`.execute(db)).rows.map((r) => r.id);

const queues = async (db: Kysely<any>) => (await sql<{ facts: number; search: number; deferred: number; rows: number }>`select
  (select count(*) from facts_queue) as facts, (select count(*) from search_queue) as search,
  (select deferred from search_indexing) as deferred, (select count(*) from document_facts) as rows`.execute(db)).rows[0];

/** What both indexes answer for a few queries; a rebuild from the content must answer the same. */
async function answers(db: Kysely<any>) {
  const out: unknown[] = [];
  for (const q of ['"lotsen"', '"forsakringskassan"', '"alvkarleby"', '"vidare"', 'beslut*']) out.push(await hits(db, 'documents_fts', q));
  for (const q of ['"partssamverkan"', '"ordningsforbund"', '"arbete"']) out.push(await hits(db, 'documents_trigram', q));
  return out;
}

async function expectIndexesExact(db: Kysely<any>): Promise<void> {
  await sql`insert into documents_fts(documents_fts) values ('integrity-check')`.execute(db);
  await sql`insert into documents_trigram(documents_trigram) values ('integrity-check')`.execute(db);
  const before = await answers(db);
  for (const t of ['documents_fts', 'documents_trigram']) await sql.raw(`insert into ${t}(${t}) values ('rebuild')`).execute(db);
  expect(await answers(db)).toEqual(before);
}

describe('deferred full-text indexing', () => {
  let db: Kysely<any>;
  beforeEach(async () => {
    db = await memoryArchiveWithFile();
  });
  afterEach(async () => db.destroy());

  it('queues inside a deferred transaction and indexes the queue at the flush', async () => {
    await db.transaction().execute(async (trx) => {
      await deferSearchIndex(trx);
      await insert(trx, 'd1', TEXTS.d1);
      await insert(trx, 'd2', TEXTS.d2);
      expect(await hits(trx, 'documents_fts', '"lotsen"')).toEqual([]);
      // Both wait for their facts row (013_facts_deferred.ts) and are indexed after it is made.
      expect(await queues(trx)).toEqual({ facts: 2, search: 0, deferred: 1, rows: 0 });
      await flushSearchIndex(trx);
    });
    expect(await hits(db, 'documents_fts', '"lotsen"')).toEqual(['d1']);
    expect(await hits(db, 'documents_trigram', '"partssamverkan"')).toEqual(['d1']);
    expect(await queues(db)).toEqual({ facts: 0, search: 0, deferred: 0, rows: 2 });
    await expectIndexesExact(db);
  });

  it('a queued document deleted or rewritten before the flush, and an indexed one changed in a later group, leave exact indexes', async () => {
    await insert(db, 'd3', TEXTS.d3); // not deferred: indexed at once
    expect(await hits(db, 'documents_fts', '"vidare"')).toEqual(['d3']);
    await db.transaction().execute(async (trx) => {
      await deferSearchIndex(trx);
      await insert(trx, 'd1', TEXTS.d1);
      await insert(trx, 'd2', TEXTS.d2);
      await sql`delete from documents where id = 'd1'`.execute(trx);
      await sql`update documents set text = ${TEXTS.d1}, search_words = ${searchWords(TEXTS.d1)} where id = 'd2'`.execute(trx);
      await sql`update documents set text = ${TEXTS.d2}, search_words = ${searchWords(TEXTS.d2)} where id = 'd3'`.execute(trx);
      await flushSearchIndex(trx);
    });
    expect(await hits(db, 'documents_fts', '"vidare"')).toEqual([]);
    expect(await hits(db, 'documents_fts', '"alvkarleby"')).toEqual(['d3']);
    expect(await hits(db, 'documents_fts', '"lotsen"')).toEqual(['d2']);
    expect(await queues(db)).toEqual({ facts: 0, search: 0, deferred: 0, rows: 2 });
    await expectIndexesExact(db);
  });

  it('a rolled-back group leaves neither queue nor index entries, nor deferral', async () => {
    await db.transaction().execute(async (trx) => {
      await deferSearchIndex(trx);
      await insert(trx, 'd1', TEXTS.d1);
      throw new Error('crash');
    }).catch(() => undefined);
    expect(await queues(db)).toEqual({ facts: 0, search: 0, deferred: 0, rows: 0 });
    await insert(db, 'd1', TEXTS.d1);
    expect(await hits(db, 'documents_fts', '"lotsen"')).toHaveLength(1);
    await expectIndexesExact(db);
  });

  it('013 down gives back 012 (facts made at once, only indexing queued) and up defers the facts again', async () => {
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('012_search_index_deferred')).error).toBeUndefined();
    await db.transaction().execute(async (trx) => {
      await deferSearchIndex(trx);
      await insert(trx, 'd1', TEXTS.d1);
      expect((await sql<{ n: number }>`select count(*) as n from search_queue`.execute(trx)).rows[0].n).toBe(1);
      expect((await sql<{ n: number }>`select count(*) as n from document_facts`.execute(trx)).rows[0].n).toBe(1);
      await flushSearchIndex012(trx);
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await db.transaction().execute(async (trx) => {
      await deferSearchIndex(trx);
      await insert(trx, 'd2', TEXTS.d2);
      expect(await queues(trx)).toEqual({ facts: 1, search: 0, deferred: 1, rows: 1 });
      await flushSearchIndex(trx);
    });
    expect(await hits(db, 'documents_fts', '"lotsen" OR "alvkarleby"')).toEqual(['d1', 'd2']);
    await expectIndexesExact(db);
  });
});

/** 012's flush, without 013's facts queue. */
async function flushSearchIndex012(trx: Kysely<any>): Promise<void> {
  await sql`insert into documents_fts(rowid, text) select rowid, text from search_content where rowid in (select rowid from search_queue)`.execute(trx);
  await sql`insert into documents_trigram(rowid, text) select rowid, text from trigram_content where rowid in (select rowid from search_queue)`.execute(trx);
  await sql`delete from search_queue`.execute(trx);
  await sql`update search_indexing set deferred = 0`.execute(trx);
}
